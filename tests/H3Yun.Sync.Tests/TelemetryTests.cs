using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using H3Yun.Sync.Telemetry;
using H3Yun.Sync.Tests.Support;

namespace H3Yun.Sync.Tests;

/// <summary>
/// The copy's span and instruments, as docs/copy-to-database.md lists them: one span per form and run with the client's
/// request spans under it, counters that add up to the reports, the lag after each run, and no record id in any tag.
/// </summary>
[Collection(SyncTelemetryTestGroup.Name)]
public sealed class TelemetryTests : IDisposable
{
    private readonly List<Activity> _spans = [];
    private readonly List<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = [];
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();
    private readonly List<Instrument> _instruments = [];

    public TelemetryTests()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == H3YunTelemetry.SourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (_spans)
                {
                    _spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == H3YunTelemetry.SourceName && instrument.Name.StartsWith("h3yun.sync.", StringComparison.Ordinal))
            {
                lock (_instruments)
                {
                    _instruments.Add(instrument);
                }

                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    [Fact]
    public void The_instruments_have_the_names_units_and_descriptions_a_dashboard_reads()
    {
        RuntimeHelpers.RunClassConstructor(typeof(SyncTelemetry).TypeHandle);
        Dictionary<string, (string?, bool)> described;
        lock (_instruments)
        {
            described = _instruments.ToDictionary(i => i.Name, i => (i.Unit, !string.IsNullOrWhiteSpace(i.Description)));
        }

        Assert.Equal(
            new Dictionary<string, (string?, bool)>
            {
                ["h3yun.sync.rows.copied"] = ("{record}", true),
                ["h3yun.sync.rows.deleted"] = ("{record}", true),
                ["h3yun.sync.windows"] = ("{window}", true),
                ["h3yun.sync.requests"] = ("{request}", true),
                ["h3yun.sync.lag"] = ("s", true),
            },
            described);
    }

    [Fact]
    public async Task Each_run_of_a_form_is_one_span_over_its_requests_and_the_counters_add_up_to_the_reports()
    {
        await using var bench = await SyncBench.StartAsync();
        var kept = await bench.CreateAsync("kept", 1m);
        var removed = await bench.CreateAsync("removed", 2m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        var first = await bench.NewSync().RunAsync();
        await bench.RemoveAsync(removed);
        bench.Clock.Advance(TimeSpan.FromSeconds(30));
        var second = await bench.NewSync(reconcile: true).RunAsync();

        var runs = Spans().Where(span => span.DisplayName == "H3Yun sync").ToList();
        Assert.Equal(2, runs.Count);
        foreach (var (run, report) in runs.Zip([first.Forms[0], second.Forms[0]]))
        {
            Assert.Equal(ActivityKind.Internal, run.Kind);
            Assert.Equal(SyncBench.Form, run.GetTagItem("h3yun.schema_code"));
            Assert.Equal(report.RowsUpserted, run.GetTagItem("h3yun.sync.rows_copied"));
            Assert.Equal(report.Requests, run.GetTagItem("h3yun.sync.requests"));
            Assert.Equal(report.Requests, Spans().Count(span => span.ParentSpanId == run.SpanId && span.Kind == ActivityKind.Client));
        }

        Assert.Equal(first.RowsUpserted + second.RowsUpserted, Sum("h3yun.sync.rows.copied"));
        Assert.Equal(1, Sum("h3yun.sync.rows.deleted"));
        Assert.Equal(first.Forms[0].Windows + second.Forms[0].Windows, Sum("h3yun.sync.windows"));
        Assert.Equal(first.Requests + second.Requests, Sum("h3yun.sync.requests"));
        var lags = Measurements("h3yun.sync.lag").Select(m => m.Value).ToList();
        Assert.Equal([Lag(first, 0), Lag(second, 30)], lags);
        Assert.All(lags, lag => Assert.True(lag > 0));
        Assert.All(_measurements, m => Assert.Equal([new("h3yun.schema_code", SyncBench.Form)], m.Tags));
        Assert.All(runs.SelectMany(run => run.TagObjects), tag => Assert.DoesNotContain(kept, tag.Value?.ToString() ?? string.Empty, StringComparison.Ordinal));

        // The lag is H3Yun's clock at the run's start less the cursor after it, in seconds.
        double Lag(SyncReport report, int secondsLater) =>
            (new DateTime(2026, 5, 1, 10, 0, 5).AddSeconds(secondsLater) - report.Forms[0].Cursor!.Value).TotalSeconds;
    }

    private List<Activity> Spans()
    {
        lock (_spans)
        {
            return [.. _spans];
        }
    }

    private List<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> Measurements(string instrument)
    {
        lock (_measurements)
        {
            return [.. _measurements.Where(m => m.Instrument == instrument)];
        }
    }

    private double Sum(string instrument) => Measurements(instrument).Sum(m => m.Value);

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        lock (_measurements)
        {
            _measurements.Add((instrument.Name, value, tags.ToArray()));
        }
    }
}

/// <summary>Alone, so that no other test's copy adds to the measurements.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SyncTelemetryTestGroup
{
    public const string Name = "Sync telemetry";
}
