using System.Threading.RateLimiting;

namespace H3Yun;

/// <summary>
/// The engine's budget: each turn comes at least 1/rate after the one before it, so that no one-second window ever
/// holds more than the budget. A token bucket does not do that even with one token: a token saved while a slow
/// request ran, followed by the timer's next token a moment later, lets two requests through milliseconds apart
/// (seen at 4 requests/s as three requests within 91 ms). Callers get their turns in the order they asked.
/// </summary>
internal sealed class SpacedRateLimiter : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(true, null);

    private readonly long _spacing;
    private readonly int _queueLimit;
    private readonly TimeProvider _time;
    private readonly object _gate = new();

    // The earliest timestamp at which the next turn may start; turns already handed out lie before it.
    private long _nextTurn = long.MinValue;
    private int _waiting;

    public SpacedRateLimiter(double requestsPerSecond, int queueLimit, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegative(queueLimit);
        _spacing = checked((long)Math.Ceiling(time.TimestampFrequency / requestsPerSecond));
        _queueLimit = queueLimit;
        _time = time;
    }

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var now = _time.GetTimestamp();
                return _waiting > 0 || _nextTurn > now ? null
                    : _nextTurn == long.MinValue ? TimeSpan.Zero
                    : _time.GetElapsedTime(_nextTurn, now);
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = _nextTurn <= _time.GetTimestamp() ? 1 : 0, CurrentQueuedCount = _waiting };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            if (permitCount == 0)
            {
                return _nextTurn <= now ? Granted : Refused(_time.GetElapsedTime(now, _nextTurn));
            }

            if (_nextTurn > now)
            {
                return Refused(_time.GetElapsedTime(now, _nextTurn));
            }

            _nextTurn = now + (_spacing * permitCount);
            return Granted;
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        long turn;
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            turn = Math.Max(now, _nextTurn);
            if (permitCount == 0 || turn == now)
            {
                if (permitCount > 0)
                {
                    _nextTurn = turn + (_spacing * permitCount);
                }

                return Granted;
            }

            if (_waiting >= _queueLimit)
            {
                return new Lease(false, null);
            }

            _nextTurn = turn + (_spacing * permitCount);
            _waiting++;
        }

        try
        {
            // A timer may wake a little early; the turn starts no sooner than its timestamp.
            for (var left = _time.GetElapsedTime(_time.GetTimestamp(), turn); left > TimeSpan.Zero; left = _time.GetElapsedTime(_time.GetTimestamp(), turn))
            {
                await Task.Delay(left, _time, cancellationToken).ConfigureAwait(false);
            }

            return Granted;
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                // Give the turn back when no one asked after this caller; otherwise later turns stay where they are,
                // which only leaves a gap.
                if (_nextTurn == turn + (_spacing * permitCount))
                {
                    _nextTurn = turn;
                }
            }

            throw;
        }
        finally
        {
            lock (_gate)
            {
                _waiting--;
            }
        }
    }

    private static Lease Refused(TimeSpan retryAfter) => new(false, retryAfter);

    private sealed class Lease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name ? wait : null;
            return metadata is not null;
        }
    }
}
