using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
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
    public async Task No_second_holds_more_requests_than_the_budget_whatever_the_clients_and_the_retries()
    {
        const int Rate = 4;
        var sent = new ConcurrentQueue<long>();
        Answer Timed(Answer then) => While(_ => sent.Enqueue(Stopwatch.GetTimestamp()), then);
        var h3yun = new ScriptedH3Yun { Otherwise = Timed(Success("""{"BizObject":null}""")) }.Then(Timed(Status(503)), times: 3);
        var engine = OwnEngine();
        var clients = Enumerable.Range(0, 3).Select(_ =>
        {
            var options = Options(maxRetryAttempts: 2);
            options.RequestsPerSecond = Rate;
            options.EngineCode = engine;
            options.RetryDelay = TimeSpan.Zero;
            return h3yun.CreateClient(options);
        }).ToList();
        try
        {
            await Bounded.Run(() => Task.WhenAll(clients.SelectMany(client => Enumerable.Range(0, 3).Select(_ => new BookRepository(client).LoadAsync("b-1")))));
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }

        // Nine calls and three retries. The budget spaces turns a quarter second apart, so every one-second window
        // of turns holds at most four; the times here are taken as requests reach the handler, a little after their
        // turns, so a window may hold two more when a busy thread pool delays one request and not the next. A limiter
        // that let a burst of the budget through and then waited puts seven into the first second, and no limiter at
        // all twelve: both fail. A_turn_saved_during_a_slow_request... checks the spacing itself, on a fake clock.
        var times = sent.Order().ToArray();
        Assert.Equal(12, times.Length);
        var busiest = times.Select((start, i) => times.Skip(i).Count(t => t - start < Stopwatch.Frequency)).Max();
        Assert.True(busiest <= Rate + 2, $"{busiest} requests within one second at a budget of {Rate} per second");
    }

    [Fact]
    public async Task A_turn_saved_during_a_slow_request_and_the_next_turn_are_a_full_spacing_apart()
    {
        // At 4 requests/s a token bucket saves a token while a slow request runs, then its timer adds the next one a
        // moment later: two requests milliseconds apart. On H3Yun's clock the turns must be a quarter second apart.
        var clock = new FakeTimeProvider();
        var sentAt = new ConcurrentQueue<TimeSpan>();
        var start = clock.GetTimestamp();
        var h3yun = new ScriptedH3Yun { Otherwise = While(_ => sentAt.Enqueue(clock.GetElapsedTime(start)), Success("""{"BizObject":null}""")) };
        var options = Options();
        options.TimeProvider = clock;
        options.RequestsPerSecond = 4;
        options.EngineCode = OwnEngine();
        using var client = h3yun.CreateClient(options);
        var books = new BookRepository(client);

        await Bounded.Run(() => books.LoadAsync("b-1"));
        clock.Advance(TimeSpan.FromMilliseconds(600));
        await Bounded.Run(() => books.LoadAsync("b-2"));
        var third = books.LoadAsync("b-3");
        clock.Advance(TimeSpan.FromMilliseconds(249));

        // Real time passes too, longer than a bucket's timer would take to add a token: the third still waits.
        await Task.Delay(400);
        Assert.Equal(2, sentAt.Count);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Bounded.Run(() => third);

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMilliseconds(600), TimeSpan.FromMilliseconds(850)], sentAt);
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
