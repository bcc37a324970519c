using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace H3Yun;

/// <summary>
/// Paces and repeats requests: a token bucket keeps the client within H3Yun's documented 1–2 requests per second
/// (each attempt, retries included, takes a token), and a Polly retry pipeline repeats what
/// <see cref="FailureRules"/> allows, honouring <c>Retry-After</c>.
/// </summary>
internal sealed class RequestPolicy : IDisposable
{
    private static readonly ResiliencePropertyKey<OpenApiRequest> RequestKey = new("H3Yun.Request");

    private readonly RateLimiter? _limiter;
    private readonly ResiliencePipeline _pipeline;

    public RequestPolicy(H3YunClientOptions options, ILogger logger)
    {
        _limiter = options.RequestsPerSecond is { } rate ? CreateLimiter(rate) : null;
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
                    if (args.Context.Properties.TryGetValue(RequestKey, out var request))
                    {
                        Log.Retrying(logger, request.ActionName, request.SchemaCode, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.Message);
                    }

                    return ValueTask.CompletedTask;
                },
            });
        }

        _pipeline = builder.Build();
    }

    public async Task<T> ExecuteAsync<T>(OpenApiRequest request, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    await state.Policy.WaitForTurnAsync(ctx.CancellationToken).ConfigureAwait(false);
                    return await state.Send(ctx.CancellationToken).ConfigureAwait(false);
                },
                context,
                (Policy: this, Send: send)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public void Dispose() => _limiter?.Dispose();

    private static TokenBucketRateLimiter CreateLimiter(double requestsPerSecond) => new(new TokenBucketRateLimiterOptions
    {
        // One token at a time spaces requests evenly instead of letting a burst through.
        TokenLimit = 1,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1 / requestsPerSecond),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    private async ValueTask WaitForTurnAsync(CancellationToken cancellationToken)
    {
        if (_limiter is null)
        {
            return;
        }

        using var lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException("The H3Yun client's rate limiter refused a request; it was disposed while requests were waiting.");
        }
    }
}
