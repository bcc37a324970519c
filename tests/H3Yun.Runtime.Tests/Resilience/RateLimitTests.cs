using System.Diagnostics;
using static H3Yun.Runtime.Tests.ScriptedH3Yun;

namespace H3Yun.Runtime.Tests;

/// <summary>One rate limit covers every caller of a client, retries included, and ends with the client.</summary>
public class RateLimitTests
{
    [Fact]
    public async Task Concurrent_callers_share_one_limit()
    {
        var h3yun = new ScriptedH3Yun { Otherwise = Success("""{"BizObject":null}""") };
        var options = Options();
        options.RequestsPerSecond = 20;
        options.EngineCode = OwnEngine();
        using var client = h3yun.CreateClient(options);
        var books = new BookRepository(client);
        var clock = Stopwatch.StartNew();

        await Bounded.Run(() => Task.WhenAll(Enumerable.Range(0, 5).Select(_ => books.LoadAsync("b-1"))));

        // Only a lower bound: five requests at 20 per second cannot all start within 200 ms, however fast the machine.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(180), $"5 concurrent requests took only {clock.ElapsedMilliseconds} ms");
        Assert.Equal(5, h3yun.Calls.Count);
    }

    [Fact]
    public async Task Retries_wait_for_their_turn_too()
    {
        var h3yun = new ScriptedH3Yun { Otherwise = Success("""{"BizObject":null}""") }.Then(Status(503), times: 2);
        var options = Options(maxRetryAttempts: 2);
        options.RequestsPerSecond = 10;
        options.EngineCode = OwnEngine();
        options.RetryDelay = TimeSpan.Zero;
        using var client = h3yun.CreateClient(options);
        var clock = Stopwatch.StartNew();

        await Bounded.Run(() => new BookRepository(client).LoadAsync("b-1"));

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(180), $"3 attempts took only {clock.ElapsedMilliseconds} ms");
        Assert.Equal(3, h3yun.Calls.Count);
    }

    [Fact]
    public async Task A_call_waiting_for_its_turn_when_the_client_is_disposed_fails_and_sends_nothing()
    {
        var h3yun = new ScriptedH3Yun { Otherwise = Success("""{"BizObject":null}""") };
        var options = Options();
        options.RequestsPerSecond = 0.001;
        options.EngineCode = OwnEngine();
        var client = h3yun.CreateClient(options);
        var books = new BookRepository(client);
        await Bounded.Run(() => books.LoadAsync("b-1"));

        var waiting = books.LoadAsync("b-2");
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        client.Dispose();

        var error = await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting.Within());
        Assert.Contains("disposed while LoadBizObject", error.Message, StringComparison.Ordinal);
        Assert.Single(h3yun.Calls);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => books.LoadAsync("b-3"));
    }

    // Clients of one engine share its budget: a test that sets a budget of its own uses an engine of its own.
    private static string OwnEngine() => $"{FakeH3Yun.EngineCode}-{Guid.NewGuid():N}";
}
