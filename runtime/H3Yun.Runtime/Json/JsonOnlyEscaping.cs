using System.Buffers;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace H3Yun;

/// <summary>
/// Escapes what JSON itself requires and nothing more: the quotation mark, the reverse solidus and control characters;
/// text that is not well-formed UTF-16 or UTF-8 is replaced with U+FFFD, as with
/// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>. The inbox encoders look up every non-ASCII character in
/// a table one at a time, which was a third of writing a record of Chinese text, and the base class escapes a JSON
/// text inside a JSON string (BizObject) character by character (CHANGELOG.md); this one finds the next
/// character to escape with vectorized searches and copies the runs between. The bodies are application/json, never HTML.
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

    // \u0000 to \u001F, six bytes each.
    private static readonly byte[] ControlEscapes = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 0x20).Select(c => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"\\u{c:X4}"))));

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

    /// <summary>
    /// Escapes UTF-8, the path of a JSON text inside a JSON string (BizObject, Filter): runs without anything to
    /// escape are copied whole, where the base class would decode and check each character in turn.
    /// </summary>
    public override OperationStatus EncodeUtf8(ReadOnlySpan<byte> utf8Source, Span<byte> utf8Destination, out int bytesConsumed, out int bytesWritten, bool isFinalBlock = true)
    {
        bytesConsumed = 0;
        bytesWritten = 0;
        while (bytesConsumed < utf8Source.Length)
        {
            var rest = utf8Source[bytesConsumed..];
            var run = FindFirstCharacterToEncodeUtf8(rest);
            var plain = run < 0 ? rest : rest[..run];
            if (!plain.TryCopyTo(utf8Destination[bytesWritten..]))
            {
                return OperationStatus.DestinationTooSmall;
            }

            bytesConsumed += plain.Length;
            bytesWritten += plain.Length;
            if (run < 0)
            {
                break;
            }

            // What follows the run is a character to escape, or bytes that are not UTF-8.
            rest = rest[run..];
            int consumed;
            ReadOnlySpan<byte> escape;
            if (rest[0] < 0x80)
            {
                consumed = 1;
                escape = EscapeOf(rest[0]);
            }
            else
            {
                // Not well-formed: the writer's rule is one U+FFFD for each maximal ill-formed sequence.
                if (Rune.DecodeFromUtf8(rest, out _, out consumed) == OperationStatus.NeedMoreData && !isFinalBlock)
                {
                    return OperationStatus.NeedMoreData;
                }

                escape = "\uFFFD"u8;
            }

            if (!escape.TryCopyTo(utf8Destination[bytesWritten..]))
            {
                return OperationStatus.DestinationTooSmall;
            }

            bytesConsumed += consumed;
            bytesWritten += escape.Length;
        }

        return OperationStatus.Done;
    }

    /// <summary>Escapes UTF-16 as <see cref="EncodeUtf8"/> escapes UTF-8: runs whole, a lone surrogate as U+FFFD.</summary>
    public override OperationStatus Encode(ReadOnlySpan<char> source, Span<char> destination, out int charsConsumed, out int charsWritten, bool isFinalBlock = true)
    {
        charsConsumed = 0;
        charsWritten = 0;
        Span<char> escape = stackalloc char[6];
        while (charsConsumed < source.Length)
        {
            var rest = source[charsConsumed..];
            var run = IndexOfFirstToEscape(rest);
            var plain = run < 0 ? rest : rest[..run];
            if (!plain.TryCopyTo(destination[charsWritten..]))
            {
                return OperationStatus.DestinationTooSmall;
            }

            charsConsumed += plain.Length;
            charsWritten += plain.Length;
            if (run < 0)
            {
                break;
            }

            // What follows the run is a character to escape, or a lone surrogate.
            rest = rest[run..];

            if (char.IsHighSurrogate(rest[0]) && rest.Length == 1 && !isFinalBlock)
            {
                return OperationStatus.NeedMoreData;
            }

            var length = 0;
            var encoded = rest[0] < 0x80
                ? TryEncodeAscii(rest[0], escape, out length)
                : TryCopy("\uFFFD", escape, out length);
            if (!encoded || !escape[..length].TryCopyTo(destination[charsWritten..]))
            {
                return OperationStatus.DestinationTooSmall;
            }

            charsConsumed++;
            charsWritten += length;
        }

        return OperationStatus.Done;
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

        return TryEncodeAscii((char)unicodeScalar, destination, out numberOfCharactersWritten);
    }

    private static bool TryEncodeAscii(char ascii, Span<char> destination, out int written)
    {
        var escape = EscapeOf((byte)ascii);
        written = 0;
        if (destination.Length < escape.Length)
        {
            return false;
        }

        for (var i = 0; i < escape.Length; i++)
        {
            destination[i] = (char)escape[i];
        }

        written = escape.Length;
        return true;
    }

    private static ReadOnlySpan<byte> EscapeOf(byte ascii) => ascii switch
    {
        (byte)'"' => "\\\""u8,
        (byte)'\\' => "\\\\"u8,
        (byte)'\n' => "\\n"u8,
        (byte)'\r' => "\\r"u8,
        (byte)'\t' => "\\t"u8,
        (byte)'\b' => "\\b"u8,
        (byte)'\f' => "\\f"u8,
        _ => ControlEscapes.AsSpan(ascii * 6, 6),
    };

    private static bool TryCopy(string text, Span<char> destination, out int written)
    {
        written = text.TryCopyTo(destination) ? text.Length : 0;
        return written > 0;
    }

    /// <summary>
    /// Escapes UTF-8 that is known to be well-formed, as <see cref="EncodeUtf8"/> does, without checking each run:
    /// false when <paramref name="destination"/> is too small.
    /// </summary>
    internal static bool TryEscapeWellFormedUtf8(ReadOnlySpan<byte> utf8, Span<byte> destination, out int written)
    {
        written = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            // A JSON text's runs between two quotation marks are short: each block of 16 bytes is copied whole, then
            // its first byte to escape (if any) is found in a mask, instead of a search and a copy for every run.
            while (utf8.Length >= Vector128<byte>.Count && destination.Length - written >= Vector128<byte>.Count)
            {
                var block = Vector128.Create(utf8[..Vector128<byte>.Count]);
                block.CopyTo(destination[written..]);
                var toEscape = (Vector128.Equals(block, Vector128.Create((byte)'"'))
                    | Vector128.Equals(block, Vector128.Create((byte)'\\'))
                    | Vector128.LessThan(block, Vector128.Create((byte)' '))).ExtractMostSignificantBits();
                if (toEscape == 0)
                {
                    written += Vector128<byte>.Count;
                    utf8 = utf8[Vector128<byte>.Count..];
                    continue;
                }

                var plain = BitOperations.TrailingZeroCount(toEscape);
                written += plain;
                var escape = EscapeOf(utf8[plain]);
                if (!escape.TryCopyTo(destination[written..]))
                {
                    return false;
                }

                written += escape.Length;
                utf8 = utf8[(plain + 1)..];
            }
        }

        // What is left, fewer bytes than a block or too little room for one, a run at a time.
        while (true)
        {
            var next = utf8.IndexOfAny(MustEscapeBytes);
            var run = next < 0 ? utf8 : utf8[..next];
            if (!run.TryCopyTo(destination[written..]))
            {
                return false;
            }

            written += run.Length;
            if (next < 0)
            {
                return true;
            }

            var escape = EscapeOf(utf8[next]);
            if (!escape.TryCopyTo(destination[written..]))
            {
                return false;
            }

            written += escape.Length;
            utf8 = utf8[(next + 1)..];
        }
    }

    // A surrogate pair is text like any other; a lone surrogate is escaped, that is, replaced, by the writer.
    internal static int IndexOfFirstToEscape(ReadOnlySpan<char> text)
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
