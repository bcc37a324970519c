namespace H3Yun.Cli.Import;

/// <summary>
/// The writes of <c>h3yun import</c> as plain lines on standard error, at most one a second and one at the end: how
/// many of the writes are done, by outcome, and the time left at the rate seen. Plain lines read the same in a
/// terminal, a log and a redirected file. Called on the upsert's own flow, in order. <paramref name="elapsed"/> is the
/// time since the import started.
/// </summary>
internal sealed class ImportProgress(TextWriter error, int writes, Func<TimeSpan> elapsed) : IProgress<UpsertItemResult>
{
    private readonly Dictionary<UpsertOutcome, int> _counts = [];
    private TimeSpan? _printed;
    private int _done;

    public void Report(UpsertItemResult value)
    {
        _done++;
        _counts[value.Outcome] = _counts.GetValueOrDefault(value.Outcome) + 1;
        var now = elapsed();
        if (_printed is { } printed && now - printed < TimeSpan.FromSeconds(1) && _done < writes)
        {
            return;
        }

        _printed = now;
        // _done is at least 1 here: the rate seen so far, over the writes left.
        var left = TimeSpan.FromSeconds(now.TotalSeconds / _done * (writes - _done));
        error.WriteLine(
            $"Written {ImportCommand.N(_done)} of {ImportCommand.N(writes)} row(s): {Count(UpsertOutcome.Created)} created, {Count(UpsertOutcome.Updated)} updated, "
            + $"{Count(UpsertOutcome.Failed)} failed, {Count(UpsertOutcome.Unknown)} unknown{(_done < writes ? $"; about {Sync.SyncCommand.Format(left)} left" : string.Empty)}.");
    }

    private string Count(UpsertOutcome outcome) => ImportCommand.N(_counts.GetValueOrDefault(outcome));
}
