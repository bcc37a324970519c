using System.Text.Json;
using H3Yun.Sync.Storage;
using H3Yun.Sync.Windows;

namespace H3Yun.Sync.Copying;

/// <summary>
/// Finds the records H3Yun no longer has. H3Yun keeps no deletion mark and no action lists deletions, so the only way is
/// to list the ObjectIds that exist (<c>ReturnItems: ["ObjectId"]</c>) and compare. The listing is cut by
/// <c>CreatedTime</c>, which never changes, so its windows are stable; a copy row missing from the listing is only a
/// candidate: it is deleted only after an <c>In</c> query on the candidates (500 per request) confirms H3Yun lacks it,
/// so a listing that missed a row cannot delete a live one.
/// </summary>
internal sealed class Reconciler(SourceReader reader, SyncStore store, FormCounters counters, Action report)
{
    /// <summary>Deletes (or marks) the copy's records H3Yun no longer has, among those created before <paramref name="upper"/>.</summary>
    /// <param name="tables">The form's tables.</param>
    /// <param name="upper">The run's upper bound.</param>
    /// <param name="mark">Mark with <c>_deleted_at</c> instead of deleting.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The work.</returns>
    public async Task ReconcileAsync(FormTables tables, DateTime upper, bool mark, CancellationToken cancellationToken)
    {
        var code = tables.Main.SchemaCode;
        var listed = new HashSet<string>(StringComparer.Ordinal);
        void Add(IReadOnlyList<JsonElement> rows)
        {
            foreach (var row in rows)
            {
                listed.Add(SyncStore.ObjectIdOf(row));
            }
        }

        var pending = new Stack<TimeWindow>(WindowPlanner.Initial(null, upper, TimeSpan.Zero).Reverse());
        while (pending.TryPop(out var window))
        {
            var answer = await reader.ReadAsync(code, "CreatedTime", window, prefix: null, idsOnly: true, cancellationToken).ConfigureAwait(false);
            counters.Windows++;
            if (answer.IsComplete)
            {
                Add(answer.Rows);
            }
            else if (window.Seconds >= 2)
            {
                foreach (var part in WindowPlanner.Split(window, answer.TotalCount).Reverse())
                {
                    pending.Push(part);
                }
            }
            else
            {
                await SecondPartition.ReadAsync(reader, code, "CreatedTime", window, answer.TotalCount, idsOnly: true, rows =>
                {
                    Add(rows);
                    return Task.CompletedTask;
                }, cancellationToken).ConfigureAwait(false);
            }

            report();
        }

        var candidates = (await store.ReadIdsAsync(tables.Main, cancellationToken).ConfigureAwait(false))
            .Where(row => (row.CreatedTime is null || row.CreatedTime < upper) && !listed.Contains(row.ObjectId))
            .Select(row => row.ObjectId)
            .ToList();
        if (candidates.Count == 0)
        {
            // Nothing to confirm or remove: still record that the reconcile ran (h3yun_forms.last_reconcile_at).
            await store.RemoveAsync(tables, [], mark, cancellationToken).ConfigureAwait(false);
        }

        foreach (var chunk in candidates.Chunk(Filter.MaxPageSize))
        {
            var answer = await reader.ExistingAsync(code, chunk, cancellationToken).ConfigureAwait(false);
            var alive = answer.Rows.Select(SyncStore.ObjectIdOf).ToHashSet(StringComparer.Ordinal);
            if (answer.TotalCount > chunk.Length || !alive.IsSubsetOf(chunk))
            {
                throw new H3YunSyncException(
                    $"H3Yun answered an ObjectId In query on {chunk.Length} ids of {code} with {answer.TotalCount} records, not all of them asked for; the copy deletes nothing it cannot confirm.");
            }

            var gone = chunk.Where(id => !alive.Contains(id)).ToList();
            await store.RemoveAsync(tables, gone, mark, cancellationToken).ConfigureAwait(false);
            counters.RowsDeleted += gone.Count;
            report();
        }
    }
}
