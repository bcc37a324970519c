using H3Yun.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace H3Yun.Runtime.Tests;

/// <summary><c>services.AddH3Yun(...)</c>: options from configuration, validated at start-up, a client over IHttpClientFactory, every repository.</summary>
public class DependencyInjectionTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task A_configured_engine_gives_every_generated_and_mapped_repository()
    {
        using var host = Host(Settings("H3Yun", fixture.Emulator), (services, configuration) => services.AddH3Yun(configuration.GetSection("H3Yun")));
        await host.StartAsync();

        var orders = host.Services.GetRequiredService<SalesOrderRepository>();
        var created = await orders.CreateAsync(new SalesOrder { OrderNumber = "DI-1" });

        Assert.Equal("DI-1", (await orders.LoadAsync(created.ObjectId))?.OrderNumber);
        Assert.Same(orders.Client, host.Services.GetRequiredService<H3YunClient>());
        Assert.Same(orders.Client, host.Services.GetRequiredService<AllTypesRepository>().Client);
        Assert.Same(orders.Client, host.Services.GetRequiredService<OrderSummaryRepository>().Client);
        Assert.Same(orders, host.Services.GetRequiredService<SalesOrderRepository>());
    }

    [Fact]
    public async Task Options_configured_in_code_work_like_configuration()
    {
        using var host = Host([], (services, _) => services.AddH3Yun(options =>
        {
            options.BaseAddress = fixture.Emulator.BaseAddress;
            options.EngineCode = fixture.Emulator.EngineCode;
            options.EngineSecret = fixture.Emulator.EngineSecret;
            options.RequestsPerSecond = null;
        }));
        await host.StartAsync();

        var client = host.Services.GetRequiredService<H3YunClient>();

        Assert.Null(client.Options.RequestsPerSecond);
        Assert.NotNull((await host.Services.GetRequiredService<CustomerRepository>().QueryAsync()).Items);
    }

    public static TheoryData<string, string?, string> BadSettings => new()
    {
        { "EngineSecret", null, "H3Yun:EngineSecret is empty" },
        { "EngineCode", "", "H3Yun:EngineCode is empty" },
        { "Timeout", "soon", "H3Yun:Timeout is 'soon', which is not a time span such as 00:01:00" },
        { "RequestsPerSecond", "-1", "H3Yun:RequestsPerSecond is '-1', which is not a positive number" },
        { "BaseAddress", "www.h3yun.com", "H3Yun:BaseAddress is 'www.h3yun.com', which is not an http or https address such as https://www.h3yun.com" },
        { "BaseAddress", "localhost:5080", "H3Yun:BaseAddress is 'localhost:5080', which is not an http or https address" },
        { "EngineScret", "x", "H3Yun:EngineScret is not an H3Yun option" },
        { "TimeZone", "Mars/Olympus", "H3Yun:TimeZone is 'Mars/Olympus', which is not a time-zone id" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_wrong_setting_stops_the_start_naming_its_key(string key, string? value, string expected)
    {
        var settings = Settings("H3Yun", fixture.Emulator);
        settings[$"H3Yun:{key}"] = value;
        using var host = Host(settings, (services, configuration) => services.AddH3Yun(configuration.GetSection("H3Yun")));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Emulator.EngineSecret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_can_set_what_configuration_cannot_hold_after_the_section_is_read()
    {
        using var limiter = new System.Threading.RateLimiting.ConcurrencyLimiter(new() { PermitLimit = 1, QueueLimit = 10 });
        using var host = Host(Settings("H3Yun", fixture.Emulator), (services, configuration) =>
            services.AddH3Yun(configuration.GetSection("H3Yun"), options => options.RateLimiter = limiter));
        await host.StartAsync();

        var client = host.Services.GetRequiredService<H3YunClient>();

        Assert.Same(limiter, client.Options.RateLimiter);
        Assert.Equal(fixture.Emulator.EngineCode, client.Options.EngineCode);
    }

    [Fact]
    public async Task A_wrong_secret_value_is_never_repeated_in_the_error()
    {
        var settings = Settings("H3Yun", fixture.Emulator);
        settings["H3Yun:Timeout"] = fixture.Emulator.EngineSecret;
        using var host = Host(settings, (services, configuration) => services.AddH3Yun(configuration.GetSection("H3Yun")));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("H3Yun:Timeout", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Emulator.EngineSecret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_engines_are_keyed_services_with_their_own_options_and_budgets()
    {
        await using var other = await H3YunEmulator.StartAsync(new H3YunEmulatorOptions { EngineCode = "tenant-b-engine" });
        var settings = Settings("Tenants:A", fixture.Emulator);
        foreach (var (key, value) in Settings("Tenants:B", other))
        {
            settings[key] = value;
        }

        using var host = Host(settings, (services, configuration) =>
        {
            services.AddH3Yun("tenantA", configuration.GetSection("Tenants:A"));
            services.AddH3Yun("tenantB", configuration.GetSection("Tenants:B"));
        });
        await host.StartAsync();

        var a = host.Services.GetRequiredKeyedService<CustomerRepository>("tenantA");
        var b = host.Services.GetRequiredKeyedService<CustomerRepository>("tenantB");
        await a.CreateAsync(new Customer { CustomerName = "甲" });

        Assert.Equal(fixture.Emulator.EngineCode, a.Client.Options.EngineCode);
        Assert.Equal("tenant-b-engine", b.Client.Options.EngineCode);
        Assert.NotSame(a.Client, b.Client);
        Assert.Empty((await b.QueryAsync()).Items);
        Assert.Null(host.Services.GetService<H3YunClient>());
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task The_factorys_client_never_follows_a_redirect(int status)
    {
        await using var elsewhere = LoopbackServer.Start("127.0.0.2").Then(Reply.Success("""{"BizObjectId":"stolen"}"""));
        await using var h3yun = LoopbackServer.Start().Then(Reply.Http(status, string.Empty, null, $"Location: {elsewhere.BaseAddress}OpenApi/Invoke"));
        using var host = Host(
            new Dictionary<string, string?> { ["H3Yun:BaseAddress"] = h3yun.BaseAddress.ToString(), ["H3Yun:EngineCode"] = "redirected", ["H3Yun:EngineSecret"] = "not-for-elsewhere", ["H3Yun:RequestsPerSecond"] = "none" },
            (services, configuration) => services.AddH3Yun(configuration.GetSection("H3Yun")));
        await host.StartAsync();

        var error = await Assert.ThrowsAsync<H3YunTransportException>(() => host.Services.GetRequiredService<BookRepository>().CreateAsync(new Book { Title = "x" }));

        Assert.Equal(status, (int?)error.StatusCode);
        Assert.Contains("127.0.0.2", error.Message, StringComparison.Ordinal);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task The_factorys_trace_logging_of_request_headers_never_shows_the_secret()
    {
        var logs = new CollectingLoggerProvider();
        using var host = Host(Settings("H3Yun", fixture.Emulator), (services, configuration) =>
        {
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
            services.AddH3Yun(configuration.GetSection("H3Yun"));
        });
        await host.StartAsync();

        await host.Services.GetRequiredService<BookRepository>().QueryAsync();

        Assert.Contains(logs.Messages, message => message.Contains("EngineSecret", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, message => message.Contains(fixture.Emulator.EngineSecret, StringComparison.Ordinal));
    }

    private static Dictionary<string, string?> Settings(string section, H3YunEmulator emulator) => new()
    {
        [$"{section}:BaseAddress"] = emulator.BaseAddress.ToString(),
        [$"{section}:EngineCode"] = emulator.EngineCode,
        [$"{section}:EngineSecret"] = emulator.EngineSecret,
        [$"{section}:RequestsPerSecond"] = "none",
        [$"{section}:Timeout"] = "00:00:30",
    };

    private static IHost Host(Dictionary<string, string?> settings, Action<IServiceCollection, IConfiguration> configure)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        configure(builder.Services, builder.Configuration);
        builder.ConfigureContainer(new Microsoft.Extensions.DependencyInjection.DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        return builder.Build();
    }

    private sealed class CollectingLoggerProvider : ILoggerProvider, ILogger
    {
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_messages)
            {
                _messages.Add(formatter(state, exception) + exception);
            }
        }

        public void Dispose()
        {
        }
    }
}
