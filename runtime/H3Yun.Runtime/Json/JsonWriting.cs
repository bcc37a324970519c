using System.Buffers;
using System.Diagnostics;
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

    /// <summary>
    /// Writes a JSON text as a JSON string value, byte for byte what <see cref="Utf8JsonWriter.WriteStringValue(ReadOnlySpan{byte})"/>
    /// writes: a BizObject or a Filter, which the client wrote itself or parsed, and so well-formed UTF-8. Escaping it
    /// without the encoder's check of every run between two quotation marks took a third off writing a body.
    /// </summary>
    public static void WriteJsonTextAsString(Utf8JsonWriter json, ReadOnlySpan<byte> utf8Json)
    {
        Debug.Assert(System.Text.Unicode.Utf8.IsValid(utf8Json), "A JSON text the client wrote or parsed is well-formed UTF-8.");

        // Room for every byte escaped to two (the quotation marks, reverse solidi and white space of a JSON text);
        // anything longer, which no JSON text holds, goes the general way.
        var room = (utf8Json.Length * 2) + 2;
        var rented = ArrayPool<byte>.Shared.Rent(room);
        try
        {
            var text = rented.AsSpan(0, room);
            if (JsonOnlyEscaping.TryEscapeWellFormedUtf8(utf8Json, text[1..^1], out var written))
            {
                text[0] = (byte)'"';
                text[written + 1] = (byte)'"';
                json.WriteRawValue(text[..(written + 2)], skipInputValidation: true);
            }
            else
            {
                json.WriteStringValue(utf8Json);
            }
        }
        finally
        {
            // The tenant's data, as every buffer the client rents.
            rented.AsSpan(0, room).Clear();
            ArrayPool<byte>.Shared.Return(rented);
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
