using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// The client's own escaping (JsonOnlyEscaping) writes JSON that reads back as the same text as the relaxed inbox
/// encoder's, for any text: Chinese, controls, quotes, surrogate pairs, lone surrogates, invalid UTF-8.
/// </summary>
public class JsonEscapingTests
{
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JsonOnlyEscaping.Instance };

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    // Characters from the places where escaping decisions differ: ASCII, controls, quote and backslash, CJK, surrogates, specials.
    private static readonly Gen<char> Interesting = Gen.OneOf(
        Gen.Char['\0', '\u007F'],
        Gen.Char['\u0080', '\u00FF'],
        Gen.Char['\u4E00', '\u9FFF'],
        Gen.Char['\uD800', '\uDFFF'],
        Gen.Char['\u2028', '\u202F'],
        Gen.Char['\uFFF0', '\uFFFF'],
        Gen.Const('"'),
        Gen.Const('\\'));

    [Fact]
    public void Any_text_reads_back_as_the_relaxed_encoders_does() =>
        Interesting.Array[0, 40].Select(chars => new string(chars)).Sample(
            text => Assert.Equal(ReadBack(Write(text, Relaxed)), ReadBack(Write(text, JsonWriting.Options))),
            iter: 20_000);

    [Fact]
    public void Any_bytes_as_a_utf8_value_read_back_as_the_relaxed_encoders_do() =>
        Gen.OneOf(Gen.Byte, Gen.Byte[0xE4, 0xE9], Gen.Byte[0x80, 0xBF], Gen.Const((byte)'"')).Array[0, 40].Sample(
            bytes => Assert.Equal(ReadBack(WriteUtf8(bytes, Relaxed)), ReadBack(WriteUtf8(bytes, JsonWriting.Options))),
            iter: 20_000);

    [Fact]
    public void Any_JSON_text_in_a_body_is_the_string_Utf8JsonWriter_writes_of_it() =>
        // JSON texts as the client writes them (compact), as callers hand them over (indented), and well-formed UTF-8
        // that holds raw controls, whose six-byte escapes outgrow the room kept for a JSON text's.
        Gen.Select(Interesting.Array[0, 40].Array[0, 8], Gen.Int[0, 2]).Sample(
            (texts, shape) =>
            {
                var utf8 = shape switch
                {
                    0 => JsonSerializer.SerializeToUtf8Bytes(texts, Compact),
                    1 => JsonSerializer.SerializeToUtf8Bytes(texts.Select(static chars => new string(chars)).ToArray(), Indented),
                    _ => Encoding.UTF8.GetBytes(string.Concat(texts.Select(static chars => new string(chars)))),
                };
                Assert.Equal(Convert.ToHexString(WriteUtf8(utf8, JsonWriting.Options)), Convert.ToHexString(WriteJsonText(utf8)));
            },
            iter: 5_000);

    [Theory]
    [InlineData("{\"F0000001\":\"上海\\\"扇贝\",\"F0000002\":12.50}", "\"{\\\"F0000001\\\":\\\"上海\\\\\\\"扇贝\\\",\\\"F0000002\\\":12.50}\"")]
    [InlineData("\u0001\u0001\u0001", "\"\\u0001\\u0001\\u0001\"")]
    [InlineData("", "\"\"")]
    public void A_JSON_text_is_escaped_into_its_string(string text, string written) =>
        Assert.Equal(written, Encoding.UTF8.GetString(WriteJsonText(Encoding.UTF8.GetBytes(text))));

    [Theory]
    [InlineData("上海扇贝贸易有限公司", "\"上海扇贝贸易有限公司\"")]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("line\nbreak\ttab\u0001", "\"line\\nbreak\\ttab\\u0001\"")]
    [InlineData("<script>&'", "\"<script>&'\"")]
    [InlineData("emoji 😀", "\"emoji 😀\"")]
    public void Chinese_and_markup_stay_as_they_are_and_only_what_JSON_requires_is_escaped(string text, string json) =>
        Assert.Equal(json, Encoding.UTF8.GetString(Write(text, JsonWriting.Options)));

    [Fact]
    public void A_lone_surrogate_is_replaced_as_the_relaxed_encoder_replaces_it()
    {
        Assert.Equal("a\uFFFDb", ReadBack(Write("a\uD800b", Relaxed)));
        Assert.Equal("a\uFFFDb", ReadBack(Write("a\uD800b", JsonWriting.Options)));
    }

    [Fact]
    public void A_field_code_is_encoded_once_with_the_same_escaping() =>
        Assert.Equal("F0000001\\\"", JsonEncodedText.Encode("F0000001\"", JsonWriting.Options.Encoder).ToString());

    [Fact]
    public void Escaping_stops_where_the_room_ends_and_waits_for_the_rest_of_a_cut_character()
    {
        var encoder = JsonWriting.Options.Encoder!;
        var destination = new byte[4];

        Assert.Equal(System.Buffers.OperationStatus.DestinationTooSmall, encoder.EncodeUtf8("ab\"cd"u8, destination, out var consumed, out var written));
        Assert.Equal((3, 4), (consumed, written));
        Assert.Equal(System.Buffers.OperationStatus.NeedMoreData, encoder.EncodeUtf8(new byte[] { (byte)'"', 0xE4, 0xB8 }, new byte[16], out consumed, out written, isFinalBlock: false));
        Assert.Equal((1, 2), (consumed, written));
        Assert.Equal(System.Buffers.OperationStatus.NeedMoreData, encoder.Encode("\"\uD83D", new char[16], out consumed, out written, isFinalBlock: false));
        Assert.Equal((1, 2), (consumed, written));
        Assert.Equal(System.Buffers.OperationStatus.Done, encoder.Encode("\"\uD83D", new char[16], out consumed, out written));
        Assert.Equal((2, 3), (consumed, written));
    }

    private static byte[] Write(string text, JsonWriterOptions options)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, options))
        {
            json.WriteStringValue(text);
        }

        return stream.ToArray();
    }

    private static byte[] WriteUtf8(byte[] utf8, JsonWriterOptions options)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, options))
        {
            json.WriteStringValue(utf8);
        }

        return stream.ToArray();
    }

    private static byte[] WriteJsonText(byte[] utf8)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonWriting.Options))
        {
            JsonWriting.WriteJsonTextAsString(json, utf8);
        }

        return stream.ToArray();
    }

    private static string? ReadBack(byte[] json) => JsonDocument.Parse(json).RootElement.GetString();
}
