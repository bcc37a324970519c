using System.Buffers;
using System.Net.Http.Headers;

namespace H3Yun;

/// <summary>
/// Posts one request body to <c>{BaseAddress}/OpenApi/Invoke</c> and returns the answer's bytes. It adds the
/// EngineCode/EngineSecret headers to each request (never to the shared HttpClient), bounds the wait by
/// <see cref="H3YunClientOptions.Timeout"/> and the size by <see cref="H3YunClientOptions.MaxResponseBytes"/>, refuses
/// redirects, and turns every transport failure into an <see cref="H3YunTransportException"/>.
/// </summary>
internal sealed class OpenApiTransport(HttpClient http, H3YunClientOptions options, SecretRedactor redactor)
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    // A base address with a path (a proxy prefix) keeps it: "https://host/h3yun" posts to https://host/h3yun/OpenApi/Invoke.
    public Uri Endpoint { get; } = new(new Uri(options.BaseAddress.AbsoluteUri.TrimEnd('/') + "/"), "OpenApi/Invoke");

    /// <summary>The primary handler of the client's own HttpClient, and of the one AddH3Yun configures.</summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        // A redirect would take the EngineSecret header to whatever host the answer names.
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    public async Task<ReadOnlyMemory<byte>> SendAsync(OpenApiRequest request, byte[] body, CallProgress progress, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, Endpoint);
            message.Headers.TryAddWithoutValidation("EngineCode", options.EngineCode);
            message.Headers.TryAddWithoutValidation("EngineSecret", options.EngineSecret);
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = JsonContentType;

            progress.AttemptInFlight = true;
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            CheckNotRedirected(request, response);
            var content = await ReadBodyAsync(request, response.Content, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw H3YunTransportException.ForStatus(
                    request.ActionName, request.SchemaCode, response.StatusCode, redactor.Excerpt(content.Span), RetryAfter(response));
            }

            return content;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new H3YunTimeoutException(request.ActionName, request.SchemaCode, options.Timeout);
        }
        catch (HttpRequestException error)
        {
            // Its message may quote what the server sent, such as an invalid header line.
            throw H3YunTransportException.ForNetwork(request.ActionName, request.SchemaCode, Endpoint, error.HttpRequestError, RedactedFailure.Of(error, redactor));
        }
        catch (IOException error) when (!cancellationToken.IsCancellationRequested)
        {
            // The connection broke while the body was arriving (HttpIOException and its relatives).
            var kind = error is HttpIOException io ? io.HttpRequestError : HttpRequestError.ResponseEnded;
            throw H3YunTransportException.ForNetwork(request.ActionName, request.SchemaCode, Endpoint, kind, RedactedFailure.Of(error, redactor));
        }
    }

    private void CheckNotRedirected(OpenApiRequest request, HttpResponseMessage response)
    {
        if ((int)response.StatusCode is >= 300 and < 400)
        {
            throw H3YunTransportException.ForRedirect(request.ActionName, request.SchemaCode, response.StatusCode, LocationOf(response), Endpoint);
        }

        // An HttpClient the caller gave us may follow redirects itself; an answer from another host is not H3Yun's.
        if (response.RequestMessage?.RequestUri is { } final && Uri.Compare(final, Endpoint, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw H3YunTransportException.ForFollowedRedirect(request.ActionName, request.SchemaCode, final, Endpoint);
        }
    }

    private Uri? LocationOf(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location : new Uri(Endpoint, location)) : null;

    private async Task<ReadOnlyMemory<byte>> ReadBodyAsync(OpenApiRequest request, HttpContent content, CancellationToken cancellationToken)
    {
        var limit = options.MaxResponseBytes;
        if (content.Headers.ContentLength > limit)
        {
            throw TooLarge(request, content.Headers.ContentLength.Value);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new ArrayBufferWriter<byte>(content.Headers.ContentLength is { } length ? (int)Math.Max(length, 1) : 16 * 1024);
            while (true)
            {
                var read = await stream.ReadAsync(buffer.GetMemory(16 * 1024), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.WrittenMemory;
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > limit)
                {
                    throw TooLarge(request, buffer.WrittenCount);
                }
            }
        }
    }

    private H3YunProtocolException TooLarge(OpenApiRequest request, long size) =>
        new(
            request.ActionName,
            request.SchemaCode,
            $"the answer is larger than MaxResponseBytes ({options.MaxResponseBytes} bytes; at least {size} arrived).",
            outcome: FailureRules.ForUnreadableEnvelope(request.IsIdempotent));

    private TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - options.TimeProvider.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };
}

/// <summary>What the client knows about a call while it runs: whether an attempt is on its way to H3Yun.</summary>
internal sealed class CallProgress
{
    /// <summary>Set when an attempt is handed to HttpClient, cleared when it failed without reaching H3Yun.</summary>
    public bool AttemptInFlight { get; set; }
}
