using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace H3Yun;

/// <summary>
/// The client's traces and metrics, named after OpenTelemetry's HTTP-client conventions: one span per call (with the
/// <c>http.*</c>, <c>server.*</c>, <c>url.full</c> and <c>error.type</c> attributes of an HTTP client span, plus
/// <c>h3yun.action</c> and <c>h3yun.schema_code</c>), and instruments under <c>h3yun.client.*</c>. Tags never carry
/// the EngineSecret, record ids or record contents. Listen to <see cref="SourceName"/> with OpenTelemetry's
/// <c>AddSource("H3Yun")</c> and <c>AddMeter("H3Yun")</c>.
/// </summary>
public static class H3YunTelemetry
{
    /// <summary>The name of the client's <see cref="ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string SourceName = "H3Yun";

    private static readonly string? Version = typeof(H3YunTelemetry).Assembly.GetName().Version?.ToString(3);

    private static readonly ActivitySource Source = new(SourceName, Version);

    private static readonly Meter Meter = new(SourceName, Version);

    private static readonly Counter<long> Calls = Meter.CreateCounter<long>(
        "h3yun.client.requests", "{request}", "Calls to H3Yun, by action, form and outcome (retries count once).");

    private static readonly Histogram<double> AttemptDuration = Meter.CreateHistogram<double>(
        "h3yun.client.request.duration", "s", "How long each attempt took, from sending to the whole answer (like http.client.request.duration).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60] });

    private static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "h3yun.client.retries", "{retry}", "Attempts sent again after a failure that certainly did not apply.");

    private static readonly Histogram<double> RateLimitWait = Meter.CreateHistogram<double>(
        "h3yun.client.rate_limit.wait.duration", "s", "How long each attempt waited for the engine's turn under the rate limit.");

    private static readonly Counter<long> RecordsRead = Meter.CreateCounter<long>(
        "h3yun.client.records.read", "{record}", "Records read by loads and queries.");

    private static readonly Counter<long> RecordsWritten = Meter.CreateCounter<long>(
        "h3yun.client.records.written", "{record}", "Records created, updated or removed, as H3Yun confirmed them.");

    internal static Activity? StartCall(CallInfo call, Uri endpoint)
    {
        var activity = Source.StartActivity($"H3Yun {call.ActionName}", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", "POST");
            activity.SetTag("server.address", endpoint.Host);
            activity.SetTag("server.port", endpoint.Port);
            activity.SetTag("url.full", endpoint.GetLeftPart(UriPartial.Path));
            activity.SetTag("h3yun.action", call.ActionName);
            activity.SetTag("h3yun.schema_code", call.SchemaCode);
        }

        return activity;
    }

    // Each instrument is Enabled only while a listener (OpenTelemetry, dotnet-counters) subscribes to it; until then
    // a call builds no tags for it.
    internal static void EndCall(Activity? activity, CallInfo call, Exception? failure)
    {
        if (Calls.Enabled)
        {
            var tags = Tags(call);
            tags.Add("h3yun.outcome", failure switch
            {
                null => "success",
                H3YunException error => error.Outcome.ToString(),
                H3YunCanceledException cancelled => "Canceled" + cancelled.Outcome,
                _ => "error",
            });
            Calls.Add(1, tags);
        }

        if (activity is null)
        {
            return;
        }

        if (failure is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
            activity.SetTag("error.type", ErrorType(failure));
            if (failure is H3YunException { Outcome: var outcome })
            {
                activity.SetTag("h3yun.write_outcome", outcome.ToString());
            }
        }

        activity.Dispose();
    }

    internal static void Attempted(CallInfo call, TimeSpan elapsed, int? statusCode, Exception? failure)
    {
        if (statusCode is { } code)
        {
            Activity.Current?.SetTag("http.response.status_code", code);
        }

        if (!AttemptDuration.Enabled)
        {
            return;
        }

        var tags = Tags(call);
        if (statusCode is { } status)
        {
            tags.Add("http.response.status_code", status);
        }

        if (failure is not null)
        {
            tags.Add("error.type", ErrorType(failure));
        }

        AttemptDuration.Record(elapsed.TotalSeconds, tags);
    }

    internal static void Retried(CallInfo call)
    {
        if (Retries.Enabled)
        {
            Retries.Add(1, Tags(call));
        }
    }

    internal static void WaitedForTurn(CallInfo call, TimeSpan waited)
    {
        if (RateLimitWait.Enabled)
        {
            RateLimitWait.Record(waited.TotalSeconds, Tags(call));
        }
    }

    internal static void Read(CallInfo call, int records)
    {
        if (records > 0 && RecordsRead.Enabled)
        {
            RecordsRead.Add(records, Tags(call));
        }
    }

    internal static void Written(CallInfo call, int records)
    {
        if (records > 0 && RecordsWritten.Enabled)
        {
            RecordsWritten.Add(records, Tags(call));
        }
    }

    private static TagList Tags(CallInfo call) => new()
    {
        { "h3yun.action", call.ActionName },
        { "h3yun.schema_code", call.SchemaCode },
    };

    private static string ErrorType(Exception failure) =>
        failure is H3YunTransportException { StatusCode: { } status } ? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) : failure.GetType().Name;
}
