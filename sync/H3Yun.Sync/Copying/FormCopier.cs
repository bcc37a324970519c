using System.Text.Json;
using H3Yun.Sync.Storage;
using H3Yun.Sync.Windows;

namespace H3Yun.Sync.Copying;

/// <summary>
/// The increment of one form: the windows of <c>[cursor − overlap, upper)</c>, each read in one request, split while it
/// holds more than 500 rows, committed with the cursor in one transaction, in ascending order so that the cursor only
/// ever passes windows whose rows are committed.
/// </summary>
internal sealed class FormCopier(SourceReader reader, SyncStore store, FormCounters counters, Action report)
{
    /// <summary>Copies the form's changes below <paramref name="upper"/>.</summary>
    /// <param name="tables">The form's tables.</param>
    /// <param name="upper">The run's upper bound.</param>
    /// <param name="overlap">How far below the cursor to read again.</param>
    /// <param name="cancellationToken">Stops the work; what was committed stays, the next run resumes from it.</param>
    /// <returns>The work.</returns>
    public async Task CopyAsync(FormTables tables, DateTime upper, TimeSpan overlap, CancellationToken cancellationToken)
    {
        var code = tables.Main.SchemaCode;
        // Each pending window carries the rows it is expected to hold (a split window's count shared evenly among its
        // parts; unknown windows 0), so that the progress can say how much is ahead.
        var pending = new Stack<(TimeWindow Window, long Expected)>(WindowPlanner.Initial(counters.Cursor, upper, overlap).Reverse().Select(window => (window, 0L)));
        while (pending.TryPop(out var next))
        {
            var window = next.Window;
            var answer = await reader.ReadAsync(code, "ModifiedTime", window, prefix: null, idsOnly: false, cancellationToken).ConfigureAwait(false);
            counters.Windows++;
            if (answer.IsComplete)
            {
                var cursor = WindowPlanner.Advance(counters.Cursor, window);
                await store.CommitAsync(tables, answer.Rows, cursor, cancellationToken).ConfigureAwait(false);
                counters.Cursor = cursor;
                counters.RowsUpserted += answer.Rows.Count;
            }
            else if (window.Seconds >= 2)
            {
                // The rows this answer returned are not committed (nothing proves they are all of any part); their times
                // only place the cuts, and every part is read whole.
                var parts = WindowPlanner.Split(window, answer.TotalCount, TimesOf(answer.Rows));
                foreach (var part in parts.Reverse())
                {
                    pending.Push((part, answer.TotalCount / parts.Count));
                }
            }
            else
            {
                // Parts are committed as they come, without the cursor (an upsert again is harmless); the cursor
                // passes the second only once every part is in and the partition is checked.
                await SecondPartition.ReadAsync(reader, code, "ModifiedTime", window, answer.TotalCount, idsOnly: false, async rows =>
                {
                    counters.Windows++;
                    await store.CommitAsync(tables, rows, cursor: null, cancellationToken).ConfigureAwait(false);
                    counters.RowsUpserted += rows.Count;
                    report();
                }, cancellationToken).ConfigureAwait(false);
                var cursor = WindowPlanner.Advance(counters.Cursor, window);
                await store.CommitAsync(tables, [], cursor, cancellationToken).ConfigureAwait(false);
                counters.Cursor = cursor;
            }

            counters.RowsAhead = pending.Sum(item => item.Expected);
            counters.WindowsAhead = pending.Count;
            report();
        }
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
}
