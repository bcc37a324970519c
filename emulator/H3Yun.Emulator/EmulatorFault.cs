using System;
using System.Globalization;

namespace H3Yun.Emulator;

/// <summary>
/// One misbehaviour of the service, for testing how a client copes: an answer instead of processing the request,
/// or processing it and then failing to answer properly. The "apply then …" faults process the request (a write is
/// stored) and then fail, so that a test can count the rows a client's retries or resends leave behind.
/// Queue one with <see cref="EmulatorFaults.Enqueue"/> or inject one at random with <see cref="EmulatorFaults.InjectRandomly"/>.
/// </summary>
public sealed class EmulatorFault
{
    private EmulatorFault(FaultKind kind, string description)
    {
        Kind = kind;
        Description = description;
    }

    /// <summary>Whether the request is processed (a write stored) before the fault shows.</summary>
    public bool ProcessesRequest => Kind is FaultKind.Delay or FaultKind.SlowBody or FaultKind.ApplyThenHttpStatus or FaultKind.ApplyThenDropConnection or FaultKind.ApplyThenDelay;

    internal FaultKind Kind { get; }

    internal int Status { get; private init; }

    internal string? Body { get; private init; }

    internal TimeSpan? RetryAfter { get; private init; }

    internal TimeSpan Wait { get; private init; }

    internal int ChunkSize { get; private init; }

    internal string Description { get; }

    /// <summary>Answers with an HTTP status instead of processing the request.</summary>
    /// <param name="status">The HTTP status code, 100–599.</param>
    /// <param name="body">An optional plain-text body.</param>
    /// <param name="retryAfter">When given, sent as a <c>Retry-After</c> header in whole seconds (rounded up).</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault HttpStatus(int status, string? body = null, TimeSpan? retryAfter = null)
    {
        CheckStatus(status);
        if (retryAfter is { } wait)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero, nameof(retryAfter));
        }

        return new(FaultKind.HttpStatus, retryAfter is { } after ? Invariant($"HTTP {status}, Retry-After {after.TotalSeconds:0.###} s, not processed") : Invariant($"HTTP {status}, not processed"))
        {
            Status = status,
            Body = body,
            RetryAfter = retryAfter,
        };
    }

    /// <summary>Answers <c>Successful:false</c> with this message instead of processing the request.</summary>
    /// <param name="errorMessage">The <c>ErrorMessage</c> to send.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault ApiError(string errorMessage)
    {
        ArgumentNullException.ThrowIfNull(errorMessage);
        return new(FaultKind.ApiError, $"Successful:false \"{errorMessage}\", not processed") { Body = errorMessage };
    }

    /// <summary>Answers HTTP 200 with this raw body instead of processing the request.</summary>
    /// <param name="rawBody">The body to send, typically invalid JSON or a JSON document of the wrong shape.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault MalformedResponse(string rawBody)
    {
        ArgumentNullException.ThrowIfNull(rawBody);
        return new(FaultKind.MalformedResponse, Invariant($"HTTP 200 with a raw body of {rawBody.Length} chars, not processed")) { Body = rawBody };
    }

    /// <summary>Waits, then processes the request normally; if the client gives up during the wait, nothing is processed.</summary>
    /// <param name="delay">How long to wait.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault Delay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new(FaultKind.Delay, Invariant($"wait {delay.TotalMilliseconds:0} ms, then process")) { Wait = delay };
    }

    /// <summary>Resets the connection (TCP RST) without processing the request or answering.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault ConnectionReset() => new(FaultKind.ConnectionReset, "reset the connection, not processed");

    /// <summary>Processes the request, then sends the answer's headers at once and its body a few bytes at a time.</summary>
    /// <param name="delayPerChunk">The pause before each chunk of the body.</param>
    /// <param name="chunkSize">Bytes per chunk; at least 1.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault SlowBody(TimeSpan delayPerChunk, int chunkSize = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delayPerChunk, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        return new(FaultKind.SlowBody, Invariant($"process, then send the body {chunkSize} bytes every {delayPerChunk.TotalMilliseconds:0} ms"))
        {
            Wait = delayPerChunk,
            ChunkSize = chunkSize,
        };
    }

    /// <summary>Processes the request (a write is stored), then answers an HTTP status instead of the result.</summary>
    /// <param name="status">The HTTP status code, 100–599; 500 by default.</param>
    /// <param name="body">An optional plain-text body.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault ApplyThenHttpStatus(int status = 500, string? body = null)
    {
        CheckStatus(status);
        return new(FaultKind.ApplyThenHttpStatus, Invariant($"process, then answer HTTP {status}")) { Status = status, Body = body };
    }

    /// <summary>Processes the request (a write is stored), then drops the connection without answering.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault ApplyThenDropConnection() => new(FaultKind.ApplyThenDropConnection, "process, then drop the connection");

    /// <summary>
    /// Processes the request (a write is stored), then waits before answering, so that a client whose timeout is
    /// shorter gives up on a write that was made.
    /// </summary>
    /// <param name="delay">How long to wait before answering.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault ApplyThenDelay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new(FaultKind.ApplyThenDelay, Invariant($"process, then wait {delay.TotalMilliseconds:0} ms before answering")) { Wait = delay };
    }

    /// <summary>What the fault does, in words, as the request log and the web page show it.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Description;

    private static void CheckStatus(int status)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100, nameof(status));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599, nameof(status));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The kinds of <see cref="EmulatorFault"/>.</summary>
internal enum FaultKind
{
    HttpStatus,
    ApiError,
    MalformedResponse,
    Delay,
    ConnectionReset,
    SlowBody,
    ApplyThenHttpStatus,
    ApplyThenDropConnection,
    ApplyThenDelay,
}
