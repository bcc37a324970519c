using System.Text;
using CsCheck;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// The record writer's transcoder writes exactly the UTF-8 of any text JSON need not escape, and refuses any other,
/// eight characters at a time or one by one: whatever the mix of one-, two-, three- and four-byte characters, and
/// wherever a block of eight ends in the text.
/// </summary>
public class JsonTextTranscoderTests
{
    // Characters at the edges of each UTF-8 length, of what JSON escapes, and of surrogates, alone and in pairs.
    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.Char[' ', '~'].Select(static c => c.ToString()),
        AnyOf("\0", "\u001F", "\"", "\\", "\u007F"),
        AnyOf("\u0080", "é", "\u07FF", "\u0800", "中", "\uD7FF", "\uE000", "\uFFFF"),
        Gen.Char['\u4E00', '\u9FFF'].Select(static c => c.ToString()),
        AnyOf("😀", "\uD800\uDC00", "\uDBFF\uDFFF", "\uD800", "\uDFFF"));

    private static readonly Gen<string> Text = Piece.Array[0, 40].Select(static pieces => string.Concat(pieces));

    private static Gen<string> AnyOf(params string[] pieces) => Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]);

    [Fact]
    public void Any_text_is_transcoded_as_Utf8_does_or_refused_when_JSON_must_escape_it() =>
        Text.Sample(
            text =>
            {
                var expected = Expected(text);
                Assert.Equal(expected, Transcode(text, slack: JsonTextTranscoder.Slack));
                Assert.Equal(expected, Transcode(text, slack: 0));
            },
            iter: 50_000);

    [Theory]
    [InlineData("中")]
    [InlineData("é")]
    [InlineData("😀")]
    [InlineData("a")]
    public void A_character_at_every_place_of_every_length_is_transcoded(string character)
    {
        for (var length = 1; length <= 40; length++)
        {
            for (var at = 0; at < length; at++)
            {
                var text = new string('订', at) + character + new string('x', length - at - 1);
                Assert.Equal(Expected(text), Transcode(text, JsonTextTranscoder.Slack));
            }
        }
    }

    [Theory]
    [InlineData('"')]
    [InlineData('\\')]
    [InlineData('\n')]
    [InlineData('\0')]
    [InlineData('\uD800')]
    [InlineData('\uDC00')]
    public void A_character_to_escape_at_every_place_of_every_length_is_refused(char character)
    {
        for (var length = 1; length <= 40; length++)
        {
            for (var at = 0; at < length; at++)
            {
                var text = new string('订', at) + character + new string('单', length - at - 1);
                Assert.Null(Transcode(text, JsonTextTranscoder.Slack));
            }
        }
    }

    [Fact]
    public void A_destination_without_room_for_three_bytes_a_character_is_refused() =>
        Assert.Throws<ArgumentException>(() => JsonTextTranscoder.TryTranscode("订单", new byte[5]));

    // The UTF-8 of text, or null when JSON must escape a character of it or it is not well-formed UTF-16.
    private static string? Expected(string text)
    {
        if (text.Any(static c => c is < ' ' or '"' or '\\'))
        {
            return null;
        }

        try
        {
            return Convert.ToHexString(new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(text));
        }
        catch (EncoderFallbackException)
        {
            return null;
        }
    }

    private static string? Transcode(string text, int slack)
    {
        var destination = new byte[(text.Length * 3) + slack];
        var written = JsonTextTranscoder.TryTranscode(text, destination);
        var result = written < 0 ? null : Convert.ToHexString(destination, 0, written);

        // The way machines without the shuffle go, and blocks with a surrogate, must agree with the block-wise way.
        var oneByOne = new byte[text.Length * 3];
        var oneByOneWritten = JsonTextTranscoder.OneByOne(text, oneByOne);
        Assert.Equal(result, oneByOneWritten < 0 ? null : Convert.ToHexString(oneByOne, 0, oneByOneWritten));
        return result;
    }
}
