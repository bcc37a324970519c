using System.Text.Json;
using H3Yun.Sync.Storage;
using H3Yun.Sync.Windows;

namespace H3Yun.Sync.Copying;

/// <summary>
/// The increment of one form: the windows of <c>[cursor − overlap, upper)</c>, each read in one request, committed with
/// the cursor in one transaction, in ascending order so that the cursor only ever passes rows that are committed.
/// A window with more than 500 rows is not wasted: when its answer came in ascending time, the next request reads
/// only what lies above the answer's rows, and that request's count proves (or not) that the answer held every row
/// below them (<see cref="WindowPlanner.ProvesPrefix"/>); so a full copy commits nearly 500 rows per request. Where no
/// proof is possible (an answer in no order, a window reaching above the entry bound) the window is split where its
/// answer's rows are and every part is read whole.
/// </summary>
internal sealed class FormCopier(SourceReader reader, SyncStore store, FormCounters counters, Action report)
{
    // The counters are written by the reading loop and by the commit task, and read by the progress.
    private readonly object _gate = new();

    /// <summary>Copies the form's changes below <paramref name="upper"/>.</summary>
    /// <param name="tables">The form's tables.</param>
    /// <param name="upper">The run's upper bound.</param>
    /// <param name="overlap">How far below the cursor to read again.</param>
    /// <param name="cancellationToken">Stops the work; what was committed stays, the next run resumes from it.</param>
    /// <returns>The work.</returns>
    public async Task CopyAsync(FormTables tables, DateTime upper, TimeSpan overlap, CancellationToken cancellationToken)
    {
        var commits = new CommitQueue(
            async (rows, cursor) =>
            {
                await store.CommitAsync(tables, rows, cursor, cancellationToken).ConfigureAwait(false);
                lock (_gate)
                {
                    counters.Cursor = cursor;
                    counters.RowsUpserted += rows.Count;
                    report();
                }
            },
            cancellationToken);
        try
        {
            await ReadAsync(tables, upper, overlap, commits, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // What is queued was proven: let it be committed (or fail on the same cancellation), then report the reading's failure.
            try
            {
                await commits.CompleteAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or H3YunSyncException or System.Data.Common.DbException)
            {
                // The reading's failure is the one to report.
            }

            throw;
        }

        await commits.CompleteAsync().ConfigureAwait(false);
    }

    private async Task ReadAsync(FormTables tables, DateTime upper, TimeSpan overlap, CommitQueue commits, CancellationToken cancellationToken)
    {
        var code = tables.Main.SchemaCode;
        var entryBound = WindowPlanner.EntryBound(upper, overlap);
        // The windows still to read, the lowest on top, covering the rest of the range without a gap: every row below
        // the top window's start is committed or queued to be (the cursor may lag behind, never lead). Each carries the
        // rows it is expected to hold, for the progress (0 when unknown).
        var pending = new Stack<(TimeWindow Window, long Expected)>(WindowPlanner.CopyWindows(counters.Cursor, upper, overlap).Reverse().Select(window => (window, 0L)));
        // The cursor after the commits queued so far.
        var cursor = counters.Cursor;
        // An oversized window whose answer's rows below Cut wait for the proof that they are all of them: the
        // window on top of the stack is then its remainder [Cut, End), and nothing between is committed.
        Unproven? unproven = null;
        while (pending.TryPop(out var next))
        {
            var window = next.Window;
            var answer = await reader.ReadAsync(code, "ModifiedTime", window, prefix: null, idsOnly: false, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                counters.Windows++;
            }

            if (unproven is { } prefix)
            {
                unproven = null;
                if (WindowPlanner.ProvesPrefix(prefix.Window, entryBound, prefix.Answer.TotalCount, answer.TotalCount, prefix.HeldIds))
                {
                    await commits.EnqueueAsync(prefix.Held, Advance(new TimeWindow(prefix.Window.Start, prefix.Cut)), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    // Not proven (the answer was not the earliest rows, or rows left meanwhile): this answer is set
                    // aside, since rows below the cut must be committed first. Try the cut at the answer's last second,
                    // whose rows may go on beyond the answer, unless that was the cut tried; else split the prefix and
                    // read its parts whole, then the remainder again.
                    var times = TimesOf(prefix.Answer.Rows);
                    if (WindowPlanner.PrefixCut(prefix.Window, times, afterLast: false) is { } cut && cut != prefix.Cut)
                    {
                        unproven = Hold(prefix.Window, prefix.Answer, cut);
                        pending.Push((new TimeWindow(cut, prefix.Window.End), answer.TotalCount));
                    }
                    else
                    {
                        var below = new TimeWindow(prefix.Window.Start, prefix.Cut);
                        var rowsBelow = Math.Max(0, prefix.Answer.TotalCount - answer.TotalCount);
                        pending.Push((window, answer.TotalCount));
                        PushSplit(pending, below, rowsBelow, times, rowsBelow <= Filter.MaxPageSize);
                    }

                    Report(pending);
                    continue;
                }
            }

            if (answer.IsComplete)
            {
                await commits.EnqueueAsync(answer.Rows, Advance(window), cancellationToken).ConfigureAwait(false);
            }
            else if (window.Seconds >= 2)
            {
                var times = TimesOf(answer.Rows);
                if (window.Start < entryBound && window.End > entryBound)
                {
                    // A count of a window reaching above the entry bound proves nothing below it (a row may enter
                    // meanwhile): read the part below on its own, once, and the seconds above it after.
                    pending.Push((new TimeWindow(entryBound, window.End), 0));
                    pending.Push((new TimeWindow(window.Start, entryBound), answer.TotalCount));
                }
                else if (window.End <= entryBound && WindowPlanner.PrefixCut(window, times, afterLast: true) is { } cut)
                {
                    unproven = Hold(window, answer, cut);
                    pending.Push((new TimeWindow(cut, window.End), Math.Max(0, answer.TotalCount - unproven.Value.Held.Count)));
                }
                else
                {
                    // The rows this answer returned are not committed (nothing proves they are all of any part); their
                    // times only place the cuts, and every part is read whole.
                    PushSplit(pending, window, answer.TotalCount, times, whole: false);
                }
            }
            else
            {
                // The second's parts are committed as they come, without the cursor (an upsert again is harmless), after
                // what is queued; the cursor passes the second only once every part is in and the partition is checked.
                Report(pending);
                await commits.DrainAsync(cancellationToken).ConfigureAwait(false);
                await SecondPartition.ReadAsync(reader, code, "ModifiedTime", window, answer.TotalCount, idsOnly: false, async rows =>
                {
                    await store.CommitAsync(tables, rows, cursor: null, cancellationToken).ConfigureAwait(false);
                    lock (_gate)
                    {
                        counters.Windows++;
                        counters.RowsUpserted += rows.Count;
                        report();
                    }
                }, cancellationToken).ConfigureAwait(false);
                await commits.EnqueueAsync([], Advance(window), cancellationToken).ConfigureAwait(false);
            }

            Report(pending);
        }

        DateTime Advance(TimeWindow committed)
        {
            var next = WindowPlanner.Advance(cursor, committed);
            cursor = next;
            return next;
        }
    }

    private void Report(Stack<(TimeWindow Window, long Expected)> pending)
    {
        var rowsAhead = pending.Sum(item => item.Expected);
        lock (_gate)
        {
            counters.RowsAhead = rowsAhead;
            counters.WindowsAhead = pending.Count;
            report();
        }
    }

    /// <summary>A window too big for one read, as parts placed by its answer's rows (or, when they are likely few enough, as one).</summary>
    private static void PushSplit(Stack<(TimeWindow Window, long Expected)> pending, TimeWindow window, long count, List<DateTime> times, bool whole)
    {
        if (whole || window.Seconds < 2)
        {
            pending.Push((window, count));
            return;
        }

        var parts = WindowPlanner.Split(window, count, times);
        foreach (var part in parts.Reverse())
        {
            pending.Push((part, count / parts.Count));
        }
    }

    /// <summary>The rows of an oversized answer below a cut, held until the remainder's count proves them whole.</summary>
    private static Unproven Hold(TimeWindow window, WindowAnswer answer, DateTime cut)
    {
        var held = new List<JsonElement>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in answer.Rows)
        {
            if (RowValues.Member(row, "ModifiedTime") is { ValueKind: JsonValueKind.String } value && ChinaTime.TryParse(value.GetString(), out var time)
                && time >= window.Start && time < cut
                && RowValues.Member(row, "ObjectId") is { ValueKind: JsonValueKind.String } id && ids.Add(id.GetString()!))
            {
                held.Add(row);
            }
        }

        return new Unproven(window, answer, cut, held, ids.Count);
    }

    private static List<DateTime> TimesOf(IReadOnlyList<JsonElement> rows)
    {
        var times = new List<DateTime>(rows.Count);
        foreach (var row in rows)
        {
            if (RowValues.Member(row, "ModifiedTime") is { ValueKind: JsonValueKind.String } value && ChinaTime.TryParse(value.GetString(), out var time))
            {
                times.Add(time);
            }
        }

        return times;
    }

    /// <summary>An oversized window's answer and the rows of it below <paramref name="Cut"/>, not yet proven whole.</summary>
    private readonly record struct Unproven(TimeWindow Window, WindowAnswer Answer, DateTime Cut, List<JsonElement> Held, int HeldIds);
}
