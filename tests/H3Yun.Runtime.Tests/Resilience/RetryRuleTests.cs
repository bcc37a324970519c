using System.Net;
using Microsoft.Extensions.Time.Testing;
using static H3Yun.Runtime.Tests.ScriptedH3Yun;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// For every kind of failure and each of the six actions: what the exception says about the write
/// (<see cref="H3YunException.Outcome"/>) and how often the request went out. Reads are repeated after transient
/// failures; writes only when H3Yun certainly did not act on them, so that no record is written twice.
/// </summary>
public class RetryRuleTests
{
    private const int Retries = 2;

    private static readonly Rule ReadRetried = new(WriteOutcome.NotApplied, Retried: true);
    private static readonly Rule SentOnce = new(WriteOutcome.NotApplied, Retried: false);
    private static readonly Rule WriteRetried = new(WriteOutcome.NotApplied, Retried: true);
    private static readonly Rule MayHaveBeenApplied = new(WriteOutcome.Unknown, Retried: false);
    private static readonly Rule WasApplied = new(WriteOutcome.Applied, Retried: false);

    private static readonly Dictionary<string, FailureKind> Failures = new FailureKind[]
    {
        //  how H3Yun fails                        answer                                              exception                         a read          a write
        new("a timeout",                           Never(),                                            typeof(H3YunTimeoutException),    ReadRetried,    MayHaveBeenApplied),
        new("HTTP 408",                            Status(408),                                        typeof(H3YunTransportException),  ReadRetried,    MayHaveBeenApplied),
        new("HTTP 429",                            Status(429),                                        typeof(H3YunTransportException),  ReadRetried,    WriteRetried),
        new("HTTP 500",                            Status(500),                                        typeof(H3YunTransportException),  ReadRetried,    MayHaveBeenApplied),
        new("HTTP 502",                            Status(502),                                        typeof(H3YunTransportException),  ReadRetried,    MayHaveBeenApplied),
        new("HTTP 503",                            Status(503),                                        typeof(H3YunTransportException),  ReadRetried,    MayHaveBeenApplied),
        new("HTTP 504",                            Status(504),                                        typeof(H3YunTransportException),  ReadRetried,    MayHaveBeenApplied),
        new("HTTP 400",                            Status(400),                                        typeof(H3YunTransportException),  SentOnce,       SentOnce),
        new("HTTP 401",                            Status(401),                                        typeof(H3YunTransportException),  SentOnce,       SentOnce),
        new("HTTP 403",                            Status(403),                                        typeof(H3YunTransportException),  SentOnce,       SentOnce),
        new("HTTP 404",                            Status(404),                                        typeof(H3YunTransportException),  SentOnce,       SentOnce),
        new("HTTP 301",                            Status(301, ("Location", "https://elsewhere.test/")), typeof(H3YunTransportException), SentOnce,       SentOnce),
        new("HTTP 302",                            Status(302, ("Location", "https://elsewhere.test/")), typeof(H3YunTransportException), SentOnce,       SentOnce),
        new("HTTP 307",                            Status(307, ("Location", "https://elsewhere.test/")), typeof(H3YunTransportException), SentOnce,       SentOnce),
        new("HTTP 308",                            Status(308, ("Location", "https://elsewhere.test/")), typeof(H3YunTransportException), SentOnce,       SentOnce),
        new("connection refused",                  Network(HttpRequestError.ConnectionError),          typeof(H3YunTransportException),  ReadRetried,    WriteRetried),
        new("name not resolved",                   Network(HttpRequestError.NameResolutionError),      typeof(H3YunTransportException),  ReadRetried,    WriteRetried),
        new("the answer ended early",              Network(HttpRequestError.ResponseEnded),            typeof(H3YunTransportException),  ReadRetried,    MayHaveBeenApplied),
        new("an IOException while the body arrives", BodyBreaks(),                                     typeof(H3YunTransportException),  ReadRetried,    MayHaveBeenApplied),
        new("Successful:false",                    Failure("表单不存在"),                              typeof(H3YunApiException),        SentOnce,       SentOnce, Batch: MayHaveBeenApplied),
        new("Successful:false for the rate",       Failure("调用频率过快，请稍后再试"),                 typeof(H3YunApiException),        ReadRetried,    WriteRetried),
        new("an unreadable envelope",              Envelope("<html>维护中</html>"),                     typeof(H3YunProtocolException),   SentOnce,       MayHaveBeenApplied),
        new("unreadable ReturnData after Successful:true", Envelope("""{"Successful":true,"ReturnData":"{not json"}"""), typeof(H3YunProtocolException), SentOnce, WasApplied),
    }.ToDictionary(static f => f.Name);

