using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using H3Yun.Emulator.Actions;
using H3Yun.Emulator.Protocol;
using Microsoft.AspNetCore.Http;

namespace H3Yun.Emulator.Hosting;

/// <summary>
/// Serves <c>POST /OpenApi/Invoke</c>: records the request, applies the next queued fault, checks the credentials,
/// then runs the action. Like H3Yun, every answer that gets that far is HTTP 200 with the JSON envelope.
/// </summary>
internal sealed class InvokeEndpoint(InvokeDispatcher dispatcher, RequestLog log, EmulatorFaults faults, string engineCode, string engineSecret)
{
    private const string InvokePath = "/OpenApi/Invoke";
    private const string JsonContentType = "application/json; charset=utf-8";

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!string.Equals(request.Path.Value?.TrimEnd('/'), InvokePath, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = HttpMethods.Post;
            return;
        }

        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        log.Add(body);
        switch (faults.TryDequeue())
        {
            case HttpStatusFault fault:
                await WriteStatusAsync(context.Response, fault).ConfigureAwait(false);
                return;
            case ApiErrorFault fault:
                await WriteAsync(context.Response, JsonContentType, Envelope.Failure(fault.ErrorMessage)).ConfigureAwait(false);
                return;
            case MalformedResponseFault fault:
                await WriteAsync(context.Response, JsonContentType, fault.RawBody).ConfigureAwait(false);
                return;
            case DelayFault fault:
                try
                {
                    await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up; nobody is left to answer.
                    return;
                }

                break;
        }

        string answer;
        try
        {
            answer = IsAuthorized(request.Headers) ? Run(body) : Envelope.Failure("EngineCode/EngineSecret 错误 / EngineCode or EngineSecret is wrong or missing");
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or NotSupportedException)
        {
            // A bug in the emulator, not in the client: say so loudly instead of letting Kestrel send an empty 500.
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await WriteAsync(context.Response, "text/plain; charset=utf-8", $"H3Yun emulator internal error: {ex}").ConfigureAwait(false);
            return;
        }

        await WriteAsync(context.Response, JsonContentType, answer).ConfigureAwait(false);
    }

    private string Run(string body)
    {
        try
        {
            return Envelope.Success(dispatcher.Invoke(body));
        }
        catch (H3RequestException ex)
        {
            return Envelope.Failure(ex.Message);
        }
    }

    private bool IsAuthorized(IHeaderDictionary headers) =>
        SameText(headers["EngineCode"].ToString(), engineCode) && SameText(headers["EngineSecret"].ToString(), engineSecret);

    /// <summary>Constant-time, so that even a test double does not model a timing leak of the secret.</summary>
    private static bool SameText(string sent, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(expected));

    private static async Task WriteStatusAsync(HttpResponse response, HttpStatusFault fault)
    {
        response.StatusCode = fault.Status;
        if (fault.RetryAfter is { } wait)
        {
            response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        if (fault.Body is not null)
        {
            await WriteAsync(response, "text/plain; charset=utf-8", fault.Body).ConfigureAwait(false);
        }
    }

    private static async Task WriteAsync(HttpResponse response, string contentType, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes).ConfigureAwait(false);
    }
}
