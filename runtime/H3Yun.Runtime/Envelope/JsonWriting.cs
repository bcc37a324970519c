using System.Text.Encodings.Web;
using System.Text.Json;

namespace H3Yun;

/// <summary>How the client writes JSON: compact, and Chinese text as UTF-8 rather than <c>\u</c> escapes.</summary>
internal static class JsonWriting
{
    // Relaxed escaping only matters inside HTML; these bodies are application/json, and raw UTF-8 halves Chinese payloads.
    public static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };
}
