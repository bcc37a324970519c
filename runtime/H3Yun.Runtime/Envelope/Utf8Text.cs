using System.Text;

namespace H3Yun;

/// <summary>Checks that an answer is UTF-8 before it is parsed, because invalid bytes surface only later, as exceptions of other types.</summary>
internal static class Utf8Text
{
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
}
