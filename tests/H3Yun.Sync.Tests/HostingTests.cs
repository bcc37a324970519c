using H3Yun.Sync.Hosting;
using H3Yun.Sync.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace H3Yun.Sync.Tests;

/// <summary>
/// The hosted copy runs at start (with the reconcile) and on its interval, with the container's client; it reconciles
/// again once its period has passed, logs a failed run and tries again at the next interval, and stops when the host does.
/// </summary>
public class HostingTests
{
    [Fact]
    public async Task AddH3YunSync_copies_when_the_host_starts()
    {
        await using var bench = await SyncBench.StartAsync();
        await bench.CreateAsync("a", 1m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        var services = new ServiceCollection();
        services.AddSingleton(bench.Client);
        services.AddH3YunSync(new H3YunSyncOptions { SchemaFolder = bench.SchemaFolder, Target = bench.DatabasePath, Lag = TimeSpan.FromSeconds(1), Clock = bench.Clock }, TimeSpan.FromHours(1));
        await using var provider = services.BuildServiceProvider();
        var service = Assert.Single(provider.GetServices<IHostedService>());

        await service.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!File.Exists(bench.DatabasePath) || CopyReader.Rows(bench.DatabasePath, "SELECT name FROM sqlite_master WHERE name = 'Orders'").Count == 0
            || CopyReader.Scalar(bench.DatabasePath, "SELECT COUNT(*) FROM Orders") == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the hosted copy did not run");
            await Task.Delay(50);
        }

        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_first_run_reconciles_the_next_ones_only_once_the_period_has_passed()
    {
        await using var bench = await SyncBench.StartAsync();
        var first = await bench.CreateAsync("first", 1m);
        var second = await bench.CreateAsync("second", 2m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        await bench.NewSync().RunAsync();
        await bench.RemoveAsync(second);
        await using var host = await HostedSync.StartAsync(bench, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));

        var atStart = await host.NextRunAsync();
        await bench.RemoveAsync(first);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var withinThePeriod = await host.NextRunAsync();
        host.Time.Advance(TimeSpan.FromMinutes(59));
        var afterThePeriod = await host.NextRunAsync();

        Assert.Contains("1 deleted", atStart.Message, StringComparison.Ordinal);
        Assert.Contains("0 deleted", withinThePeriod.Message, StringComparison.Ordinal);
        Assert.Contains("1 deleted", afterThePeriod.Message, StringComparison.Ordinal);
        Assert.Equal(0, bench.Scalar("SELECT COUNT(*) FROM Orders"));
        Assert.All([atStart, withinThePeriod, afterThePeriod], entry =>
        {
            Assert.Equal(LogLevel.Information, entry.Level);
            Assert.StartsWith($"H3Yun sync of {SyncBench.Form} into Orders: ", entry.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_failed_run_is_logged_and_the_next_interval_tries_again()
    {
        await using var bench = await SyncBench.StartAsync();
        await bench.CreateAsync("a", 1m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        bench.Hook.Before = _ => throw new HttpRequestException("H3Yun is out of reach");
        await using var host = await HostedSync.StartAsync(bench, TimeSpan.FromMinutes(2), TimeSpan.FromHours(1));

        var failed = await host.NextRunAsync();
        bench.Hook.Before = null;
        host.Time.Advance(TimeSpan.FromMinutes(2));
        var retried = await host.NextRunAsync();

        Assert.Equal(LogLevel.Error, failed.Level);
        Assert.Equal("H3Yun sync failed; what was committed stays, and the next run in 00:02:00 continues from it", failed.Message);
        Assert.IsAssignableFrom<H3YunException>(failed.Exception);
        Assert.Contains("1 rows copied, 0 deleted", retried.Message, StringComparison.Ordinal);
        Assert.Equal(1, bench.Scalar("SELECT COUNT(*) FROM Orders"));
    }

    [Fact]
    public async Task The_service_stops_with_the_host_between_runs()
    {
        await using var bench = await SyncBench.StartAsync();
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        await using var host = await HostedSync.StartAsync(bench, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
        await host.NextRunAsync();

        await host.Service.StopAsync(CancellationToken.None);

        Assert.True(host.Service.ExecuteTask!.IsCompletedSuccessfully);
        host.Time.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(200);
        Assert.Single(host.Log.Entries);
    }

    [Theory]
    [InlineData(0, 60)]
    [InlineData(-1, 60)]
    [InlineData(60, 0)]
    public void The_interval_and_the_reconcile_period_must_be_positive(int intervalSeconds, int reconcileSeconds)
    {
        var options = new H3YunSyncOptions { SchemaFolder = "schemas", Target = "copy.db" };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ServiceCollection().AddH3YunSync(options, TimeSpan.FromSeconds(intervalSeconds), TimeSpan.FromSeconds(reconcileSeconds)));

        Assert.StartsWith("The interval and the reconcile period must be positive.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddH3YunSync_names_a_missing_argument()
    {
        var options = new H3YunSyncOptions { SchemaFolder = "schemas", Target = "copy.db" };

        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddH3YunSync(options)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddH3YunSync(null!)).ParamName);
    }

    [Fact]
    public void By_default_the_copy_runs_every_five_minutes_and_reconciles_once_a_day_on_the_systems_clock()
    {
        using var client = new H3YunClient(new H3YunClientOptions { EngineCode = "e", EngineSecret = "s" });
        var services = new ServiceCollection();
        services.AddSingleton(client);
        services.AddH3YunSync(new H3YunSyncOptions { SchemaFolder = "schemas", Target = "copy.db" });
        using var provider = services.BuildServiceProvider();

        var service = Assert.IsType<H3YunSyncService>(Assert.Single(provider.GetServices<IHostedService>()));

        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Equal(new H3YunSyncSchedule(TimeSpan.FromMinutes(5), TimeSpan.FromDays(1)), service.Schedule);
    }

    /// <summary>The hosted service on a time the test moves, its log kept.</summary>
    private sealed class HostedSync : IAsyncDisposable
    {
        private readonly ServiceProvider _provider;
        private int _seen;

        private HostedSync(ServiceProvider provider, TimerClock time, CapturingLogger log)
        {
            _provider = provider;
            Time = time;
            Log = log;
            Service = (BackgroundService)provider.GetServices<IHostedService>().Single();
        }

        public TimerClock Time { get; }

        public CapturingLogger Log { get; }

        public BackgroundService Service { get; }

        public static async Task<HostedSync> StartAsync(SyncBench bench, TimeSpan interval, TimeSpan reconcileEvery)
        {
            var time = new TimerClock();
            var log = new CapturingLogger();
            var services = new ServiceCollection();
            services.AddSingleton(bench.Client);
            services.AddSingleton<TimeProvider>(time);
            services.AddSingleton<ILogger<H3YunSyncService>>(log);
            services.AddH3YunSync(bench.Options(), interval, reconcileEvery);
            var host = new HostedSync(services.BuildServiceProvider(), time, log);
            await host.Service.StartAsync(CancellationToken.None);
            return host;
        }

        /// <summary>The next run's log entry, once the service waits for the interval after it (so that moving the time reaches its timer).</summary>
        public async Task<LogEntry> NextRunAsync()
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (Log.Entries.Count <= _seen || Time.Timers <= _seen)
            {
                Assert.True(DateTime.UtcNow < deadline, "the hosted copy did not run");
                await Task.Delay(20);
            }

            return Log.Entries[_seen++];
        }

        public async ValueTask DisposeAsync()
        {
            await Service.StopAsync(CancellationToken.None);
            await _provider.DisposeAsync();
        }
    }

    /// <summary>A fake time that counts the timers started on it: one per wait between runs.</summary>
    private sealed class TimerClock : FakeTimeProvider
    {
        private int _timers;

        public int Timers => Volatile.Read(ref _timers);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            Interlocked.Increment(ref _timers);
            return timer;
        }
    }

    internal sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);

    private sealed class CapturingLogger : ILogger<H3YunSyncService>
    {
        private readonly List<LogEntry> _entries = [];

        public IReadOnlyList<LogEntry> Entries
        {
            get
            {
                lock (_entries)
                {
                    return [.. _entries];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_entries)
            {
                _entries.Add(new LogEntry(logLevel, formatter(state, exception), exception));
            }
        }
    }
}
