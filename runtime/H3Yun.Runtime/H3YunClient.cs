using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace H3Yun;

/// <summary>
/// The client of H3Yun's OpenApi (<c>POST {BaseAddress}/OpenApi/Invoke</c>). One instance per engine is meant to be
/// shared by the whole application: it is thread-safe, and its rate limit covers every caller.
/// </summary>
public sealed class H3YunClient : IDisposable
{
    private static readonly JsonElement NullReturnData = JsonDocument.Parse("null").RootElement;

    private readonly HttpClient? _ownedHttpClient;
    private readonly H3YunClientOptions _options;
    private readonly OpenApiTransport _transport;
    private readonly RequestPolicy _policy;
    private readonly SecretRedactor _redactor;
    private readonly ILogger _logger;

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
        InvokeAsync(request, static returnData => returnData.ValueKind == JsonValueKind.Undefined ? NullReturnData : returnData.Clone(), cancellationToken);

    /// <summary>Sends one call and reads its ReturnData with <paramref name="read"/> while the answer is alive.</summary>
    internal async Task<T> InvokeAsync<T>(OpenApiRequest request, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = OpenApiRequestWriter.Write(request, _options.TimeZone);
        var progress = new CallProgress();
        try
        {
            return await _policy.ExecuteAsync(
                request,
                async token =>
                {
                    var started = Stopwatch.GetTimestamp();
                    ReadOnlyMemory<byte> answer;
                    try
                    {
                        answer = await _transport.SendAsync(request, body, progress, token).ConfigureAwait(false);
                    }
                    catch (H3YunException failure) when (failure.Outcome == WriteOutcome.NotApplied)
                    {
                        progress.AttemptInFlight = false;
                        throw;
                    }

                    Log.Answered(_logger, request.ActionName, request.SchemaCode, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    using var parsed = OpenApiResponseReader.Read(answer, request, _redactor);
                    return ReadReturnData(request, parsed.ReturnData, read);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (H3YunException failure)
        {
            Log.Failed(_logger, request.ActionName, request.SchemaCode, failure.Message);
            throw;
        }
        catch (OperationCanceledException cancelled) when (cancellationToken.IsCancellationRequested && cancelled is not H3YunCanceledException)
        {
            throw new H3YunCanceledException(
                request.ActionName,
                request.SchemaCode,
                FailureRules.ForCancellation(request.IsIdempotent, progress.AttemptInFlight),
                cancellationToken,
                cancelled);
        }
    }

    /// <summary>Releases the rate limiter and, when the client made it, the HTTP client.</summary>
    public void Dispose()
    {
        _policy.Dispose();
        _ownedHttpClient?.Dispose();
    }

    private T ReadReturnData<T>(OpenApiRequest request, JsonElement returnData, Func<JsonElement, T> read)
    {
        try
        {
            return ReadContext.With(_options.TimeZone, read, returnData);
        }
        catch (AnswerFormatException error)
        {
            throw new H3YunProtocolException(
                request.ActionName, request.SchemaCode, _redactor.Redact(error.Message)!, RedactedFailure.Of(error, _redactor), FailureRules.ForUnreadableReturnData(request.IsIdempotent));
        }
        catch (InvalidOperationException error)
        {
            // JsonElement throws this for values it cannot convert; an answer must never escape as anything but an H3Yun exception.
            throw new H3YunProtocolException(
                request.ActionName, request.SchemaCode, _redactor.Redact(error.Message)!, RedactedFailure.Of(error, _redactor), FailureRules.ForUnreadableReturnData(request.IsIdempotent));
        }
    }

    private static HttpClient CreateHttpClient() =>
        new(OpenApiTransport.CreateHandler())
        {
            // The client bounds every attempt itself (H3YunClientOptions.Timeout).
            Timeout = Timeout.InfiniteTimeSpan,
        };
}
