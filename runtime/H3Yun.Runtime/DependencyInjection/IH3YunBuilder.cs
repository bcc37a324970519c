using Microsoft.Extensions.DependencyInjection;

namespace H3Yun;

/// <summary>What <c>AddH3Yun</c> registered for one engine, to configure it further.</summary>
public interface IH3YunBuilder
{
    /// <summary>The services the engine was added to.</summary>
    IServiceCollection Services { get; }

    /// <summary>The engine's name (its service key), or <see langword="null"/> for the default engine.</summary>
    string? Name { get; }

    /// <summary>
    /// The engine's named HttpClient, to add handlers (a proxy, resilience of your own). Do not configure it to
    /// follow redirects: the EngineSecret would follow them.
    /// </summary>
    IHttpClientBuilder HttpClient { get; }
}
