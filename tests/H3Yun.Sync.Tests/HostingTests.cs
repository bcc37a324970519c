using H3Yun.Sync.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace H3Yun.Sync.Tests;

/// <summary>The hosted copy runs at start (with the reconcile) and on its interval, with the container's client.</summary>
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
}
