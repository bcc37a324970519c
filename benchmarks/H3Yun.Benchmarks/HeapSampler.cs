namespace H3Yun.Benchmarks;

/// <summary>
/// The peak managed heap while some work runs, above the heap after a full collection just before it, sampled every
/// 20 ms without forcing collections (so it includes garbage not yet collected).
/// </summary>
internal sealed class HeapSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly long _baseline;
    private readonly Task _sampling;
    private long _peak;

    private HeapSampler()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        _baseline = GC.GetTotalMemory(forceFullCollection: true);
        _sampling = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                _peak = Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(20, CancellationToken.None).ConfigureAwait(false);
            }
        });
    }

    /// <summary>Starts sampling.</summary>
    public static HeapSampler Start() => new();

    /// <summary>Stops sampling and returns the peak above the baseline, in bytes.</summary>
    public async Task<long> StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _sampling.ConfigureAwait(false);
        return Math.Max(0, _peak - _baseline);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
