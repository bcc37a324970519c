using System.Diagnostics;
using System.Threading.RateLimiting;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// A limiter of one's own (<see cref="H3YunClientOptions.RateLimiter"/>, such as a Redis-backed one for a fleet) may
/// refuse at once instead of queueing: the client waits as long as the refusal says, in either of the two ways
/// limiters say it, asks again, and gives up only when waiting would outlast the client's Timeout.
/// </summary>
public class OwnRateLimiterTests
{
    [Fact]
    public async Task A_refusal_with_a_Retry_After_waits_that_long_and_then_sends_once()
    {
        using var limiter = new RefusingLimiter(refusals: 1, retryAfter: TimeSpan.FromMilliseconds(400));
        var h3yun = new ScriptedH3Yun { Otherwise = SixActions.Success };
        using var client = h3yun.CreateClient(WithLimiter(limiter));

        var watch = Stopwatch.StartNew();
        await new BookRepository(client).LoadAsync("b-1");

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(380), $"asked again after {watch.Elapsed.TotalMilliseconds} ms");
        Assert.Equal(2, limiter.Asked);
        Assert.Single(h3yun.Calls);
    }

    [Fact]
    public async Task A_refusal_that_states_whole_seconds_as_RedisRateLimiting_does_waits_those_seconds()
    {
        using var limiter = new RefusingLimiter(refusals: 1, retryAfterSeconds: 1);
        var h3yun = new ScriptedH3Yun { Otherwise = SixActions.Success };
        using var client = h3yun.CreateClient(WithLimiter(limiter));

        var watch = Stopwatch.StartNew();
        await new BookRepository(client).CreateAsync(new Book { Title = "after a second" });

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), $"asked again after {watch.Elapsed.TotalMilliseconds} ms");
        Assert.Equal(2, limiter.Asked);
        Assert.Single(h3yun.Calls);
    }

    [Fact]
    public async Task A_refusal_that_says_nothing_is_asked_again_soon()
    {
        using var limiter = new RefusingLimiter(refusals: 3);
        var h3yun = new ScriptedH3Yun { Otherwise = SixActions.Success };
        using var client = h3yun.CreateClient(WithLimiter(limiter));

        await new BookRepository(client).LoadAsync("b-1");

        Assert.Equal(4, limiter.Asked);
        Assert.Single(h3yun.Calls);
    }

    [Fact]
    public async Task A_limiter_that_refuses_every_turn_fails_the_call_at_the_Timeout_saying_so_and_sends_nothing()
    {
        using var limiter = new RefusingLimiter(refusals: int.MaxValue, retryAfter: TimeSpan.FromMilliseconds(100));
        var options = WithLimiter(limiter);
        options.Timeout = TimeSpan.FromMilliseconds(400);
        var h3yun = new ScriptedH3Yun { Otherwise = SixActions.Success };
        using var client = h3yun.CreateClient(options);

        var error = await Assert.ThrowsAsync<H3YunRateLimitException>(() => new BookRepository(client).CreateAsync(new Book { Title = "never" }));

        Assert.Equal(WriteOutcome.NotApplied, error.Outcome);
        Assert.Contains("it refused every turn for 0.4 s, the client's Timeout", error.Message, StringComparison.Ordinal);
        Assert.InRange(limiter.Asked, 2, 5);
        Assert.Empty(h3yun.Calls);
    }

    [Fact]
    public async Task A_limiter_that_gives_a_reason_is_quoted()
    {
        using var limiter = new RefusingLimiter(refusals: int.MaxValue, retryAfter: TimeSpan.FromSeconds(5), reason: "tenant quota used up");
        var options = WithLimiter(limiter);
        options.Timeout = TimeSpan.FromSeconds(1);
        var h3yun = new ScriptedH3Yun { Otherwise = SixActions.Success };
        using var client = h3yun.CreateClient(options);

        var error = await Assert.ThrowsAsync<H3YunRateLimitException>(() => new BookRepository(client).LoadAsync("b-1"));

        Assert.Contains("(tenant quota used up)", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, limiter.Asked);
        Assert.Empty(h3yun.Calls);
    }

    private static H3YunClientOptions WithLimiter(RateLimiter limiter)
    {
        var options = ScriptedH3Yun.Options();
        options.RateLimiter = limiter;
        return options;
    }

    /// <summary>Refuses the first <c>refusals</c> turns with the metadata given, then grants every turn.</summary>
    private sealed class RefusingLimiter(int refusals, TimeSpan? retryAfter = null, int? retryAfterSeconds = null, string? reason = null) : RateLimiter
    {
        private int _asked;

        public int Asked => _asked;

        public override TimeSpan? IdleDuration => null;

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => Next();

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) => ValueTask.FromResult<RateLimitLease>(Next());

        private Lease Next()
        {
            var turn = Interlocked.Increment(ref _asked);
            if (turn > refusals)
            {
                return new Lease(true, []);
            }

            var metadata = new Dictionary<string, object?>();
            if (retryAfter is { } wait)
            {
                metadata[MetadataName.RetryAfter.Name] = wait;
            }

            if (retryAfterSeconds is { } seconds)
            {
                metadata[MetadataName.RetryAfter.Name] = seconds;
            }

            if (reason is not null)
            {
                metadata[MetadataName.ReasonPhrase.Name] = reason;
            }

            return new Lease(false, metadata);
        }

        private sealed class Lease(bool acquired, Dictionary<string, object?> metadata) : RateLimitLease
        {
            public override bool IsAcquired => acquired;

            public override IEnumerable<string> MetadataNames => metadata.Keys;

            public override bool TryGetMetadata(string metadataName, out object? value) => metadata.TryGetValue(metadataName, out value);
        }
    }
}
