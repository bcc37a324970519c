using H3Yun.Sync.Copying;
using H3Yun.Sync.Schema;
using H3Yun.Sync.Storage;
using H3Yun.Sync.Telemetry;
using H3Yun.Sync.Windows;

namespace H3Yun.Sync;

/// <summary>
/// Copies H3Yun forms into SQLite or PostgreSQL, incrementally and without losing a row: see
/// <c>docs/copy-to-database.md</c>. One instance per target; <see cref="RunAsync(CancellationToken)"/> may be called again and again (the
/// hosted service does), each run continuing from the cursors the last one committed.
/// </summary>
public sealed class H3YunSync
{
    private readonly H3YunClient _client;
    private readonly H3YunSyncOptions _options;

    /// <summary>Creates the copy.</summary>
    /// <param name="client">The client: its rate budget, retries and outcome rules apply to every request.</param>
    /// <param name="options">What to copy where.</param>
    public H3YunSync(H3YunClient client, H3YunSyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Target);
        if (options.Lag < TimeSpan.Zero || options.Overlap < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Lag and Overlap cannot be negative.");
        }

        _client = client;
        _options = options;
    }

    /// <summary>
    /// Copies every selected form's changes up to H3Yun's clock less the lag, and reconciles deletions when the options
    /// say so. The schema files and the database are checked before the first request. Cancelled or killed at any point,
    /// the next run continues from the last committed cursor.
    /// </summary>
    /// <param name="cancellationToken">Stops the run; what was committed stays.</param>
    /// <returns>What the run did, per form.</returns>
    /// <exception cref="H3YunSyncException">The database, a schema file or H3Yun's answers stop the copy; the message says why.</exception>
    public Task<SyncReport> RunAsync(CancellationToken cancellationToken = default) => RunAsync(_options.Reconcile, cancellationToken);

    /// <summary>As <see cref="RunAsync(CancellationToken)"/>, choosing whether to reconcile deletions in this run.</summary>
    /// <param name="reconcile">Whether to reconcile deletions.</param>
    /// <param name="cancellationToken">Stops the run; what was committed stays.</param>
    /// <returns>What the run did, per form.</returns>
    public async Task<SyncReport> RunAsync(bool reconcile, CancellationToken cancellationToken = default)
    {
        var forms = SelectForms();
        var dialect = SyncTarget.Dialect(_options.Target);
        var store = await SyncStore.OpenAsync(dialect, cancellationToken).ConfigureAwait(false);
        await using var storeScope = store.ConfigureAwait(false);
        var plans = await TablePlanner.PlanAsync(store, forms, _options.TableNames, cancellationToken).ConfigureAwait(false);
        var columnsAdded = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (tables, recorded) in plans)
        {
            var added = 0;
            foreach (var layout in tables.All)
            {
                var form = layout.SchemaCode == tables.Form.SchemaCode ? tables.Form : tables.Children.First(child => child.Layout == layout).Child.Form;
                var parent = layout.IsChild ? tables.Form.SchemaCode : null;
                added += await store.PrepareTableAsync(layout, form.SourceJson, parent, recorded[layout.SchemaCode], cancellationToken).ConfigureAwait(false);
            }

            columnsAdded[tables.Form.SchemaCode] = added;
        }

        var now = _options.Clock.GetUtcNow();
        var upper = WindowPlanner.Upper(now, _options.Lag);
        var reports = new List<FormSyncReport>();
        foreach (var (tables, _) in plans)
        {
            var code = tables.Form.SchemaCode;
            using var activity = SyncTelemetry.StartForm(code);
            var counters = new FormCounters { Cursor = (await store.ReadFormAsync(code, cancellationToken).ConfigureAwait(false))?.Cursor };
            var reader = new SourceReader(_client, () => counters.Requests++);
            var phase = "copy";
            void Report() => _options.Progress?.Report(new SyncProgress(code, phase, counters.Windows, counters.Requests, counters.RowsUpserted, counters.RowsDeleted, counters.Cursor, counters.WindowsAhead, counters.RowsAhead));
            await new FormCopier(reader, store, counters, Report).CopyAsync(tables, upper, _options.Overlap, cancellationToken).ConfigureAwait(false);
            if (reconcile)
            {
                phase = "reconcile";
                await new Reconciler(reader, store, counters, Report).ReconcileAsync(tables, upper, _options.Deletions == DeletionMode.Mark, cancellationToken).ConfigureAwait(false);
            }

            var report = new FormSyncReport(code, tables.Main.TableName, counters.Windows, counters.Requests, counters.RowsUpserted, counters.RowsDeleted, columnsAdded[code], counters.Cursor, reconcile);
            SyncTelemetry.Record(report, counters.Cursor is { } cursor ? (ChinaTime.FromInstant(now) - cursor).TotalSeconds : null, activity);
            reports.Add(report);
        }

        return new SyncReport(upper, reports);
    }

    private List<SyncForm> SelectForms()
    {
        var all = SyncSchemaFiles.ReadFolder(_options.SchemaFolder);
        if (_options.Forms.Count == 0)
        {
            return all.Count > 0
                ? [.. all]
                : throw new H3YunSyncException($"The schema folder '{Path.GetFullPath(_options.SchemaFolder)}' has no *.h3form.json file; pull the forms' schemas with 'h3yun schema pull'.");
        }

        var selected = new List<SyncForm>();
        foreach (var code in _options.Forms)
        {
            selected.Add(all.FirstOrDefault(form => form.SchemaCode == code)
                ?? throw new H3YunSyncException($"The form {code} has no schema file in '{Path.GetFullPath(_options.SchemaFolder)}'; pull it with 'h3yun schema pull --form {code}'."));
        }

        return selected;
    }
}
