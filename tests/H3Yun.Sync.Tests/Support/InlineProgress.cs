namespace H3Yun.Sync.Tests.Support;

/// <summary>
/// Progress handed to the test as it is reported, in order, on the reporting thread (<see cref="Progress{T}"/> posts each
/// report to the thread pool, where their order is lost).
/// </summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock _gate = new();

    public void Report(T value)
    {
        lock (_gate)
        {
            report(value);
        }
    }
}
