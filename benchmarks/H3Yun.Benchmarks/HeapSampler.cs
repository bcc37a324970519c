namespace H3Yun.Benchmarks;

/// <summary>
/// The peak managed heap while some work runs, above the heap after a full collection just before it: sampled every
/// 20 ms without forcing collections (so it includes garbage not yet collected), or, <c>live</c>, after a full
/// collection every 100 ms and at the end (what the work holds, not what it churns).
/// </summary>
internal sealed class HeapSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly long _baseline;
    private readonly Task _sampling;
    private long _peak;

    private readonly bool _live;

    private HeapSampler(bool live)
    {
        _live = live;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        _baseline = GC.GetTotalMemory(forceFullCollection: true);
        _sampling = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                _peak = Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: live));
                await Task.Delay(live ? 100 : 20, CancellationToken.None).ConfigureAwait(false);
            }
        });
    }

    /// <summary>Starts sampling.</summary>
    /// <param name="live">Whether to sample the live heap, after a full collection, rather than the heap as it stands.</param>
    public static HeapSampler Start(bool live = false) => new(live);

    /// <summary>Stops sampling and returns the peak above the baseline, in bytes.</summary>
    public async Task<long> StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _sampling.ConfigureAwait(false);
        _peak = Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: _live)); // work shorter than a sample's interval
        return Math.Max(0, _peak - _baseline);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
