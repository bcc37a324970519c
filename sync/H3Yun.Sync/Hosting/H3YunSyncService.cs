using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace H3Yun.Sync.Hosting;

/// <summary>
/// Runs the copy on an interval, and the reconcile of deletions on a longer one. A run that fails is logged and tried
/// again at the next interval; the cursors it committed stay. One run at a time: the next starts only after the last.
/// </summary>
internal sealed partial class H3YunSyncService(H3YunSync sync, H3YunSyncSchedule schedule, TimeProvider clock, ILogger<H3YunSyncService> logger) : BackgroundService
{
    /// <summary>When the copy runs.</summary>
    internal H3YunSyncSchedule Schedule { get; } = schedule;

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? lastReconcile = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var reconcile = lastReconcile is not { } last || now - last >= Schedule.ReconcileEvery;
            try
            {
                var report = await sync.RunAsync(reconcile, stoppingToken).ConfigureAwait(false);
                if (reconcile)
                {
                    lastReconcile = now;
                }

                foreach (var form in report.Forms)
                {
                    LogForm(form.SchemaCode, form.TableName, form.RowsUpserted, form.RowsDeleted, form.Requests, form.Cursor);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is H3YunSyncException or H3YunException)
            {
                LogFailed(ex, Schedule.Interval);
            }

            try
            {
                await Task.Delay(Schedule.Interval, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "H3Yun sync of {SchemaCode} into {TableName}: {Rows} rows copied, {Deleted} deleted, {Requests} requests, cursor {Cursor}")]
    private partial void LogForm(string schemaCode, string tableName, long rows, long deleted, long requests, DateTime? cursor);

    [LoggerMessage(Level = LogLevel.Error, Message = "H3Yun sync failed; what was committed stays, and the next run in {Interval} continues from it")]
    private partial void LogFailed(Exception exception, TimeSpan interval);
}

/// <summary>When the hosted copy runs.</summary>
/// <param name="Interval">The time between the end of one run and the start of the next.</param>
/// <param name="ReconcileEvery">How often a run also reconciles deletions (the first run always does).</param>
public sealed record H3YunSyncSchedule(TimeSpan Interval, TimeSpan ReconcileEvery);
