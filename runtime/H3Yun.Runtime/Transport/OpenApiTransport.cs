namespace H3Yun;

/// <summary>
/// Sends one attempt of a call to one of H3Yun's endpoints and returns the answer: buffered for the JSON answers of
/// <c>/OpenApi/Invoke</c> and <c>/OpenApi/UploadAttachment</c>, streamed for <c>/Api/DownloadBizObjectFile</c>. It
/// adds the EngineCode/EngineSecret headers to each request (never to the shared HttpClient), bounds the wait by
/// <see cref="H3YunClientOptions.Timeout"/> and the size by <see cref="H3YunClientOptions.MaxResponseBytes"/>, refuses
/// redirects, and turns every transport failure into an <see cref="H3YunTransportException"/>.
/// </summary>
internal sealed class OpenApiTransport(HttpClient http, H3YunClientOptions options, SecretRedactor redactor)
{

    public Uri InvokeEndpoint { get; } = Endpoint(options.BaseAddress, OpenApiNames.InvokePath);

    public Uri UploadEndpoint { get; } = Endpoint(options.BaseAddress, OpenApiNames.UploadAttachmentPath);

    public Uri DownloadEndpoint { get; } = Endpoint(options.BaseAddress, OpenApiNames.DownloadBizObjectFilePath);

    /// <summary>The primary handler of the client's own HttpClient, and of the one AddH3Yun configures.</summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        // A redirect would take the EngineSecret header to whatever host the answer names.
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    /// <summary>Sends and reads the whole answer, for the caller to dispose; a non-success status becomes an exception.</summary>
    public async Task<HttpAnswer> SendAsync(CallInfo call, Uri endpoint, Func<HttpContent> content, CallProgress progress, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var response = await StartAsync(call, endpoint, content, progress, timeout.Token).ConfigureAwait(false);
            var body = await ReadBodyAsync(call, response.Content, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                using (body)
                {
                    throw H3YunTransportException.ForStatus(call, response.StatusCode, redactor.Excerpt(body.Memory.Span), RetryAfter(response));
                }
            }

            return new HttpAnswer(body, response.StatusCode, response.Content.Headers.ContentType?.MediaType);
        }
        catch (Exception error) when (TransportFailure(call, endpoint, timeout, error, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>
    /// Sends and returns the answer as soon as its headers arrived, for the caller to stream and dispose; the
    /// timeout bounds the wait for the headers only. A non-success status becomes an exception.
    /// </summary>
    public async Task<HttpResponseMessage> SendStreamingAsync(CallInfo call, Uri endpoint, Func<HttpContent> content, CallProgress progress, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            var response = await StartAsync(call, endpoint, content, progress, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                using (response)
                {
                    using var body = await ReadBodyAsync(call, response.Content, timeout.Token).ConfigureAwait(false);
                    throw H3YunTransportException.ForStatus(call, response.StatusCode, redactor.Excerpt(body.Memory.Span), RetryAfter(response));
                }
            }

            return response;
        }
        catch (Exception error) when (TransportFailure(call, endpoint, timeout, error, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>Reads the rest of a streamed answer that turned out to be a JSON envelope, within the size limit, for the caller to dispose.</summary>
    public async Task<ResponseBody> ReadEnvelopeAsync(CallInfo call, HttpContent content, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            return await ReadBodyAsync(call, content, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (TransportFailure(call, DownloadEndpoint, timeout, error, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    private async Task<HttpResponseMessage> StartAsync(CallInfo call, Uri endpoint, Func<HttpContent> content, CallProgress progress, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint);
        message.Headers.TryAddWithoutValidation(OpenApiNames.EngineCodeHeader, options.EngineCode);
        message.Headers.TryAddWithoutValidation(OpenApiNames.EngineSecretHeader, options.EngineSecret);
        message.Content = content();

        progress.AttemptInFlight = true;
        var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        try
        {
            CheckNotRedirected(call, endpoint, response);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    // A base address with a path (a proxy prefix) keeps it: "https://host/h3yun" posts to https://host/h3yun/OpenApi/Invoke.
    private static Uri Endpoint(Uri baseAddress, string path) => new(new Uri(baseAddress.AbsoluteUri.TrimEnd('/') + "/"), path);

    /// <summary>
    /// The H3Yun exception for a failure of an attempt in flight, or null for one that is already an answer (an H3Yun
    /// exception) or the caller's own cancellation, which travel on as they are.
    /// </summary>
    private H3YunTransportException? TransportFailure(CallInfo call, Uri endpoint, CancellationTokenSource timeout, Exception error, CancellationToken cancellationToken) =>
        error switch
        {
            OperationCanceledException when timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested =>
                H3YunTimeoutException.For(call, options.Timeout),

            // Its message may quote what the server sent, such as an invalid header line.
            HttpRequestException request => H3YunTransportException.ForNetwork(call, endpoint, request.HttpRequestError, RedactedFailure.Of(request, redactor)),

            // The connection broke while the body was arriving (HttpIOException and its relatives).
            IOException io when !cancellationToken.IsCancellationRequested =>
                H3YunTransportException.ForNetwork(call, endpoint, io is HttpIOException http ? http.HttpRequestError : HttpRequestError.ResponseEnded, RedactedFailure.Of(io, redactor)),
            _ => null,
        };

    private static void CheckNotRedirected(CallInfo call, Uri endpoint, HttpResponseMessage response)
    {
        if ((int)response.StatusCode is >= 300 and < 400)
        {
            var location = response.Headers.Location is { } target ? (target.IsAbsoluteUri ? target : new Uri(endpoint, target)) : null;
            throw H3YunTransportException.ForRedirect(call, response.StatusCode, location, endpoint);
        }

        // An HttpClient the caller gave us may follow redirects itself; an answer from another host is not H3Yun's.
        if (response.RequestMessage?.RequestUri is { } final && Uri.Compare(final, endpoint, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw H3YunTransportException.ForFollowedRedirect(call, final, endpoint);
        }
    }

    private async Task<ResponseBody> ReadBodyAsync(CallInfo call, HttpContent content, CancellationToken cancellationToken)
    {
        var limit = options.MaxResponseBytes;
        if (content.Headers.ContentLength > limit)
        {
            throw TooLarge(call, content.Headers.ContentLength.Value);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await ResponseBody.ReadAsync(stream, content.Headers.ContentLength, limit, size => TooLarge(call, size), cancellationToken).ConfigureAwait(false);
        }
    }

    private H3YunProtocolException TooLarge(CallInfo call, long size) =>
        new(
            call.ActionName,
            call.SchemaCode,
            $"the answer is larger than MaxResponseBytes ({options.MaxResponseBytes} bytes; at least {size} arrived).",
            outcome: FailureRules.ForUnreadableEnvelope(call));

    private TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - options.TimeProvider.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };
}

/// <summary>A whole answer: its bytes (to dispose once read), status and media type.</summary>
internal readonly record struct HttpAnswer(ResponseBody Body, System.Net.HttpStatusCode Status, string? MediaType);

/// <summary>What the client knows about a call while it runs: whether an attempt is on its way to H3Yun.</summary>
internal sealed class CallProgress
{
    /// <summary>Set when an attempt is handed to HttpClient, cleared when it failed without reaching H3Yun.</summary>
    public bool AttemptInFlight { get; set; }
}
