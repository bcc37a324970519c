using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace H3Yun.Emulator.Hosting;

/// <summary>
/// What every endpoint's request goes through, in this order: the request log, the rate limit, a fault before
/// processing, the endpoint's own processing, a fault after processing, the answer, and one log line.
/// </summary>
internal sealed partial class RequestPipeline(RequestLog log, EmulatorFaults faults, SecretMask mask, RateGate? rateGate, TimeProvider clock, ILogger logger)
{
    public async Task ServeAsync(HttpContext context, IncomingRequest incoming, Func<CancellationToken, ValueTask<Answer>> process)
    {
        var started = clock.GetTimestamp();
        var aborted = context.RequestAborted;
        var entry = log.Start(incoming.Path, incoming.ActionName, incoming.SchemaCode, mask.Apply(incoming.BodyForLog), incoming.EngineCode, clock.GetUtcNow());
        try
        {
            if (rateGate?.TryEnter(incoming.EngineCode) is { } refusal)
            {
                await SendAsync(context, entry, refusal, RequestOutcome.RateLimited).ConfigureAwait(false);
                return;
            }

            var fault = faults.Next(incoming.ActionName);
            if (fault is not null)
            {
                entry.Update(request => request with { Fault = fault.Description });
            }

            switch (fault?.Kind)
            {
                case FaultKind.HttpStatus:
                    await SendAsync(context, entry, RetryAfter(fault), RequestOutcome.Faulted).ConfigureAwait(false);
                    return;
                case FaultKind.ApiError:
                    await SendAsync(context, entry, Answer.Failure(fault.Body!), RequestOutcome.Faulted).ConfigureAwait(false);
                    return;
                case FaultKind.MalformedResponse:
                    await SendAsync(context, entry, Answer.Envelope(fault.Body!, successful: false), RequestOutcome.Faulted).ConfigureAwait(false);
                    return;
                case FaultKind.ConnectionReset:
                    Reset(context);
                    entry.Update(request => request with { Outcome = RequestOutcome.Faulted });
                    return;
                case FaultKind.Delay:
                    await Task.Delay(fault.Wait, clock, aborted).ConfigureAwait(false);
                    break;
            }

            var answer = await ProcessAsync(process, aborted).ConfigureAwait(false);
            entry.Update(request => request with { Processed = true });
            switch (fault?.Kind)
            {
                case FaultKind.ApplyThenHttpStatus:
                    await SendAsync(context, entry, StatusAnswer(fault), RequestOutcome.Faulted).ConfigureAwait(false);
                    return;
                case FaultKind.ApplyThenDropConnection:
                    context.Abort();
                    entry.Update(request => request with { Outcome = RequestOutcome.Faulted });
                    return;
                case FaultKind.ApplyThenDelay:
                    await Task.Delay(fault.Wait, clock, aborted).ConfigureAwait(false);
                    break;
                case FaultKind.SlowBody:
                    await SendSlowlyAsync(context, entry, answer, fault, aborted).ConfigureAwait(false);
                    return;
            }

            await SendAsync(context, entry, answer, answer.Outcome).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up; nobody is left to answer.
            entry.Update(request => request with { Outcome = RequestOutcome.ClientGaveUp });
        }
        catch (System.IO.IOException) when (aborted.IsCancellationRequested)
        {
            entry.Update(request => request with { Outcome = RequestOutcome.ClientGaveUp });
        }
        finally
        {
            var elapsed = clock.GetElapsedTime(started);
            entry.Update(request => request with { Duration = elapsed });
            if (logger.IsEnabled(LogLevel.Information))
            {
                var done = entry.Value;
                LogRequest(logger, done.Sequence, done.ActionName ?? "-", done.SchemaCode ?? "-", done.Outcome, done.StatusCode, elapsed.TotalMilliseconds);
            }
        }
    }

    private static async ValueTask<Answer> ProcessAsync(Func<CancellationToken, ValueTask<Answer>> process, CancellationToken aborted)
    {
        try
        {
            return await process(aborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug in the emulator, not in the client: say so loudly instead of letting Kestrel send an empty 500.
            return Answer.Text(StatusCodes.Status500InternalServerError, $"H3Yun emulator internal error: {ex}", RequestOutcome.EmulatorError);
        }
    }

    private static Answer StatusAnswer(EmulatorFault fault) =>
        new(fault.Status, Answer.TextContentType, System.Text.Encoding.UTF8.GetBytes(fault.Body ?? string.Empty), RequestOutcome.Faulted, fault.Body ?? string.Empty);

    private static Answer RetryAfter(EmulatorFault fault) => fault.RetryAfter is { } wait
        ? StatusAnswer(fault) with { Headers = [new("Retry-After", Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture))] }
        : StatusAnswer(fault);

    private async Task SendAsync(HttpContext context, RequestLog.Entry entry, Answer answer, RequestOutcome outcome)
    {
        var response = context.Response;
        WriteHead(response, answer);
        if (answer.Body.Length > 0)
        {
            await response.Body.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
        }

        Complete(entry, answer, outcome);
    }

    private async Task SendSlowlyAsync(HttpContext context, RequestLog.Entry entry, Answer answer, EmulatorFault fault, CancellationToken aborted)
    {
        var response = context.Response;
        WriteHead(response, answer);
        await response.StartAsync(aborted).ConfigureAwait(false);
        for (var offset = 0; offset < answer.Body.Length; offset += fault.ChunkSize)
        {
            await Task.Delay(fault.Wait, clock, aborted).ConfigureAwait(false);
            await response.Body.WriteAsync(answer.Body.Slice(offset, Math.Min(fault.ChunkSize, answer.Body.Length - offset)), aborted).ConfigureAwait(false);
            await response.Body.FlushAsync(aborted).ConfigureAwait(false);
        }

        Complete(entry, answer, answer.Outcome);
    }

    private static void WriteHead(HttpResponse response, Answer answer)
    {
        response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers[name] = value;
        }

        if (answer.Body.Length > 0)
        {
            response.ContentType = answer.ContentType;
        }

        response.ContentLength = answer.Body.Length;
    }

    private void Complete(RequestLog.Entry entry, Answer answer, RequestOutcome outcome)
    {
        var text = mask.Apply(answer.LogText);
        entry.Update(request => request with { Outcome = outcome, StatusCode = answer.Status, Answer = text });
    }

    /// <summary>A reset, not a close: with a zero linger time the socket sends RST instead of FIN.</summary>
    private static void Reset(HttpContext context)
    {
        if (context.Features.Get<IConnectionSocketFeature>()?.Socket is Socket socket)
        {
            socket.LingerState = new LingerOption(true, 0);
        }

        context.Abort();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "#{Sequence} {ActionName} {SchemaCode} -> {Outcome} {Status} in {ElapsedMs:0.0} ms")]
    private static partial void LogRequest(ILogger logger, long sequence, string actionName, string schemaCode, RequestOutcome outcome, int? status, double elapsedMs);
}
