using H3Yun;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers H3Yun with dependency injection: the options (bound and validated at start-up), an
/// <see cref="H3YunClient"/> over a named HttpClient from <c>IHttpClientFactory</c> whose handler never follows
/// redirects, and every generated repository (and <c>[H3Form]</c> class repository) of the application.
/// </summary>
public static class H3YunServiceCollectionExtensions
{
    /// <summary>Registers the default engine, configured from a section such as <c>configuration.GetSection("H3Yun")</c>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding EngineCode, EngineSecret and the other options.</param>
    /// <param name="configure">Sets what configuration cannot hold (a <see cref="H3YunClientOptions.RateLimiter"/>), after the section was read.</param>
    /// <returns>A builder to configure the engine's HttpClient further.</returns>
    public static IH3YunBuilder AddH3Yun(this IServiceCollection services, IConfiguration configuration, Action<H3YunClientOptions>? configure = null) =>
        services.AddH3Yun(name: null, configuration, configure);

    /// <summary>Registers the default engine, configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to configure the engine's HttpClient further.</returns>
    public static IH3YunBuilder AddH3Yun(this IServiceCollection services, Action<H3YunClientOptions> configure) =>
        services.AddH3Yun(name: null, configure);

    /// <summary>
    /// Registers a named engine (one of several in the application) from a configuration section. Its client and
    /// repositories are keyed services: <c>[FromKeyedServices("tenantA")] SalesOrderRepository orders</c>, or
    /// <c>provider.GetRequiredKeyedService&lt;SalesOrderRepository&gt;("tenantA")</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The engine's name, the service key; <see langword="null"/> for the default engine.</param>
    /// <param name="configuration">The section holding the engine's options.</param>
    /// <param name="configure">Sets what configuration cannot hold (a <see cref="H3YunClientOptions.RateLimiter"/>), after the section was read.</param>
    /// <returns>A builder to configure the engine's HttpClient further.</returns>
    public static IH3YunBuilder AddH3Yun(this IServiceCollection services, string? name, IConfiguration configuration, Action<H3YunClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = (configuration as IConfigurationSection)?.Path;
        return services.AddH3Yun(name, path, options =>
        {
            var problems = H3YunConfiguration.Bind(configuration, options);
            if (problems.Count > 0)
            {
                throw new OptionsValidationException(name ?? Options.Options.DefaultName, typeof(H3YunClientOptions), problems);
            }

            configure?.Invoke(options);
        });
    }

    /// <summary>Registers a named engine configured in code; see <see cref="AddH3Yun(IServiceCollection, string?, IConfiguration, Action{H3YunClientOptions}?)"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The engine's name, the service key; <see langword="null"/> for the default engine.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to configure the engine's HttpClient further.</returns>
    public static IH3YunBuilder AddH3Yun(this IServiceCollection services, string? name, Action<H3YunClientOptions> configure) =>
        services.AddH3Yun(name, path: null, configure);

    private static H3YunBuilder AddH3Yun(this IServiceCollection services, string? name, string? path, Action<H3YunClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (name is { Length: 0 })
        {
            throw new ArgumentException("An engine's name cannot be empty; pass null for the default engine.", nameof(name));
        }

        var optionsName = name ?? Options.Options.DefaultName;
        services.AddOptions<H3YunClientOptions>(optionsName).Configure(configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<H3YunClientOptions>>(new H3YunOptionsValidator(optionsName, path));

        var httpClientName = "H3Yun" + (name is null ? string.Empty : ":" + name);
        var http = services.AddHttpClient(httpClientName)
            .ConfigurePrimaryHttpMessageHandler(static () => OpenApiTransport.CreateHandler())
            .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan)
            // IHttpClientFactory logs request headers at Trace level; the EngineSecret travels in one.
            .RedactLoggedHeaders([OpenApiNames.EngineSecretHeader, OpenApiNames.EngineCodeHeader]);

        H3YunClient Create(IServiceProvider provider) => new(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName),
            provider.GetRequiredService<IOptionsMonitor<H3YunClientOptions>>().Get(optionsName),
            provider.GetService<ILogger<H3YunClient>>());

        if (name is null)
        {
            services.TryAddSingleton(Create);
        }
        else
        {
            services.TryAddKeyedSingleton(name, (provider, _) => Create(provider));
        }

        H3YunRepositories.AddTo(services, name);
        return new H3YunBuilder(services, name, http);
    }

    private sealed class H3YunBuilder(IServiceCollection services, string? name, IHttpClientBuilder httpClient) : IH3YunBuilder
    {
        public IServiceCollection Services { get; } = services;

        public string? Name { get; } = name;

        public IHttpClientBuilder HttpClient { get; } = httpClient;
    }
}
