using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace H3Yun.Runtime.Tests;

/// <summary>Spans and instruments named after OpenTelemetry's HTTP-client conventions; no secret, id or content in any tag.</summary>
[Collection(TelemetryTestGroup.Name)]
public sealed class TelemetryTests : IDisposable
{
    private readonly List<Activity> _spans = [];
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly List<Instrument> _instruments = [];
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();

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
            if (instrument.Meter.Name == H3YunTelemetry.SourceName)
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
    public async Task Each_call_is_one_client_span_with_the_http_attributes_and_the_action_and_form()
    {
        var h3yun = new FakeH3Yun()
            .AnswerSuccess("""{"BizObjectId":"b-1"}""")
            .Answer(System.Net.HttpStatusCode.ServiceUnavailable, "busy")
            .AnswerSuccess("""{"BizObject":{"ObjectId":"b-1","F0000001":"Dune"}}""")
            .AnswerFailure("数据被锁定");
        using var client = h3yun.CreateClient();
        var books = new BookRepository(client);

        await books.CreateAsync(new Book { Title = "Dune" });
        await books.LoadAsync("b-1");
        await Assert.ThrowsAsync<H3YunApiException>(() => books.DeleteAsync("b-1"));

        var spans = Spans();
        Assert.Equal(["H3Yun CreateBizObject", "H3Yun LoadBizObject", "H3Yun RemoveBizObject"], spans.Select(s => s.DisplayName));
        Assert.All(spans, span =>
        {
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal("POST", span.GetTagItem("http.request.method"));
            Assert.Equal("h3yun.test", span.GetTagItem("server.address"));
            Assert.Equal("https://h3yun.test/OpenApi/Invoke", span.GetTagItem("url.full"));
            Assert.Equal(Book.SchemaCode, span.GetTagItem("h3yun.schema_code"));
        });
        Assert.Equal(ActivityStatusCode.Error, spans[2].Status);
        Assert.Equal(nameof(H3YunApiException), spans[2].GetTagItem("error.type"));
        Assert.Equal("NotApplied", spans[2].GetTagItem("h3yun.write_outcome"));
        Assert.Equal(200, spans[1].GetTagItem("http.response.status_code"));
        AssertNoSecretOrRecordData(spans.SelectMany(s => s.TagObjects).Select(t => t.Value));
    }

    [Fact]
    public async Task The_instruments_count_calls_retries_and_records_and_time_attempts()
    {
        var h3yun = new FakeH3Yun()
            .AnswerSuccess("""{"BizObjectIdArray":["b-1","b-2","b-3"]}""")
            .Answer(System.Net.HttpStatusCode.BadGateway, "busy")
            .AnswerSuccess("""{"BizObjectArray":[{"ObjectId":"b-1"},{"ObjectId":"b-2"}]}""");
        using var client = h3yun.CreateClient(FakeH3Yun.Options(requestsPerSecond: 100));
        var books = new BookRepository(client);

        await books.CreateManyAsync([new Book { Title = "a" }, new Book { Title = "b" }, new Book { Title = "c" }]);
        await books.QueryAsync();

        Assert.Equal(2, Sum("h3yun.client.requests"));
        Assert.Equal(1, Sum("h3yun.client.retries"));
        Assert.Equal(3, Sum("h3yun.client.records.written"));
        Assert.Equal(2, Sum("h3yun.client.records.read"));
        Assert.Equal(3, Count("h3yun.client.request.duration"));
        Assert.Equal(3, Count("h3yun.client.rate_limit.wait.duration"));
        Assert.Contains(Measurements("h3yun.client.request.duration"), m => (int?)m.Tags.GetValueOrDefault("http.response.status_code") == 502 && (string?)m.Tags["error.type"] == "502");
        Assert.All(Measurements("h3yun.client.requests"), m => Assert.Equal(Book.SchemaCode, m.Tags["h3yun.schema_code"]));
        AssertNoSecretOrRecordData(Measurements(null).SelectMany(m => m.Tags.Values));
    }

