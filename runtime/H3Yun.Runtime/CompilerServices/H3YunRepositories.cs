using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace H3Yun.CompilerServices;

/// <summary>
/// The repositories the generator made, registered without reflection: each project's generated code adds its
/// repositories here when its assembly loads, and <c>AddH3Yun</c> registers them for each engine. Forms kept in a
/// class library are registered once that library is loaded; to be sure, call its generated
/// <c>H3YunGeneratedRepositories.AddTo(services, name)</c> as well (adding twice is harmless).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class H3YunRepositories
{
    private static readonly List<Action<IServiceCollection, string?>> Registrations = [];

    /// <summary>Called by generated code when its assembly loads.</summary>
    /// <param name="addRepositories">Adds the assembly's repositories for an engine (null: the default engine).</param>
    public static void Register(Action<IServiceCollection, string?> addRepositories)
    {
        ArgumentNullException.ThrowIfNull(addRepositories);
        lock (Registrations)
        {
            Registrations.Add(addRepositories);
        }
    }

    /// <summary>Registers one repository as a singleton of the engine: keyed by its name, or the default.</summary>
    /// <typeparam name="TRepository">The generated repository.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="name">The engine's name, or <see langword="null"/> for the default engine.</param>
    /// <param name="create">Makes the repository over the engine's client.</param>
    public static void Add<TRepository>(IServiceCollection services, string? name, Func<H3YunClient, TRepository> create)
        where TRepository : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(create);
        if (name is null)
        {
            services.TryAddSingleton(provider => create(provider.GetRequiredService<H3YunClient>()));
        }
        else
        {
            services.TryAddKeyedSingleton(name, (provider, key) => create(provider.GetRequiredKeyedService<H3YunClient>(key)));
        }
    }

    internal static void AddTo(IServiceCollection services, string? name)
    {
        Action<IServiceCollection, string?>[] registrations;
        lock (Registrations)
        {
            registrations = [.. Registrations];
        }

        foreach (var register in registrations)
        {
            register(services, name);
        }
    }
}
