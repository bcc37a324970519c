using System.Text.Json;

namespace H3Yun;

/// <summary>How the client writes and looks up JSON: compact, Chinese as UTF-8 rather than <c>\u</c> escapes, names in any case.</summary>
internal static class JsonWriting
{
    // These bodies are application/json, never HTML: only what JSON requires is escaped, and raw UTF-8 halves Chinese payloads.
    public static readonly JsonWriterOptions Options = new()
    {
        Encoder = JsonOnlyEscaping.Instance,
        Indented = false,
    };

    /// <summary>Writes one JSON value with <paramref name="write"/> and returns its UTF-8 bytes, an array of exactly their length.</summary>
    public static byte[] ToUtf8<T>(T state, Action<Utf8JsonWriter, T> write)
    {
        using var buffer = ToPooledUtf8(state, write);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes one JSON value with <paramref name="write"/> into a pooled buffer, for the caller to read and dispose.</summary>
    public static PooledBufferWriter ToPooledUtf8<T>(T state, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new PooledBufferWriter();
        try
        {
            using (var json = new Utf8JsonWriter(buffer, Options))
            {
                write(json, state);
            }

            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
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
