using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace H3Yun.Emulator.Hosting;

/// <summary>
/// Replaces the console lifetime when the emulator runs inside another process, so that it neither grabs Ctrl+C
/// from its host nor prints "Application started" banners.
/// </summary>
internal sealed class NoopHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
