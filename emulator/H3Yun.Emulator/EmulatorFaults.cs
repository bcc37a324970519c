using System;
using System.Collections.Concurrent;
using H3Yun.Emulator.Hosting;

namespace H3Yun.Emulator;

/// <summary>
/// Faults to inject into the next requests, for testing how a client copes with a misbehaving service.
/// Faults are applied in the order they were queued, one per request; thread-safe.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly ConcurrentQueue<EmulatorFault> _queue = new();

    internal EmulatorFaults()
    {
    }

    /// <summary>The number of faults not yet consumed by a request.</summary>
    public int Pending => _queue.Count;

    /// <summary>Answers the next request with an HTTP status instead of processing it.</summary>
    /// <param name="status">The HTTP status code, 100–599.</param>
    /// <param name="body">An optional plain-text body.</param>
    /// <param name="retryAfter">When given, sent as a <c>Retry-After</c> header in whole seconds (rounded up).</param>
    public void EnqueueHttpStatus(int status, string? body = null, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        if (retryAfter is { } wait)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero, nameof(retryAfter));
        }

        _queue.Enqueue(new HttpStatusFault(status, body, retryAfter));
    }

    /// <summary>Answers the next request with <c>Successful:false</c> and this message instead of processing it.</summary>
    /// <param name="errorMessage">The <c>ErrorMessage</c> to send.</param>
    public void EnqueueApiError(string errorMessage)
    {
        ArgumentNullException.ThrowIfNull(errorMessage);
        _queue.Enqueue(new ApiErrorFault(errorMessage));
    }

    /// <summary>Answers the next request with HTTP 200 and this raw body instead of processing it.</summary>
    /// <param name="rawBody">The body to send, typically invalid JSON or a JSON document of the wrong shape.</param>
    public void EnqueueMalformedResponse(string rawBody)
    {
        ArgumentNullException.ThrowIfNull(rawBody);
        _queue.Enqueue(new MalformedResponseFault(rawBody));
    }

    /// <summary>Waits before processing the next request normally; the wait ends early if the client aborts.</summary>
    /// <param name="delay">How long to wait.</param>
    public void EnqueueDelay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        _queue.Enqueue(new DelayFault(delay));
    }

    /// <summary>Drops every fault not yet consumed.</summary>
    public void Clear() => _queue.Clear();

    internal EmulatorFault? TryDequeue() => _queue.TryDequeue(out var fault) ? fault : null;
}
