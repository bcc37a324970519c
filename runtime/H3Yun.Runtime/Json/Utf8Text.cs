using System.Text;
using System.Text.Json;

namespace H3Yun;

/// <summary>
/// Where an answer's UTF-8 is checked. System.Text.Json checks the bytes of a string only when it makes
/// a .NET string of it, so every value that is read is checked by being read; what is kept as JSON is checked here
/// (<see cref="Kept"/>), and a failed read of an answer that is not UTF-8 is reported as that
/// (<see cref="FirstInvalidByte"/>). Checking the whole answer first would cost a tenth of a 500-row read.
/// </summary>
internal static class Utf8Text
{
    // The longest value, in bytes, transcoded in one pass into the stack.
    private const int MaxOnePassLength = 256;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The offset of the first byte that is not valid UTF-8, or <see langword="null"/> when all are.</summary>
    public static int? FirstInvalidByte(ReadOnlySpan<byte> utf8)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return null;
        }

        try
        {
            Strict.GetCharCount(utf8);
            return null;
        }
        catch (DecoderFallbackException error)
        {
            return error.Index;
        }
    }

    /// <summary>A copy of <paramref name="value"/> that outlives the answer, once its bytes are known to be UTF-8.</summary>
    /// <exception cref="AnswerFormatException">The value holds bytes that are not UTF-8.</exception>
    public static JsonElement Kept(JsonElement value)
    {
        RequireValid(value);
        return value.Clone();
    }

    /// <summary>
    /// The text of a JSON string value, as <see cref="JsonElement.GetString"/> makes it, which refuses bytes that are
    /// not UTF-8. A short value without escapes is transcoded in one pass that also checks it, where GetString counts
    /// its characters (checking it) and then transcodes it: the strings of a read are most of its values.
    /// </summary>
    /// <exception cref="InvalidOperationException">The value is not a string, or not UTF-8.</exception>
    [System.Runtime.CompilerServices.SkipLocalsInit] // the characters are written before they are read
    public static string GetString(JsonElement value)
    {
#if NET9_0_OR_GREATER
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value);
        if (raw.Length is >= 2 and <= MaxOnePassLength + 2 && raw[0] == '"' && raw[^1] == '"')
        {
            var utf8 = raw[1..^1];
            if (!utf8.Contains((byte)'\\'))
            {
                Span<char> chars = stackalloc char[utf8.Length];
                if (System.Text.Unicode.Utf8.ToUtf16(utf8, chars, out _, out var written, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done)
                {
                    return new string(chars[..written]);
                }
            }
        }
#endif
        return value.GetString()!;
    }

    /// <summary>Refuses a value whose bytes are not UTF-8, before it is handed to code that may keep it as JSON.</summary>
    /// <exception cref="AnswerFormatException">The value holds bytes that are not UTF-8.</exception>
    public static void RequireValid(JsonElement value)
    {
#if NET9_0_OR_GREATER
        if (!System.Text.Unicode.Utf8.IsValid(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value)))
        {
            throw new AnswerFormatException("A value kept as JSON is not valid UTF-8.");
        }
#else
        try
        {
            // Making the text transcodes it, which refuses what is not UTF-8.
            _ = value.GetRawText();
        }
        catch (InvalidOperationException error)
        {
            throw new AnswerFormatException($"A value kept as JSON is not valid UTF-8 ({error.Message}).");
        }
#endif
    }
}
