using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace H3Yun;

/// <summary>How the client writes and looks up JSON: compact, Chinese as UTF-8 rather than <c>\u</c> escapes, names in any case.</summary>
internal static class JsonWriting
{
    // Relaxed escaping only matters inside HTML; these bodies are application/json, and raw UTF-8 halves Chinese payloads.
    public static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Writes one JSON value with <paramref name="write"/> and returns its UTF-8 bytes.</summary>
    public static ReadOnlyMemory<byte> ToUtf8<T>(T state, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json, state);
        }

        return buffer.WrittenMemory;
    }

    /// <summary>Finds a member of an object by name, ignoring case, as H3Yun's own JSON handling does.</summary>
    /// <returns>The member's value, or an undefined element when the value is not an object or has no such member.</returns>
    public static JsonElement Member(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return default;
        }

        foreach (var member in obj.EnumerateObject())
        {
            if (member.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return member.Value;
            }
        }

        return default;
    }
}
