using Microsoft.Extensions.Time.Testing;
using static H3Yun.Runtime.Tests.ScriptedH3Yun;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// A cancelled call throws <see cref="H3YunCanceledException"/> (an OperationCanceledException) that says whether a
/// write was on its way: never while it waited for the rate limiter or for a retry, maybe once it was sent.
/// </summary>
public class CancellationTests
{
    public static TheoryData<string> EveryAction => RetryRuleTests.EveryAction;

    [Theory]
    [MemberData(nameof(EveryAction))]
    public async Task Cancelling_while_waiting_for_the_rate_limiter_sends_nothing_and_writes_nothing(string action)
    {
        var h3yun = new ScriptedH3Yun { Otherwise = SixActions.Success };
        var options = Options();
        options.RequestsPerSecond = 0.001; // the first request takes the only token for 1,000 s
        options.EngineCode = $"limited-{Guid.NewGuid():N}"; // an engine of its own: clients of one engine share its budget
        using var client = h3yun.CreateClient(options);
        await Bounded.Run(() => new BookRepository(client).LoadAsync("b-1"));
        using var cancel = new CancellationTokenSource();

        var call = SixActions.Send(client, action, cancel.Token);
        await Task.Delay(100); // lets the call reach the limiter; the outcome must be the same if it has not yet
        await cancel.CancelAsync();
        var error = await Record.ExceptionAsync(() => call.Within());

        var cancelled = Assert.IsAssignableFrom<H3YunCanceledException>(error);
        Assert.Equal(WriteOutcome.NotApplied, cancelled.Outcome);
        Assert.Equal(action, cancelled.ActionName);
        Assert.Equal(cancel.Token, cancelled.CancellationToken);
        Assert.Single(h3yun.Calls);
        AssertBatchReport(action, cancelled, WriteOutcome.NotApplied);
    }

    [Theory]
    [MemberData(nameof(EveryAction))]
    public async Task Cancelling_while_waiting_for_a_retry_sends_nothing_more_and_writes_nothing(string action)
    {
        var clock = new FakeTimeProvider();
        var logger = new RecordingLogger();
        var h3yun = new ScriptedH3Yun { Otherwise = SixActions.Success }.Then(Status(429));
        var options = Options();
        options.TimeProvider = clock;
        options.RetryDelay = TimeSpan.FromMinutes(1);
        using var client = h3yun.CreateClient(options, logger);
        using var cancel = new CancellationTokenSource();

        var call = SixActions.Send(client, action, cancel.Token);
        await Bounded.Until(() => logger.RetryDelays.Count == 1, "the retry to be scheduled");
        await cancel.CancelAsync();
        var error = await Record.ExceptionAsync(() => call.Within());

        var cancelled = Assert.IsAssignableFrom<H3YunCanceledException>(error);
        Assert.Equal(WriteOutcome.NotApplied, cancelled.Outcome);
        Assert.Single(h3yun.Calls);
        AssertBatchReport(action, cancelled, WriteOutcome.NotApplied);
    }

    [Theory]
    [MemberData(nameof(EveryAction))]
    public async Task Cancelling_a_call_on_its_way_says_a_write_may_have_been_applied(string action)
    {
        var h3yun = new ScriptedH3Yun { Otherwise = Never() };
        using var client = h3yun.CreateClient();
        using var cancel = new CancellationTokenSource();

        var call = SixActions.Send(client, action, cancel.Token);
        await h3yun.WaitForCallsAsync(1);
        await cancel.CancelAsync();
        var error = await Record.ExceptionAsync(() => call.Within());

        var expected = OpenApiActions.IsIdempotent(action) ? WriteOutcome.NotApplied : WriteOutcome.Unknown;
        var cancelled = Assert.IsAssignableFrom<H3YunCanceledException>(error);
        Assert.Equal(expected, cancelled.Outcome);
        Assert.Equal(Book.SchemaCode, cancelled.SchemaCode);
        Assert.Single(h3yun.Calls);
        AssertBatchReport(action, cancelled, expected);
        if (expected == WriteOutcome.Unknown)
        {
            var maybe = action == OpenApiActions.CreateBizObjects ? "may or may not have been created" : "may or may not have been applied";
            Assert.Contains(maybe, cancelled.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_cancelled_read_is_not_mistaken_for_a_timeout()
    {
        var h3yun = new ScriptedH3Yun { Otherwise = Never() };
        using var client = h3yun.CreateClient();
        using var cancel = new CancellationTokenSource();

        var load = new BookRepository(client).LoadAsync("b-1", cancel.Token);
        await h3yun.WaitForCallsAsync(1);
        await cancel.CancelAsync();

        var error = await Assert.ThrowsAsync<H3YunCanceledException>(() => load.Within());
        Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
        Assert.Single(h3yun.Calls);
    }

    private static void AssertBatchReport(string action, H3YunCanceledException cancelled, WriteOutcome expected)
    {
        if (action == OpenApiActions.CreateBizObjects)
        {
            var batch = Assert.IsType<H3YunBatchCanceledException>(cancelled);
            Assert.Equal(new BatchItemResult(0, expected, null), Assert.Single(batch.Items));
        }
        else
        {
            Assert.IsType<H3YunCanceledException>(cancelled);
        }
    }
}
