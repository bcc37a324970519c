using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace H3Yun;

/// <summary>
/// Paces and repeats requests: the engine's budget (<see cref="EngineRateLimits"/>, or the caller's own limiter) keeps
/// every client of an engine within H3Yun's documented 1–2 requests per second (each attempt, retries included,
/// takes a turn), and a Polly retry pipeline repeats what <see cref="FailureRules"/> allows, with exponential backoff
/// and jitter, a <c>Retry-After</c> winning.
/// </summary>
internal sealed class RequestPolicy
{
    private static readonly ResiliencePropertyKey<CallInfo> CallKey = new("H3Yun.Call");

    // How often a limiter of the caller's own that refuses without a Retry-After is asked again.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly RateLimiter? _limiter;
    private readonly bool _limiterQueues;
    private readonly TimeSpan _maxWait;
    private readonly ResiliencePipeline _pipeline;
    private readonly TimeProvider _time;

    public RequestPolicy(H3YunClientOptions options, ILogger logger)
    {
        _time = options.TimeProvider;
        _maxWait = options.Timeout;
        _limiterQueues = options.RateLimiter is null;
        _limiter = options.RateLimiter
            ?? (options.RequestsPerSecond is { } rate ? EngineRateLimits.For(options.EngineCode, rate, options.RateLimitQueueLimit, options.TimeProvider) : null);
        var builder = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is { } failure && FailureRules.ShouldRetry(failure)),
                DelayGenerator = static args => ValueTask.FromResult(
                    args.Outcome.Exception is H3YunTransportException { RetryAfter: { } wait } ? wait : (TimeSpan?)null),
                OnRetry = args =>
                {
                    if (args.Context.Properties.TryGetValue(CallKey, out var call))
                    {
                        Log.Retrying(logger, call.ActionName, call.SchemaCode, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.Message);
                        H3YunTelemetry.Retried(call);
                    }

                    return ValueTask.CompletedTask;
                },
            });
        }

        _pipeline = builder.Build();
    }

    public async Task<T> ExecuteAsync<T>(CallInfo call, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallKey, call);
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    await state.Policy.WaitForTurnAsync(state.Call, ctx.CancellationToken).ConfigureAwait(false);
                    return await state.Send(ctx.CancellationToken).ConfigureAwait(false);
                },
                context,
                (Policy: this, Call: call, Send: send)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask WaitForTurnAsync(CallInfo call, CancellationToken cancellationToken)
    {
        if (_limiter is null)
        {
            return;
        }

        var started = _time.GetTimestamp();
        try
        {
            while (true)
            {
                using var lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
                if (lease.IsAcquired)
                {
                    return;
                }

                // The engine's own budget queues callers, so its refusal means the queue is full. A limiter of the
                // caller's own may not queue at all (Redis-backed ones refuse at once): wait and ask again, in turn.
                var wait = RetryAfter(lease) ?? PollInterval;
                if (_limiterQueues || _time.GetElapsedTime(started) + wait > _maxWait)
                {
                    throw new H3YunRateLimitException(call.ActionName, call.SchemaCode, Reason(lease, _limiterQueues ? null : _maxWait));
                }

                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            H3YunTelemetry.WaitedForTurn(call, _time.GetElapsedTime(started));
        }
    }

    private static TimeSpan? RetryAfter(RateLimitLease lease) =>
        // Read as an object: the typed TryGetMetadata casts, and throws for a limiter (RedisRateLimiting's) that states
        // whole seconds under the same name.
        lease.TryGetMetadata(MetadataName.RetryAfter.Name, out var retryAfter)
            ? retryAfter switch
            {
                TimeSpan wait => wait,
                int or long or double => TimeSpan.FromSeconds(Convert.ToDouble(retryAfter, System.Globalization.CultureInfo.InvariantCulture)),
                _ => null,
            }
            : null;

    private static string? Reason(RateLimitLease lease, TimeSpan? waited) =>
        lease.TryGetMetadata(MetadataName.ReasonPhrase, out var reason) ? reason
        : waited is { } limit ? $"it refused every turn for {limit.TotalSeconds:0.#} s, the client's Timeout"
        : null;
}

/// <summary>
/// What the policy, the transport and telemetry need to know of a call: its action and form, whether it only reads,
/// and whether H3Yun may apply part of it before refusing it (a batch, a custom API).
/// </summary>
internal sealed record CallInfo(string ActionName, string? SchemaCode, bool IsRead, bool MayPartlyApply = false)
{
    public static CallInfo Of(OpenApiRequest request) => new(
        request.ActionName, request.SchemaCode, request.IsIdempotent, MayPartlyApply: request.ActionName == OpenApiActions.CreateBizObjects);
}
