using System.Buffers;
using System.Net.Http.Headers;

namespace H3Yun;

/// <summary>
/// Posts one request body to <c>{BaseAddress}/OpenApi/Invoke</c> and returns the answer's bytes. It adds the
/// EngineCode/EngineSecret headers to each request (never to the shared HttpClient), bounds the wait by
/// <see cref="H3YunClientOptions.Timeout"/> and the size by <see cref="H3YunClientOptions.MaxResponseBytes"/>,
/// and turns every transport failure into an <see cref="H3YunTransportException"/>.
/// </summary>
internal sealed class OpenApiTransport(HttpClient http, H3YunClientOptions options, SecretRedactor redactor)
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    // A base address with a path (a proxy prefix) keeps it: "https://host/h3yun" posts to https://host/h3yun/OpenApi/Invoke.
    public Uri Endpoint { get; } = new(new Uri(options.BaseAddress.AbsoluteUri.TrimEnd('/') + "/"), "OpenApi/Invoke");

    public async Task<ReadOnlyMemory<byte>> SendAsync(OpenApiRequest request, byte[] body, CancellationToken cancellationToken)
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

            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
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
            throw new H3YunTimeoutException(request.ActionName, request.SchemaCode, options.Timeout, !request.IsIdempotent);
        }
        catch (HttpRequestException error)
        {
            throw H3YunTransportException.ForNetwork(request.ActionName, request.SchemaCode, Endpoint, error);
        }
    }

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
        new(request.ActionName, request.SchemaCode, $"the answer is larger than MaxResponseBytes ({options.MaxResponseBytes} bytes; at least {size} arrived).");

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };
}
