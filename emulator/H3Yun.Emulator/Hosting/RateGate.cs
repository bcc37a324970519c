using System;
using System.Globalization;
using System.Threading.RateLimiting;

namespace H3Yun.Emulator.Hosting;

/// <summary>
/// H3Yun's documented budget of a few calls per second, per EngineCode. A token bucket: a burst of up to the rate,
/// then one request every 1/rate seconds, so a client that paces itself evenly at the rate is never refused.
/// </summary>
internal sealed class RateGate : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly double _requestsPerSecond;
    private readonly RateLimitRefusal _refusal;

    public RateGate(double requestsPerSecond, RateLimitRefusal refusal)
    {
        _requestsPerSecond = requestsPerSecond;
        _refusal = refusal;
        var burst = Math.Max(1, (int)Math.Floor(requestsPerSecond));
        var period = TimeSpan.FromSeconds(1 / requestsPerSecond);
        _limiter = PartitionedRateLimiter.Create<string, string>(engineCode => RateLimitPartition.GetTokenBucketLimiter(engineCode, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Null when the request may go on; otherwise the refusal to send.</summary>
    public Answer? TryEnter(string? engineCode)
    {
        using var lease = _limiter.AttemptAcquire(engineCode ?? string.Empty);
        if (lease.IsAcquired)
        {
            return null;
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"{RateLimitTexts.ErrorMessagePrefix}，请稍后再试 / rate limit exceeded: at most {_requestsPerSecond:0.##} requests per second per EngineCode");
        return _refusal == RateLimitRefusal.Http429
            ? new Answer(429, Answer.TextContentType, ReadOnlyMemory<byte>.Empty, RequestOutcome.RateLimited, string.Empty)
            {
                Headers = [new("Retry-After", "1")],
            }
            : Answer.Failure(text) with { Outcome = RequestOutcome.RateLimited };
    }

    public void Dispose() => _limiter.Dispose();
}
