using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace H3Yun;

/// <summary>
/// The client of H3Yun's OpenApi: <c>/OpenApi/Invoke</c> (the six actions and custom APIs) and the attachment
/// endpoints. One instance per engine is meant to be shared by the whole application: it is thread-safe, and every
/// client of an engine in the process shares the engine's rate budget.
/// </summary>
public sealed class H3YunClient : IDisposable
{
    private static readonly JsonElement NullReturnData = JsonDocument.Parse("null").RootElement;
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient? _ownedHttpClient;
    private readonly H3YunClientOptions _options;
    private readonly OpenApiTransport _transport;
    private readonly RequestPolicy _policy;
    private readonly SecretRedactor _redactor;
    private readonly ILogger _logger;

    // Ends the calls still waiting or on their way when the client is disposed; the engine's budget outlives it.
    private readonly CancellationTokenSource _lifetime = new();

    /// <summary>Creates a client with its own <see cref="HttpClient"/>, which never follows redirects.</summary>
    /// <param name="options">The address, the credentials and the limits; copied, so later changes have no effect.</param>
    /// <param name="logger">Where to log calls; nothing is logged when omitted.</param>
    public H3YunClient(H3YunClientOptions options, ILogger<H3YunClient>? logger = null)
        : this(CreateHttpClient(), options, logger, ownsHttpClient: true)
    {
    }

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> the caller owns, such as one from IHttpClientFactory. Its
    /// handler must not follow redirects (<c>AllowAutoRedirect = false</c>), or a redirect would take the EngineSecret
    /// to another host; an answer that arrives from another host is refused.
    /// </summary>
    /// <param name="httpClient">The HTTP client; its BaseAddress and default headers are not used.</param>
    /// <param name="options">The address, the credentials and the limits; copied, so later changes have no effect.</param>
    /// <param name="logger">Where to log calls; nothing is logged when omitted.</param>
    public H3YunClient(HttpClient httpClient, H3YunClientOptions options, ILogger<H3YunClient>? logger = null)
        : this(httpClient, options, logger, ownsHttpClient: false)
    {
    }

    private H3YunClient(HttpClient httpClient, H3YunClientOptions options, ILogger? logger, bool ownsHttpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Snapshot();
        _ownedHttpClient = ownsHttpClient ? httpClient : null;
        _logger = logger ?? NullLogger.Instance;
        _redactor = new SecretRedactor(_options.EngineSecret);
        _transport = new OpenApiTransport(httpClient, _options, _redactor);
        _policy = new RequestPolicy(_options, _logger);
    }

    /// <summary>A copy of the options the client was made with; changing it has no effect on the client.</summary>
    public H3YunClientOptions Options => _options.Snapshot();

    /// <summary>The settings in force, for the runtime's own use; never handed out.</summary>
    internal H3YunClientOptions Settings => _options;

