using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace H3Yun;

/// <summary>
/// Escapes what JSON itself requires and nothing more: the quotation mark, the reverse solidus and control characters;
/// text that is not well-formed UTF-16 or UTF-8 goes to the writer's escaping path, which replaces it with U+FFFD as
/// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> does. The inbox encoders look up every non-ASCII
/// character in a table one at a time, which was a third of writing a record of Chinese text (benchmarks/README.md);
/// this one finds the next character to escape with vectorized searches. The bodies are application/json, never HTML.
/// </summary>
internal sealed class JsonOnlyEscaping : JavaScriptEncoder
{
    /// <summary>The one instance.</summary>
    public static readonly JsonOnlyEscaping Instance = new();

    private const string MustEscape =
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\"\\";

    private static readonly SearchValues<char> MustEscapeChars = SearchValues.Create(MustEscape);
    private static readonly SearchValues<byte> MustEscapeBytes = SearchValues.Create(Encoding.ASCII.GetBytes(MustEscape));

    private JsonOnlyEscaping()
    {
    }

    /// <summary>The longest escape, <c>\u001F</c>.</summary>
    public override int MaxOutputCharactersPerInputCharacter => 6;

    /// <inheritdoc/>
    public override bool WillEncode(int unicodeScalar) => unicodeScalar is < 0x20 or '"' or '\\';

    /// <inheritdoc/>
    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength) =>
        IndexOfFirstToEscape(new ReadOnlySpan<char>(text, textLength));

    /// <inheritdoc/>
    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        var escape = utf8Text.IndexOfAny(MustEscapeBytes);
        var before = escape < 0 ? utf8Text : utf8Text[..escape];
        return Utf8.IsValid(before) ? escape : IndexOfFirstInvalid(before);
    }

    /// <inheritdoc/>
    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var destination = new Span<char>(buffer, bufferLength);
        if (!WillEncode(unicodeScalar))
        {
            numberOfCharactersWritten = 0;
            return Rune.TryCreate(unicodeScalar, out var rune) && rune.TryEncodeToUtf16(destination, out numberOfCharactersWritten);
        }

        var escape = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\b' => "\\b",
            '\f' => "\\f",
            _ => null,
        };
        if (escape is null)
        {
            const string Hex = "0123456789ABCDEF";
            escape = string.Create(6, unicodeScalar, static (chars, scalar) =>
            {
                "\\u00".CopyTo(chars);
                chars[4] = Hex[scalar >> 4];
                chars[5] = Hex[scalar & 0xF];
            });
        }

        return TryCopy(escape, destination, out numberOfCharactersWritten);
    }

    private static bool TryCopy(string text, Span<char> destination, out int written)
    {
        written = text.TryCopyTo(destination) ? text.Length : 0;
        return written > 0;
    }

    // A surrogate pair is text like any other; a lone surrogate is escaped, that is, replaced, by the writer.
    private static int IndexOfFirstToEscape(ReadOnlySpan<char> text)
    {
        var escape = text.IndexOfAny(MustEscapeChars);
        var before = escape < 0 ? text : text[..escape];
        var offset = 0;
        while (true)
        {
            var surrogate = before.IndexOfAnyInRange('\uD800', '\uDFFF');
            if (surrogate < 0)
            {
                return escape;
            }

            if (!char.IsHighSurrogate(before[surrogate]) || surrogate + 1 == before.Length || !char.IsLowSurrogate(before[surrogate + 1]))
            {
                return offset + surrogate;
            }

            offset += surrogate + 2;
            before = before[(surrogate + 2)..];
        }
    }

    private static int IndexOfFirstInvalid(ReadOnlySpan<byte> utf8)
    {
        var at = 0;
        while (Rune.DecodeFromUtf8(utf8[at..], out _, out var consumed) == OperationStatus.Done)
        {
            at += consumed;
        }

        return at;
    }
}