    [Fact]
    public void The_instruments_have_the_names_units_and_descriptions_a_dashboard_reads()
    {
        List<Instrument> instruments;
        lock (_instruments)
        {
            instruments = [.. _instruments];
        }

        var described = instruments.ToDictionary(i => i.Name, i => (i.Unit, HasDescription: !string.IsNullOrWhiteSpace(i.Description)));
        Assert.Equal(
            new Dictionary<string, (string?, bool)>
            {
                ["h3yun.client.requests"] = ("{request}", true),
                ["h3yun.client.request.duration"] = ("s", true),
                ["h3yun.client.retries"] = ("{retry}", true),
                ["h3yun.client.rate_limit.wait.duration"] = ("s", true),
                ["h3yun.client.records.read"] = ("{record}", true),
                ["h3yun.client.records.written"] = ("{record}", true),
            },
            described);

        // Seconds, with buckets fit for calls of milliseconds to a minute rather than the default's milliseconds to hours.
        var duration = (Histogram<double>)instruments.Single(i => i.Name == "h3yun.client.request.duration");
        Assert.Equal([0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60], duration.Advice!.HistogramBucketBoundaries!);
    }

    [Fact]
    public async Task A_span_names_the_port_and_the_action_and_each_call_counts_with_its_outcome()
    {
        var h3yun = new FakeH3Yun()
            .AnswerSuccess("""{"BizObject":{"ObjectId":"b-1","F0000001":"Dune"}}""")
            .AnswerFailure("数据被锁定");
        using var client = h3yun.CreateClient();
        var books = new BookRepository(client);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await books.LoadAsync("b-1");
        await Assert.ThrowsAsync<H3YunApiException>(() => books.DeleteAsync("b-1"));
        await Assert.ThrowsAsync<H3YunCanceledException>(() => books.LoadAsync("b-1", cancelled.Token));

        var span = Spans()[0];
        Assert.Equal(443, span.GetTagItem("server.port"));
        Assert.Equal(OpenApiActions.LoadBizObject, span.GetTagItem("h3yun.action"));
        Assert.Equal(
            [(OpenApiActions.LoadBizObject, "success"), (OpenApiActions.RemoveBizObject, "NotApplied"), (OpenApiActions.LoadBizObject, "CanceledNotApplied")],
            Measurements("h3yun.client.requests").Select(m => ((string?)m.Tags["h3yun.action"], (string?)m.Tags["h3yun.outcome"])));
    }

    [Fact]
    public async Task A_query_that_reads_no_record_records_no_count()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess("""{"BizObjectArray":[]}""");
        using var client = h3yun.CreateClient();
        var books = new BookRepository(client);

        await books.QueryAsync();

        Assert.Single(Measurements("h3yun.client.requests"));
        Assert.Empty(Measurements("h3yun.client.records.read"));
    }

    private static void AssertNoSecretOrRecordData(IEnumerable<object?> values)
    {
        foreach (var value in values)
        {
            var text = value?.ToString() ?? string.Empty;
            Assert.DoesNotContain(FakeH3Yun.EngineSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Dune", text, StringComparison.Ordinal);
            Assert.DoesNotContain("b-1", text, StringComparison.Ordinal);
        }
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_measurements)
        {
            _measurements.Add((instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copy));
        }
    }

    private List<Activity> Spans()
    {
        lock (_spans)
        {
            return [.. _spans.OrderBy(s => s.StartTimeUtc)];
        }
    }

    private List<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measurements(string? instrument)
    {
        lock (_measurements)
        {
            return [.. _measurements.Where(m => instrument is null || m.Instrument == instrument)];
        }
    }

    private double Sum(string instrument) => Measurements(instrument).Sum(m => m.Value);

    private int Count(string instrument) => Measurements(instrument).Count;
}

/// <summary>Telemetry listeners are process-wide: these tests run alone, so that no other test's calls are counted.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryTestGroup
{
    public const string Name = "Telemetry";
}
