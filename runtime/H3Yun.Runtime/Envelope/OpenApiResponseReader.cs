using System.Text.Json;

namespace H3Yun;

/// <summary>
/// Reads the envelope every OpenApi answer has, <c>{Successful, ErrorMessage, Logined, ReturnData, DataType}</c>,
/// liberally (reference §0.2 and §10): member names in any case, <c>Successful</c> as a boolean or a string, a
/// missing <c>Successful</c> judged by <c>ErrorMessage</c>, and <c>ReturnData</c> as an object or a JSON string.
/// </summary>
internal static class OpenApiResponseReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>Parses the answer and returns its <c>ReturnData</c>, or throws the failure it reports.</summary>
    /// <returns>The documents to dispose after reading, and ReturnData (undefined when absent or null).</returns>
    public static ParsedResponse Read(ReadOnlyMemory<byte> body, OpenApiRequest request, SecretRedactor redactor)
    {
        body = WithoutByteOrderMark(body);
        if (Utf8Text.FirstInvalidByte(body.Span) is { } invalidAt)
        {
            throw Protocol(request, $"the body is not valid UTF-8 (at byte {invalidAt}). It starts with: {redactor.Excerpt(body.Span)}");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException error)
        {
            throw new H3YunProtocolException(
                request.ActionName,
                request.SchemaCode,
                $"the body is not JSON ({error.Message}). It starts with: {redactor.Excerpt(body.Span)}",
                error,
                FailureRules.ForUnreadableEnvelope(request.IsIdempotent));
        }

        try
        {
            return ReadEnvelope(document, request, redactor);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    // Some servers (and proxies) start JSON with a UTF-8 byte-order mark, which JsonDocument refuses.
    private static ReadOnlyMemory<byte> WithoutByteOrderMark(ReadOnlyMemory<byte> body) =>
        body.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? body[3..] : body;

    private static ParsedResponse ReadEnvelope(JsonDocument document, OpenApiRequest request, SecretRedactor redactor)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Protocol(request, $"the body is a JSON {root.ValueKind} rather than the OpenApi envelope object.");
        }

        bool? successful = null;
        string? errorMessage = null;
        JsonElement returnData = default;
        foreach (var member in root.EnumerateObject())
        {
            if (member.Name.Equals("Successful", StringComparison.OrdinalIgnoreCase))
            {
                successful = WireFormat.TryReadBoolean(member.Value, out var flag)
                    ? flag
                    : throw Protocol(request, $"'Successful' should be true or false but is {redactor.Excerpt(member.Value)}.");
            }
            else if (member.Name.Equals("ErrorMessage", StringComparison.OrdinalIgnoreCase))
            {
                errorMessage = member.Value.ValueKind switch
                {
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    JsonValueKind.String => member.Value.GetString(),
                    _ => member.Value.GetRawText(),
                };
            }
            else if (member.Name.Equals("ReturnData", StringComparison.OrdinalIgnoreCase))
            {
                returnData = member.Value;
            }
        }

        if (successful is null && errorMessage is null && returnData.ValueKind == JsonValueKind.Undefined)
        {
            throw Protocol(request, $"it has none of the envelope members Successful, ErrorMessage or ReturnData: {redactor.Excerpt(root)}");
        }

        // S19's rule when Successful is absent: a call succeeded when it reported no error.
        if (!(successful ?? string.IsNullOrEmpty(errorMessage)))
        {
            throw Rejection(request, redactor.Redact(errorMessage));
        }

        if (returnData.ValueKind == JsonValueKind.String && returnData.GetString() is { Length: > 0 } embedded)
        {
            return ParseEmbedded(document, embedded, request);
        }

        return new ParsedResponse(document, null, returnData.ValueKind == JsonValueKind.Null ? default : returnData);
    }

    private static ParsedResponse ParseEmbedded(JsonDocument outer, string embedded, OpenApiRequest request)
    {
        try
        {
            var inner = JsonDocument.Parse(embedded, DocumentOptions);
            return new ParsedResponse(outer, inner, inner.RootElement);
        }
        catch (JsonException error)
        {
            throw new H3YunProtocolException(
                request.ActionName, request.SchemaCode, $"'ReturnData' is a string that is not JSON ({error.Message}).", error, FailureRules.ForUnreadableReturnData(request.IsIdempotent));
        }
    }

    private static H3YunApiException Rejection(OpenApiRequest request, string? errorMessage)
    {
        var (outcome, transient) = FailureRules.ForRejection(request.ActionName, RateRefusals.IsRateRefusal(errorMessage));
        return new H3YunApiException(request.ActionName, request.SchemaCode, errorMessage, outcome) { IsTransient = transient };
    }

    private static H3YunProtocolException Protocol(OpenApiRequest request, string problem) =>
        new(request.ActionName, request.SchemaCode, problem, outcome: FailureRules.ForUnreadableEnvelope(request.IsIdempotent));
}

/// <summary>A parsed answer; <see cref="ReturnData"/> is valid until disposal.</summary>
internal sealed class ParsedResponse(JsonDocument envelope, JsonDocument? embedded, JsonElement returnData) : IDisposable
{
    /// <summary>The ReturnData, or an undefined element when the answer had none.</summary>
    public JsonElement ReturnData { get; } = returnData;

    public void Dispose()
    {
        embedded?.Dispose();
        envelope.Dispose();
    }
}
