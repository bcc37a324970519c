using H3Yun;
using H3Yun.Sync;
using H3Yun.Sync.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the copy as a hosted service.</summary>
public static class H3YunSyncServiceCollectionExtensions
{
    /// <summary>
    /// Copies forms on an interval with the <see cref="H3Yun.H3YunClient"/> the container holds (<c>AddH3Yun</c>), so that the
    /// copy shares the engine's rate budget with the rest of the application.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="options">What to copy where.</param>
    /// <param name="interval">The time between runs; default 5 minutes.</param>
    /// <param name="reconcileEvery">How often to reconcile deletions; default once a day (and on the first run).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddH3YunSync(this IServiceCollection services, H3YunSyncOptions options, TimeSpan? interval = null, TimeSpan? reconcileEvery = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var schedule = new H3YunSyncSchedule(interval ?? TimeSpan.FromMinutes(5), reconcileEvery ?? TimeSpan.FromDays(1));
        if (schedule.Interval <= TimeSpan.Zero || schedule.ReconcileEvery <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), "The interval and the reconcile period must be positive.");
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService(provider => new H3YunSyncService(
            new H3YunSync(provider.GetRequiredService<H3YunClient>(), options),
            schedule,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<H3YunSyncService>>() ?? NullLogger<H3YunSyncService>.Instance));
        return services;
    }
}