    /// <summary>Sends one OpenApi call and returns its <c>ReturnData</c>.</summary>
    /// <param name="request">The call.</param>
    /// <param name="cancellationToken">Cancels the call, including its wait for a turn under the rate limit.</param>
    /// <returns>A copy of <c>ReturnData</c>; a JSON null element when H3Yun sent none.</returns>
    /// <exception cref="H3YunApiException">H3Yun answered <c>Successful: false</c>.</exception>
    /// <exception cref="H3YunTransportException">No OpenApi answer arrived.</exception>
    /// <exception cref="H3YunProtocolException">The answer is not an OpenApi envelope.</exception>
    /// <exception cref="H3YunCanceledException">The call was cancelled; it says whether a write was on its way.</exception>
    public Task<JsonElement> InvokeAsync(OpenApiRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync(request, CopyReturnData, cancellationToken);

    /// <summary>Calls a custom API class of H3Yun's backend and returns its <c>ReturnData</c>.</summary>
    /// <param name="request">The app, class, action and parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A copy of <c>ReturnData</c> (parsed when H3Yun sent it as a JSON string); a JSON null element when there was none.</returns>
    /// <exception cref="H3YunApiException">The custom API answered <c>Successful: false</c> (its <c>response.Errors</c>).</exception>
    /// <exception cref="H3YunTransportException">No answer arrived.</exception>
    /// <exception cref="H3YunProtocolException">The answer is not an OpenApi envelope.</exception>
    /// <exception cref="H3YunCanceledException">The call was cancelled.</exception>
    public Task<JsonElement> InvokeCustomAsync(CustomApiRequest request, CancellationToken cancellationToken = default) =>
        InvokeCustomAsync(request, CopyReturnData, cancellationToken);

    /// <summary>Calls a custom API class and reads its <c>ReturnData</c> as <typeparamref name="T"/>, without reflection.</summary>
    /// <typeparam name="T">The type of ReturnData.</typeparam>
    /// <param name="request">The app, class, action and parameters.</param>
    /// <param name="returnType">The type's metadata from a <c>JsonSerializerContext</c>, which works trimmed and under Native AOT.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>ReturnData as <typeparamref name="T"/>; <see langword="default"/> when there was none.</returns>
    /// <exception cref="H3YunProtocolException">ReturnData does not fit <typeparamref name="T"/>; the message says where.</exception>
    public Task<T?> InvokeCustomAsync<T>(CustomApiRequest request, JsonTypeInfo<T> returnType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(returnType);
        return InvokeCustomAsync(
            request,
            returnData =>
            {
                if (returnData.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
                {
                    return default;
                }

                // The caller's type may keep part of it as JsonElement, which the deserializer copies unchecked.
                Utf8Text.RequireValid(returnData);
                try
                {
                    return returnData.Deserialize(returnType);
                }
                catch (JsonException error)
                {
                    throw new AnswerFormatException($"ReturnData does not fit {typeof(T).Name}: {error.Message}");
                }
            },
            cancellationToken);
    }

    /// <summary>
    /// Uploads a file to an attachment (附件) or image (图片) field of an existing record, or of one of its child rows
    /// (<c>/OpenApi/UploadAttachment</c>). The generated repositories offer this typed, as <c>repository.Attachments</c>.
    /// </summary>
    /// <param name="upload">The file, its name, and the form, record and field it goes to.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The AttachmentId H3Yun gave the file: download by it, since whether a loaded record lists its attachments is not documented.</returns>
    /// <exception cref="ArgumentException">A code or the name is empty, the name has no extension, or the file is larger than 3 MB; nothing was sent.</exception>
    public Task<string> UploadAttachmentAsync(H3AttachmentUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        return UploadAttachmentCoreAsync(upload.SchemaCode, upload.FieldCode, upload.ObjectId, upload.Content, upload.FileName, upload.ContentType, upload.ChildSchemaCode, cancellationToken);
    }

    /// <summary>
    /// Downloads an attachment (<c>/Api/DownloadBizObjectFile</c>) as a stream, with the file name H3Yun gives it
    /// (URL-decoded). Dispose the result; the file is read from the network as the stream is read, never held whole.
    /// </summary>
    /// <param name="attachmentId">The attachment's id, from an attachment field (<see cref="H3Attachment.ObjectId"/>).</param>
    /// <param name="cancellationToken">Cancels the wait for the answer; reading the stream takes its own token.</param>
    /// <returns>The file.</returns>
    /// <exception cref="H3YunApiException">H3Yun refused, for example because the attachment does not exist.</exception>
    public Task<H3AttachmentContent> DownloadAttachmentAsync(string attachmentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(attachmentId);
        return DownloadAsync(attachmentId, cancellationToken);
    }

    /// <summary>
    /// Ends the calls still waiting for their turn or on their way (with <see cref="ObjectDisposedException"/>) and
    /// releases the HTTP client when the client made it. The engine's rate budget outlives clients.
    /// </summary>
    public void Dispose()
    {
        if (_lifetime.IsCancellationRequested)
        {
            return;
        }

        _lifetime.Cancel();
        _ownedHttpClient?.Dispose();
        _lifetime.Dispose();
    }

    /// <summary>Sends one call and reads its ReturnData with <paramref name="read"/> while the answer is alive.</summary>
    internal Task<T> InvokeAsync<T>(OpenApiRequest request, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = OpenApiRequestWriter.Write(request, _options.TimeZone);
        return SendForReturnDataAsync(CallInfo.Of(request), _transport.InvokeEndpoint, () => Json(body), read, cancellationToken);
    }

    /// <summary>Uploads one file to an attachment or image field and returns the AttachmentId H3Yun gave it.</summary>
    internal async Task<string> UploadAttachmentCoreAsync(
        string schemaCode, string fieldCode, string objectId, Stream content, string fileName, string? contentType, string? childSchemaCode, CancellationToken cancellationToken)
    {
        var upload = await AttachmentUpload.ReadAsync(schemaCode, fieldCode, objectId, content, fileName, contentType, childSchemaCode, cancellationToken).ConfigureAwait(false);
        var call = new CallInfo(OpenApiActions.UploadAttachment, schemaCode, IsRead: false);
        return await SendForReturnDataAsync(call, upload.Address(_transport.UploadEndpoint), upload.CreateContent, ReturnDataReader.ReadAttachmentId, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Starts the download of an attachment; the caller streams and disposes it.</summary>
    internal Task<H3AttachmentContent> DownloadAsync(string attachmentId, CancellationToken cancellationToken)
    {
        var call = new CallInfo(OpenApiActions.DownloadBizObjectFile, SchemaCode: null, IsRead: true);
        return RunAsync(
            call,
            _transport.DownloadEndpoint,
            async (progress, token) =>
            {
                var response = await _transport.SendStreamingAsync(call, _transport.DownloadEndpoint, () => AttachmentDownloads.Body(attachmentId, _options.EngineCode), progress, token)
                    .ConfigureAwait(false);
                try
                {
                    if (AttachmentDownloads.IsEnvelope(response))
                    {
                        // H3Yun answers a failure (an unknown id) with the JSON envelope instead of the file.
                        using var body = await _transport.ReadEnvelopeAsync(call, response.Content, token).ConfigureAwait(false);
                        OpenApiResponseReader.Read(body.Memory, call, _redactor, static _ => true);
                        throw new H3YunProtocolException(call.ActionName, null, "H3Yun answered a JSON envelope instead of the file.");
                    }

                    return await AttachmentDownloads.ContentAsync(response, token).ConfigureAwait(false);
                }
                catch
                {
                    response.Dispose();
                    throw;
                }
            },
            cancellationToken);
    }

    private Task<T> InvokeCustomAsync<T>(CustomApiRequest request, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var body = OpenApiRequestWriter.Write(request);
        var call = new CallInfo(request.ActionName, SchemaCode: null, request.IsReadOnly, MayPartlyApply: true);
        return SendForReturnDataAsync(call, _transport.InvokeEndpoint, () => Json(body), read, cancellationToken);
    }

    private Task<T> SendForReturnDataAsync<T>(CallInfo call, Uri endpoint, Func<HttpContent> content, Func<JsonElement, T> read, CancellationToken cancellationToken) =>
        RunAsync(
            call,
            endpoint,
            async (progress, token) =>
            {
                var answer = await _transport.SendAsync(call, endpoint, content, progress, token).ConfigureAwait(false);
                // The document is parsed where the body lies: it is disposed first, the body's buffer after.
                using var body = answer.Body;
                return OpenApiResponseReader.Read(body.Memory, call, _redactor, returnData => ReadReturnData(call, returnData, read));
            },
            cancellationToken);

    /// <summary>
    /// Runs a call: each attempt under the rate limit and the retry rules, traced, measured and logged; a
    /// cancellation becomes <see cref="H3YunCanceledException"/> saying whether a write was on its way.
    /// </summary>
    private async Task<T> RunAsync<T>(CallInfo call, Uri endpoint, Func<CallProgress, CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        CancellationTokenSource linked;
        try
        {
            linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        }
        catch (ObjectDisposedException)
        {
            throw Disposed(call, attemptInFlight: false);
        }

        using (linked)
        {
            var callToken = linked.Token;
            var progress = new CallProgress();
            var activity = H3YunTelemetry.StartCall(call, endpoint);
            Exception? failure = null;
            try
            {
                return await _policy.ExecuteAsync(
                    call,
                    async token =>
                    {
                        var started = Stopwatch.GetTimestamp();
                        try
                        {
                            var result = await attempt(progress, token).ConfigureAwait(false);
                            Log.Answered(_logger, call.ActionName, call.SchemaCode, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                            H3YunTelemetry.Attempted(call, Stopwatch.GetElapsedTime(started), 200, failure: null);
                            return result;
                        }
                        catch (H3YunException error)
                        {
                            if (error.Outcome == WriteOutcome.NotApplied)
                            {
                                progress.AttemptInFlight = false;
                            }

                            H3YunTelemetry.Attempted(call, Stopwatch.GetElapsedTime(started), (int?)(error as H3YunTransportException)?.StatusCode ?? 200, error);
                            throw;
                        }
                    },
                    callToken).ConfigureAwait(false);
            }
            catch (H3YunException error)
            {
                failure = error;
                Log.Failed(_logger, call.ActionName, call.SchemaCode, error.Message);
                throw;
            }
            catch (OperationCanceledException cancelled) when (cancellationToken.IsCancellationRequested && cancelled is not H3YunCanceledException)
            {
                var canceled = new H3YunCanceledException(
                    call.ActionName, call.SchemaCode, FailureRules.ForCancellation(call.IsRead, progress.AttemptInFlight), cancellationToken, cancelled);
                failure = canceled;
                throw canceled;
            }
            catch (Exception error) when (callToken.IsCancellationRequested && !cancellationToken.IsCancellationRequested && error is OperationCanceledException or ObjectDisposedException)
            {
                var disposed = Disposed(call, progress.AttemptInFlight);
                failure = disposed;
                throw disposed;
            }
            finally
            {
                H3YunTelemetry.EndCall(activity, call, failure);
            }
        }
    }

    private static ObjectDisposedException Disposed(CallInfo call, bool attemptInFlight) => new(
        nameof(H3YunClient),
        $"The H3YunClient was disposed while {OutcomeText.Describe(call.ActionName, call.SchemaCode)} was waiting for its turn or on its way."
        + OutcomeText.Sentence(call.ActionName, FailureRules.ForCancellation(call.IsRead, attemptInFlight)));

    private T ReadReturnData<T>(CallInfo call, JsonElement returnData, Func<JsonElement, T> read)
    {
        try
        {
            return ReadContext.With(_options.TimeZone, read, returnData);
        }
        catch (AnswerFormatException error)
        {
            throw new H3YunProtocolException(
                call.ActionName, call.SchemaCode, _redactor.Redact(error.Message)!, RedactedFailure.Of(error, _redactor), FailureRules.ForUnreadableReturnData(call));
        }
        catch (InvalidOperationException error)
        {
            // JsonElement throws this for values it cannot convert; an answer must never escape as anything but an H3Yun exception.
            throw new H3YunProtocolException(
                call.ActionName, call.SchemaCode, _redactor.Redact(error.Message)!, RedactedFailure.Of(error, _redactor), FailureRules.ForUnreadableReturnData(call));
        }
    }

    private static JsonElement CopyReturnData(JsonElement returnData) =>
        returnData.ValueKind == JsonValueKind.Undefined ? NullReturnData : Utf8Text.Kept(returnData);

    private static ByteArrayContent Json(byte[] body) => new(body) { Headers = { ContentType = JsonContentType } };

    private static HttpClient CreateHttpClient() =>
        new(OpenApiTransport.CreateHandler())
        {
            // The client bounds every attempt itself (H3YunClientOptions.Timeout).
            Timeout = Timeout.InfiniteTimeSpan,
        };
}
