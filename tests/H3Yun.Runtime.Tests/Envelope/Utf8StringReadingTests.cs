using System.Text;
using System.Text.Json;
using CsCheck;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// A string value of an answer is read as exactly the text <see cref="JsonElement.GetString"/> gives, whether it is
/// transcoded in one pass (short, no escapes) or the general way, and bytes that are not UTF-8 are refused either way.
/// </summary>
public class Utf8StringReadingTests
{
    // Pieces that decide the way a value goes: every UTF-8 length, escapes JSON writes, and lengths across the limit.
    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.Char[' ', '~'].Select(static c => c.ToString()),
        Gen.Char['\u4E00', '\u9FFF'].Select(static c => c.ToString()),
        Pick("é", "\u07FF", "\u0800", "\uFFFF", "😀", "\"", "\\", "\n", "\u0001", "/"),
        Gen.Int[80, 90].Select(static n => new string('中', n)));

    private static readonly JsonSerializerOptions ClientEscaping = new() { Encoder = JsonOnlyEscaping.Instance };

    private static readonly Gen<string> Text = Piece.Array[0, 12].Select(static pieces => string.Concat(pieces));

    [Fact]
    public void Any_string_value_reads_as_GetString_reads_it() =>
        Text.Sample(
            text =>
            {
                using var document = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(text, ClientEscaping));
                Assert.Equal(text, Utf8Text.GetString(document.RootElement));
            },
            iter: 20_000);

    [Fact]
    public void A_string_value_escaped_any_way_reads_as_GetString_reads_it() =>
        // The inbox encoder escapes Chinese as \u sequences, which the one-pass way leaves to GetString.
        Text.Sample(
            text =>
            {
                using var document = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(text));
                Assert.Equal(text, Utf8Text.GetString(document.RootElement));
            },
            iter: 5_000);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(254)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(300)]
    public void A_value_with_bytes_that_are_not_UTF8_is_refused_at_any_length(int length)
    {
        foreach (var invalid in new byte[][] { [0xFF], [0xC3], [0xE4, 0xB8], [0xED, 0xA0, 0x80] })
        {
            var utf8 = Encoding.UTF8.GetBytes("\"" + new string('a', length) + "\"");
            var json = utf8[..(length + 1)].Concat(invalid).Concat(utf8[(length + 1)..]).ToArray();
            using var document = JsonDocument.Parse(json);
            var expected = Assert.Throws<InvalidOperationException>(() => document.RootElement.GetString());
            var error = Assert.Throws<InvalidOperationException>(() => Utf8Text.GetString(document.RootElement));
            Assert.Equal(expected.Message, error.Message);
        }
    }

    [Fact]
    public void A_value_that_is_not_a_string_is_refused_as_GetString_refuses_it()
    {
        using var document = JsonDocument.Parse("12");
        Assert.Throws<InvalidOperationException>(() => Utf8Text.GetString(document.RootElement));
    }

    private static Gen<string> Pick(params string[] pieces) => Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]);
}
