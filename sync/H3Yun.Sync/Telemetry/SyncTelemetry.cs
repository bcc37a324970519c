using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace H3Yun.Sync.Telemetry;

/// <summary>
/// The copy's spans and instruments, under the client's own names (<see cref="H3YunTelemetry.SourceName"/>), so that
/// <c>AddSource("H3Yun")</c> and <c>AddMeter("H3Yun")</c> collect them with the client's: one span per form and run
/// (<c>H3Yun sync</c>, with <c>h3yun.schema_code</c>), under which the client's own request spans nest. Tags never
/// carry record ids or contents.
/// </summary>
internal static class SyncTelemetry
{
    private static readonly ActivitySource Source = new(H3YunTelemetry.SourceName);

    private static readonly Meter Meter = new(H3YunTelemetry.SourceName);

    private static readonly Counter<long> RowsCopied = Meter.CreateCounter<long>("h3yun.sync.rows.copied", "{record}", "Records written into the copy.");

    private static readonly Counter<long> RowsDeleted = Meter.CreateCounter<long>("h3yun.sync.rows.deleted", "{record}", "Records deleted or marked in the copy by the reconcile.");

    private static readonly Counter<long> Windows = Meter.CreateCounter<long>("h3yun.sync.windows", "{window}", "Windows read (one request each).");

    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("h3yun.sync.requests", "{request}", "Requests the copy sent.");

    private static readonly Histogram<double> Lag = Meter.CreateHistogram<double>("h3yun.sync.lag", "s", "How far the copy is behind H3Yun's clock after a run: the clock less the cursor.");

    /// <summary>Starts a form's span.</summary>
    /// <param name="schemaCode">The form.</param>
    /// <returns>The span, or null when nobody listens.</returns>
    public static Activity? StartForm(string schemaCode)
    {
        var activity = Source.StartActivity("H3Yun sync", ActivityKind.Internal);
        activity?.SetTag("h3yun.schema_code", schemaCode);
        return activity;
    }

    /// <summary>Records a form's run.</summary>
    /// <param name="report">The run.</param>
    /// <param name="lagSeconds">The lag after it, if the form has a cursor.</param>
    /// <param name="activity">The form's span.</param>
    public static void Record(FormSyncReport report, double? lagSeconds, Activity? activity)
    {
        var form = new KeyValuePair<string, object?>("h3yun.schema_code", report.SchemaCode);
        RowsCopied.Add(report.RowsUpserted, form);
        RowsDeleted.Add(report.RowsDeleted, form);
        Windows.Add(report.Windows, form);
        Requests.Add(report.Requests, form);
        if (lagSeconds is { } lag)
        {
            Lag.Record(lag, form);
        }

        activity?.SetTag("h3yun.sync.rows_copied", report.RowsUpserted);
        activity?.SetTag("h3yun.sync.requests", report.Requests);
    }
}
