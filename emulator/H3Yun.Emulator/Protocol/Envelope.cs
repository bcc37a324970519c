using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace H3Yun.Emulator.Protocol;

/// <summary>The envelope every <c>/OpenApi/Invoke</c> answer is wrapped in, members in H3Yun's order.</summary>
internal static class Envelope
{
    // Like H3Yun, write Chinese text and quotes as-is rather than as \u escapes. The answer is JSON for API
    // clients, never embedded in HTML, so the HTML-safety escaping of the default encoder buys nothing.
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Success(JsonNode? returnData) => Write(true, null, returnData);

    public static string Failure(string errorMessage) => Write(false, errorMessage, null);

    private static string Write(bool successful, string? errorMessage, JsonNode? returnData) => new JsonObject
    {
        ["Successful"] = successful,
        ["ErrorMessage"] = errorMessage,
        ["Logined"] = false,
        ["ReturnData"] = returnData,
        ["DataType"] = 0,
    }.ToJsonString(Options);
}
