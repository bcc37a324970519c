using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace H3Yun.Emulator;

/// <summary>
/// Faults to inject, for testing how a client copes with a misbehaving service. Queued faults apply in order, one
/// per request, to the next request of their action (or of any action); when none is queued for a request,
/// random rules added with <see cref="InjectRandomly"/> are drawn in the order they were added. Thread-safe.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly Lock _gate = new();
    private readonly List<QueuedFault> _queue = [];
    private readonly List<RandomRule> _rules = [];

    internal EmulatorFaults()
    {
    }

    /// <summary>The number of queued faults not yet consumed by a request.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>The queued faults, next first.</summary>
    public IReadOnlyList<QueuedFault> Queued
    {
        get
        {
            lock (_gate)
            {
                return [.. _queue];
            }
        }
    }

    /// <summary>The random rules in the order they are drawn.</summary>
    public IReadOnlyList<RandomFaultRule> RandomRules
    {
        get
        {
            lock (_gate)
            {
                return [.. _rules.Select(rule => rule.Public)];
            }
        }
    }

    /// <summary>Queues a fault for the next request, or the next request of one action.</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="actionName">
    /// The only ActionName it applies to (<c>CreateBizObjects</c>, a custom API's ActionName, or
    /// <c>UploadAttachment</c> / <c>DownloadBizObjectFile</c> for the attachment endpoints); <see langword="null"/> for any request.
    /// </param>
    public void Enqueue(EmulatorFault fault, string? actionName = null)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _queue.Add(new QueuedFault(fault, actionName));
        }
    }

    /// <summary>
    /// Injects a fault into each matching request with a probability, drawn from a generator seeded with
    /// <paramref name="seed"/>, so that the same requests in the same order meet the same faults in every run.
    /// </summary>
    /// <param name="fault">The fault.</param>
    /// <param name="probability">The chance per matching request, from 0 to 1.</param>
    /// <param name="seed">The random generator's seed.</param>
    /// <param name="actionName">The only ActionName it applies to; <see langword="null"/> for any request.</param>
    public void InjectRandomly(EmulatorFault fault, double probability, int seed, string? actionName = null)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (!(probability is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "The probability must be from 0 to 1.");
        }

        lock (_gate)
        {
            _rules.Add(new RandomRule(new RandomFaultRule(fault, probability, seed, actionName), new Random(seed)));
        }
    }

    /// <summary>Answers the next request with an HTTP status instead of processing it.</summary>
    /// <param name="status">The HTTP status code, 100–599.</param>
    /// <param name="body">An optional plain-text body.</param>
    /// <param name="retryAfter">When given, sent as a <c>Retry-After</c> header in whole seconds (rounded up).</param>
    public void EnqueueHttpStatus(int status, string? body = null, TimeSpan? retryAfter = null) => Enqueue(EmulatorFault.HttpStatus(status, body, retryAfter));

    /// <summary>Answers the next request with <c>Successful:false</c> and this message instead of processing it.</summary>
    /// <param name="errorMessage">The <c>ErrorMessage</c> to send.</param>
    public void EnqueueApiError(string errorMessage) => Enqueue(EmulatorFault.ApiError(errorMessage));

    /// <summary>Answers the next request with HTTP 200 and this raw body instead of processing it.</summary>
    /// <param name="rawBody">The body to send, typically invalid JSON or a JSON document of the wrong shape.</param>
    public void EnqueueMalformedResponse(string rawBody) => Enqueue(EmulatorFault.MalformedResponse(rawBody));

    /// <summary>Waits before processing the next request normally; if the client gives up during the wait, nothing is processed.</summary>
    /// <param name="delay">How long to wait.</param>
    public void EnqueueDelay(TimeSpan delay) => Enqueue(EmulatorFault.Delay(delay));

    /// <summary>Drops every queued fault and every random rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
            _rules.Clear();
        }
    }

    /// <summary>The fault for a request of this action: the first queued one that matches, else a random draw.</summary>
    internal EmulatorFault? Next(string? actionName)
    {
        lock (_gate)
        {
            var index = _queue.FindIndex(queued => Matches(queued.ActionName, actionName));
            if (index >= 0)
            {
                var fault = _queue[index].Fault;
                _queue.RemoveAt(index);
                return fault;
            }

            // Every matching rule draws for every matching request, so one rule's draws never depend on another's hits.
            EmulatorFault? drawn = null;
            foreach (var rule in _rules)
            {
                if (Matches(rule.Public.ActionName, actionName) && rule.Random.NextDouble() < rule.Public.Probability)
                {
                    drawn ??= rule.Public.Fault;
                }
            }

            return drawn;
        }
    }

    private static bool Matches(string? wanted, string? actionName) =>
        wanted is null || string.Equals(wanted, actionName, StringComparison.Ordinal);

    private sealed record RandomRule(RandomFaultRule Public, Random Random);
}

/// <summary>A fault waiting in the queue.</summary>
/// <param name="Fault">The fault.</param>
/// <param name="ActionName">The only ActionName it applies to, or <see langword="null"/> for any request.</param>
public sealed record QueuedFault(EmulatorFault Fault, string? ActionName);

/// <summary>A fault injected at random.</summary>
/// <param name="Fault">The fault.</param>
/// <param name="Probability">The chance per matching request.</param>
/// <param name="Seed">The random generator's seed.</param>
/// <param name="ActionName">The only ActionName it applies to, or <see langword="null"/> for any request.</param>
public sealed record RandomFaultRule(EmulatorFault Fault, double Probability, int Seed, string? ActionName);
