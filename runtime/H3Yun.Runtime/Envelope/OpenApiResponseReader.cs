using System.Text.Json;

namespace H3Yun;

/// <summary>
/// Reads the envelope every OpenApi answer has, <c>{Successful, ErrorMessage, Logined, ReturnData, DataType}</c>,
/// liberally (docs/protocol.md#envelope): member names in any case, <c>Successful</c> as a boolean or a string, a
/// missing <c>Successful</c> judged by <c>ErrorMessage</c>, and <c>ReturnData</c> as an object or a JSON string.
/// </summary>
internal static class OpenApiResponseReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>Parses the answer and hands its <c>ReturnData</c> to <paramref name="readReturnData"/>, or throws the failure it reports.</summary>
    /// <param name="body">The answer's bytes.</param>
    /// <param name="call">The call answered.</param>
    /// <param name="redactor">Keeps the secret out of messages.</param>
    /// <param name="readReturnData">Reads ReturnData (undefined when absent or null) while the document lives.</param>
    /// <returns>What <paramref name="readReturnData"/> returned.</returns>
    public static T Read<T>(ReadOnlyMemory<byte> body, CallInfo call, SecretRedactor redactor, Func<JsonElement, T> readReturnData)
    {
        body = WithoutByteOrderMark(body);
        try
        {
            using var parsed = Parse(body, call, redactor);
            return readReturnData(parsed.ReturnData);
        }
        catch (Exception error) when (Utf8Text.FirstInvalidByte(body.Span) is { } invalidAt)
        {
            // Invalid bytes fail a read where they are met, as whatever that read throws; the answer's real fault is this.
            throw new H3YunProtocolException(
                call.ActionName,
                call.SchemaCode,
                $"the body is not valid UTF-8 (at byte {invalidAt}). It starts with: {redactor.Excerpt(body.Span)}",
                RedactedFailure.Of(error, redactor),
                FailureRules.ForUnreadableEnvelope(call));
        }
    }

    private static ParsedResponse Parse(ReadOnlyMemory<byte> body, CallInfo call, SecretRedactor redactor)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException error)
        {
            throw new H3YunProtocolException(
                call.ActionName,
                call.SchemaCode,
                $"the body is not JSON ({error.Message}). It starts with: {redactor.Excerpt(body.Span)}",
                error,
                FailureRules.ForUnreadableEnvelope(call));
        }

        try
        {
            return ReadEnvelope(document, call, redactor);
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

    private static ParsedResponse ReadEnvelope(JsonDocument document, CallInfo call, SecretRedactor redactor)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Protocol(call, $"the body is a JSON {root.ValueKind} rather than the OpenApi envelope object.");
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
                    : throw Protocol(call, $"'Successful' should be true or false but is {redactor.Excerpt(member.Value)}.");
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
            throw Protocol(call, $"it has none of the envelope members Successful, ErrorMessage or ReturnData: {redactor.Excerpt(root)}");
        }

        // The official C# client's rule when Successful is absent (docs/protocol.md#envelope): a call succeeded when it reported no error.
        if (!(successful ?? string.IsNullOrEmpty(errorMessage)))
        {
            throw Rejection(call, redactor.Redact(errorMessage));
        }

        if (returnData.ValueKind == JsonValueKind.String && returnData.GetString() is { Length: > 0 } embedded)
        {
            return ParseEmbedded(document, embedded, call);
        }

        return new ParsedResponse(document, null, returnData.ValueKind == JsonValueKind.Null ? default : returnData);
    }

    private static ParsedResponse ParseEmbedded(JsonDocument outer, string embedded, CallInfo call)
    {
        try
        {
            var inner = JsonDocument.Parse(embedded, DocumentOptions);
            return new ParsedResponse(outer, inner, inner.RootElement);
        }
        catch (JsonException error)
        {
            throw new H3YunProtocolException(
                call.ActionName, call.SchemaCode, $"'ReturnData' is a string that is not JSON ({error.Message}).", error, FailureRules.ForUnreadableReturnData(call));
        }
    }

    private static H3YunApiException Rejection(CallInfo call, string? errorMessage)
    {
        var (outcome, transient) = FailureRules.ForRejection(call, RateRefusals.IsRateRefusal(errorMessage));
        return new H3YunApiException(call.ActionName, call.SchemaCode, errorMessage, outcome) { IsTransient = transient };
    }

    private static H3YunProtocolException Protocol(CallInfo call, string problem) =>
        new(call.ActionName, call.SchemaCode, problem, outcome: FailureRules.ForUnreadableEnvelope(call));
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