    private static readonly string[] Actions =
    [
        OpenApiActions.LoadBizObject, OpenApiActions.LoadBizObjects, OpenApiActions.CreateBizObject,
        OpenApiActions.CreateBizObjects, OpenApiActions.UpdateBizObject, OpenApiActions.RemoveBizObject,
    ];

    public static TheoryData<string, string> EveryFailureOfEveryAction
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var failure in Failures.Keys)
            {
                foreach (var action in Actions)
                {
                    data.Add(failure, action);
                }
            }

            return data;
        }
    }

    public static TheoryData<string> EveryAction => [.. Actions];

    [Theory]
    [MemberData(nameof(EveryFailureOfEveryAction))]
    public async Task A_failure_says_whether_the_write_may_have_been_applied_and_is_retried_only_when_that_is_safe(string failureName, string action)
    {
        var failure = Failures[failureName];
        var rule = action == OpenApiActions.CreateBizObjects && failure.Batch is { } batch ? batch
            : OpenApiActions.IsIdempotent(action) ? failure.Read
            : failure.Write;
        var h3yun = new ScriptedH3Yun { Otherwise = failure.Answer };
        var options = Options(maxRetryAttempts: Retries);
        options.Timeout = failure.Exception == typeof(H3YunTimeoutException) ? TimeSpan.FromMilliseconds(150) : TimeSpan.FromSeconds(20);
        using var client = h3yun.CreateClient(options);

        var error = await Record.ExceptionAsync(() => Bounded.Run(() => SixActions.Send(client, action)));

        var h3yunError = action == OpenApiActions.CreateBizObjects ? Assert.IsType<H3YunBatchException>(error).InnerException : error;
        Assert.IsType(failure.Exception, h3yunError);
        var thrown = (H3YunException)error!;
        Assert.Equal(action, thrown.ActionName);
        Assert.Equal(Book.SchemaCode, thrown.SchemaCode);
        Assert.Equal(rule.Outcome, thrown.Outcome);
        Assert.Equal(rule.Retried ? 1 + Retries : 1, h3yun.Calls.Count);
        if (action != OpenApiActions.CreateBizObjects && !OpenApiActions.IsIdempotent(action))
        {
            Assert.EndsWith(OutcomeSentence(rule.Outcome), thrown.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task MaxRetryAttempts_is_honoured_exactly_for_reads_and_for_writes_that_never_reached_H3Yun(int attempts)
    {
        var read = new ScriptedH3Yun { Otherwise = Status(503) };
        var write = new ScriptedH3Yun { Otherwise = Network(HttpRequestError.ConnectionError) };
        using var readClient = read.CreateClient(Options(maxRetryAttempts: attempts));
        using var writeClient = write.CreateClient(Options(maxRetryAttempts: attempts));

        var readError = await Bounded.FailsWith<H3YunTransportException>(() => new BookRepository(readClient).LoadAsync("b-1"));
        var writeError = await Bounded.FailsWith<H3YunTransportException>(() => new BookRepository(writeClient).CreateAsync(new Book { Title = "Dune" }));

        Assert.Equal(1 + attempts, read.Calls.Count);
        Assert.Equal(1 + attempts, write.Calls.Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readError.StatusCode);
        Assert.Equal(WriteOutcome.NotApplied, writeError.Outcome);
    }

    [Theory]
    [MemberData(nameof(EveryAction))]
    public async Task A_call_that_fails_transiently_and_then_succeeds_returns_normally(string action)
    {
        // 429 is the one transient failure every action may repeat; the third attempt is answered.
        var h3yun = new ScriptedH3Yun { Otherwise = SixActions.Success }.Then(Status(429), times: Retries);
        using var client = h3yun.CreateClient(Options(maxRetryAttempts: Retries));

        await Bounded.Run(() => SixActions.Send(client, action));

        Assert.Equal(1 + Retries, h3yun.Calls.Count);
        Assert.All(h3yun.Calls, call => Assert.Equal(h3yun.Calls[0].Body, call.Body));
    }

    [Fact]
    public async Task A_read_waits_as_long_as_Retry_After_says()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var h3yun = new ScriptedH3Yun { Otherwise = Success("""{"BizObject":{"ObjectId":"b-1","F0000001":"Dune"}}""") }
            .Then(Status(503, ("Retry-After", "120")));
        var logger = new RecordingLogger();
        var options = Options();
        options.TimeProvider = clock;
        using var client = h3yun.CreateClient(options, logger);

        var load = new BookRepository(client).LoadAsync("b-1");
        await Bounded.Until(() => logger.RetryDelays.Count == 1, "the retry to be scheduled");

        Assert.Equal(TimeSpan.FromSeconds(120), logger.RetryDelays.Single());
        Assert.Single(h3yun.Calls);
        clock.Advance(TimeSpan.FromSeconds(120));
        Assert.Equal("Dune", (await load.Within())?.Title);
        Assert.Equal(2, h3yun.Calls.Count);
    }

    [Fact]
    public async Task A_write_refused_with_429_waits_until_the_Retry_After_date()
    {
        var now = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(now);
        var h3yun = new ScriptedH3Yun { Otherwise = Success("""{"BizObjectId":"b-9"}""") }
            .Then(Status(429, ("Retry-After", now.AddSeconds(90).ToString("R", System.Globalization.CultureInfo.InvariantCulture))));
        var logger = new RecordingLogger();
        var options = Options();
        options.TimeProvider = clock;
        using var client = h3yun.CreateClient(options, logger);

        var create = new BookRepository(client).CreateAsync(new Book { Title = "Dune" });
        await Bounded.Until(() => logger.RetryDelays.Count == 1, "the retry to be scheduled");

        Assert.Equal(TimeSpan.FromSeconds(90), logger.RetryDelays.Single());
        clock.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal("b-9", (await create.Within()).ObjectId);
        Assert.Equal(2, h3yun.Calls.Count);
    }

    [Fact]
    public async Task The_retry_log_names_the_call_and_never_the_secret()
    {
        var h3yun = new ScriptedH3Yun { Otherwise = Success("""{"BizObject":null}""") }
            .Then(Envelope("EngineSecret=" + FakeH3Yun.EngineSecret, HttpStatusCode.BadGateway));
        var logger = new RecordingLogger();
        using var client = h3yun.CreateClient(Options(), logger);

        await Bounded.Run(() => new BookRepository(client).LoadAsync("b-1"));

        var retry = Assert.Single(logger.Entries, static e => e.EventId == 2);
        Assert.Contains(Book.SchemaCode, retry.Message, StringComparison.Ordinal);
        Assert.Contains("LoadBizObject", retry.Message, StringComparison.Ordinal);
        Assert.All(logger.Entries, entry => SecretAssert.NotIn(entry.Message, FakeH3Yun.EngineSecret, "the log"));
    }

    private static Answer Network(HttpRequestError error) =>
        Throw(() => new HttpRequestException(error, $"Simulated {error}."));

    private static string OutcomeSentence(WriteOutcome outcome) => outcome switch
    {
        WriteOutcome.Unknown => "The write may or may not have been applied: look (load or query) before sending it again.",
        WriteOutcome.Applied => "The write was applied: do not send it again.",
        _ => "Nothing was written.",
    };

    private sealed record Rule(WriteOutcome Outcome, bool Retried);

    private sealed record FailureKind(string Name, Answer Answer, Type Exception, Rule Read, Rule Write, Rule? Batch = null);
}

/// <summary>One call of each action through the Book repository, as a user would make it.</summary>
internal static class SixActions
{
    /// <summary>An answer every action can read: a record, an empty window, and a new id.</summary>
    public static readonly Answer Success =
        ScriptedH3Yun.Success("""{"BizObject":{"ObjectId":"b-1","F0000001":"Dune"},"BizObjectArray":[],"BizObjectId":"b-9"}""");

    public static Task Send(H3YunClient client, string action, CancellationToken cancellationToken = default)
    {
        var books = new BookRepository(client);
        return action switch
        {
            OpenApiActions.LoadBizObject => books.LoadAsync("b-1", cancellationToken),
            OpenApiActions.LoadBizObjects => books.QueryAsync(cancellationToken: cancellationToken),
            OpenApiActions.CreateBizObject => books.CreateAsync(new Book { Title = "Dune" }, cancellationToken: cancellationToken),
            OpenApiActions.CreateBizObjects => books.CreateManyAsync([new Book { Title = "Dune" }], cancellationToken: cancellationToken),
            OpenApiActions.UpdateBizObject => books.UpdateAsync("b-1", new Book { Title = "Dune" }, cancellationToken),
            OpenApiActions.RemoveBizObject => books.DeleteAsync("b-1", cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }
}
