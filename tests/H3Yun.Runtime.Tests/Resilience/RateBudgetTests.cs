using System.Diagnostics;
using System.Threading.RateLimiting;

namespace H3Yun.Runtime.Tests;

/// <summary>One rate budget per engine: every client of an EngineCode in the process takes its turns from it.</summary>
public class RateBudgetTests
{
    [Fact]
    public async Task Two_clients_of_one_engine_share_its_budget()
    {
        var options = FakeH3Yun.Options(requestsPerSecond: 5);
        var h3yun = new ScriptedH3Yun { Otherwise = SixActions.Success };
        using var first = h3yun.CreateClient(options);
        using var second = h3yun.CreateClient(options);
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => new BookRepository(i % 2 == 0 ? first : second).LoadAsync($"b-{i}")));

        // A lower bound only: ten requests at five per second cannot all start within 1.8 s, however fast the machine.
        // Each client on its own budget would have needed 0.8 s.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(1750), $"10 requests took only {clock.ElapsedMilliseconds} ms");
        Assert.Equal(10, h3yun.Calls.Count);
    }

    [Fact]
    public void A_second_budget_for_one_engine_is_refused_with_what_to_do()
    {
        var options = FakeH3Yun.Options(requestsPerSecond: 2);
        using var first = new H3YunClient(options);
        options.RequestsPerSecond = 5;

        var error = Assert.Throws<InvalidOperationException>(() => new H3YunClient(options));

        Assert.Contains($"engine '{options.EngineCode}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 requests/s", error.Message, StringComparison.Ordinal);
        Assert.Contains("RateLimiter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callers_take_their_turns_in_the_order_they_came()
    {
        var options = FakeH3Yun.Options(requestsPerSecond: 20);
        var h3yun = new ScriptedH3Yun { Otherwise = SixActions.Success };
        using var client = h3yun.CreateClient(options);
        var books = new BookRepository(client);

        var calls = new List<Task>();
        for (var i = 0; i < 8; i++)
        {
            calls.Add(books.LoadAsync($"b-{i}"));
        }

        await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"b-{i}"), h3yun.Calls.Select(r => (string?)JsonAssert.Parse(r.Body)["BizObjectId"]));
    }

    [Fact]
    public async Task A_cancelled_caller_leaves_the_queue_and_the_next_one_takes_its_turn()
    {
        var options = FakeH3Yun.Options(requestsPerSecond: 2);
        var h3yun = new ScriptedH3Yun { Otherwise = SixActions.Success };
        using var client = h3yun.CreateClient(options);
        var books = new BookRepository(client);
        await books.LoadAsync("first");
        using var cancel = new CancellationTokenSource();

        var cancelled = books.LoadAsync("cancelled", cancel.Token);
        var next = books.LoadAsync("next");
        await cancel.CancelAsync();

        await Assert.ThrowsAsync<H3YunCanceledException>(() => cancelled);
        await next;
        Assert.Equal(["first", "next"], h3yun.Calls.Select(r => (string?)JsonAssert.Parse(r.Body)["BizObjectId"]));
    }

    [Fact]
    public async Task A_full_queue_refuses_the_call_before_anything_is_sent()
    {
        var options = FakeH3Yun.Options(requestsPerSecond: 0.01);
        options.RateLimitQueueLimit = 1;
        var h3yun = new ScriptedH3Yun { Otherwise = SixActions.Success };
        using var client = h3yun.CreateClient(options);
        var books = new BookRepository(client);
        await books.LoadAsync("takes-the-token");
        using var cancel = new CancellationTokenSource();
        var waiting = books.LoadAsync("waits", cancel.Token);

        var error = await Assert.ThrowsAsync<H3YunRateLimitException>(() => books.CreateAsync(new Book { Title = "refused" }));

        Assert.Equal(WriteOutcome.NotApplied, error.Outcome);
        Assert.Contains("RateLimitQueueLimit", error.Message, StringComparison.Ordinal);
        await cancel.CancelAsync();
        await Assert.ThrowsAsync<H3YunCanceledException>(() => waiting);
        Assert.Single(h3yun.Calls);
    }

    [Fact]
    public async Task A_limiter_of_your_own_takes_the_place_of_the_engines_budget()
    {
        using var limiter = new CountingLimiter();
        var options = FakeH3Yun.Options(requestsPerSecond: 1);
        options.RateLimiter = limiter;
        var h3yun = new ScriptedH3Yun { Otherwise = SixActions.Success };
        using var client = h3yun.CreateClient(options);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => new BookRepository(client).LoadAsync($"b-{i}")));

        Assert.Equal(5, limiter.Leases);
        Assert.Equal(5, h3yun.Calls.Count);
    }

    private sealed class CountingLimiter : RateLimiter
    {
        private int _leases;

        public int Leases => _leases;

        public override TimeSpan? IdleDuration => null;

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease();

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) => ValueTask.FromResult<RateLimitLease>(Lease());

        private Granted Lease()
        {
            Interlocked.Increment(ref _leases);
            return new Granted();
        }

        private sealed class Granted : RateLimitLease
        {
            public override bool IsAcquired => true;

            public override IEnumerable<string> MetadataNames => [];

            public override bool TryGetMetadata(string metadataName, out object? metadata)
            {
                metadata = null;
                return false;
            }
        }
    }
}
