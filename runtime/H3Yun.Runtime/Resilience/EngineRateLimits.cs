using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;

namespace H3Yun;

/// <summary>
/// One request budget per EngineCode in the process, shared by every client and repository of that engine, so that
/// two clients of one engine together stay within H3Yun's 1–2 requests per second. For a fleet of processes, give
/// the clients a limiter that spans them (<see cref="H3YunClientOptions.RateLimiter"/>, for example Redis-backed).
/// </summary>
internal static class EngineRateLimits
{
    private static readonly ConcurrentDictionary<string, Budget> Budgets = new(StringComparer.Ordinal);

    /// <summary>The limiter of <paramref name="engineCode"/>, made by the first client of the engine.</summary>
    /// <exception cref="InvalidOperationException">An earlier client of the engine set a different budget.</exception>
    public static RateLimiter For(string engineCode, double requestsPerSecond, int queueLimit, TimeProvider time)
    {
        var budget = Budgets.GetOrAdd(engineCode, static (_, settings) => new Budget(settings.requestsPerSecond, settings.queueLimit, settings.time), (requestsPerSecond, queueLimit, time));
        if (budget.RequestsPerSecond != requestsPerSecond || budget.QueueLimit != queueLimit)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"H3YunClientOptions asks for {requestsPerSecond} requests/s with a queue of {queueLimit} for engine '{engineCode}', but another client in this process already shares that engine's budget of {budget.RequestsPerSecond} requests/s with a queue of {budget.QueueLimit}. One engine has one budget: give its clients the same RequestsPerSecond and RateLimitQueueLimit, or set RateLimiter."));
        }

        return budget.Limiter;
    }

    private sealed class Budget(double requestsPerSecond, int queueLimit, TimeProvider time)
    {
        public double RequestsPerSecond { get; } = requestsPerSecond;

        public int QueueLimit { get; } = queueLimit;

        // Lives as long as the process: clients come and go, the engine's budget stays. Its clock is the first
        // client's.
        public RateLimiter Limiter { get; } = new SpacedRateLimiter(requestsPerSecond, queueLimit, time);
    }
}
