using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// Dates, numbers and empty values are read from the answer's bytes without a string each; what is read that way is
/// exactly what reading the string gives, and anything the byte reader does not recognise is read the string's way.
/// </summary>
public class Utf8ValueReadingTests
{
    private static readonly Gen<string> Digits = Gen.Int[0, 3].SelectMany(length => Gen.String[Gen.Char['0', '9'], length, length]);

    // Texts near the shapes H3Yun sends: mostly in range, with and without leading zeros, else any digits, followed by anything.
    private static readonly Gen<string> DateLike = Gen.Select(
            Part(1, 9999, 4),
            Pick("/", "/", "-", "."),
            Part(1, 12, 1),
            Part(1, 31, 1),
            Pick(string.Empty, " ", " ", " ", "T", "  "),
            Gen.Select(Part(0, 23, 1), Part(0, 59, 2), Part(0, 59, 2)),
            Pick(string.Empty, string.Empty, string.Empty, string.Empty, "Z", "+08:00", " ", ".5", "x"))
        .Select((year, separator, month, day, space, time, tail) =>
            year + separator + month + separator + day + (space.Length == 0 ? string.Empty : space + time.Item1 + ":" + time.Item2 + ":" + time.Item3) + tail);

    private static Gen<string> Part(int min, int max, int width) => Gen.Frequency(
        (4, Gen.Int[min, max].Select(n => n.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'))),
        (1, Gen.Int[min, max].Select(n => n.ToString(CultureInfo.InvariantCulture).PadLeft(width + 1, '0'))),
        (1, Digits));

    private static Gen<string> Pick(params string[] texts) => Gen.Int[0, texts.Length - 1].Select(i => texts[i]);

    [Fact]
    public void A_date_read_from_its_bytes_is_the_date_read_from_its_text()
    {
        DateLike.Sample(
            text =>
            {
                var fromBytes = Utf8DateText.TryParse(Encoding.UTF8.GetBytes(text), out var date);
                var fromText = WireFormat.TryParseDateTime(text, H3YunTimeZones.ChinaStandardTime, out var expected);
                return !fromBytes || (fromText && date == expected && date.Kind == expected.Kind);
            },
            iter: 20_000);
    }

    [Theory]
    [InlineData("2024/5/1 9:30:00", 2024, 5, 1, 9, 30, 0)]
    [InlineData("2021/11/15 17:41:11", 2021, 11, 15, 17, 41, 11)]
    [InlineData("2024-05-01 09:30:00", 2024, 5, 1, 9, 30, 0)]
    [InlineData("2024/2/29", 2024, 2, 29, 0, 0, 0)]
    [InlineData("0001/1/1 0:00:00", 1, 1, 1, 0, 0, 0)]
    [InlineData("9999/12/31 23:59:59", 9999, 12, 31, 23, 59, 59)]
    public void H3Yuns_own_shapes_are_read_from_the_bytes(string text, int year, int month, int day, int hour, int minute, int second)
    {
        Assert.True(Utf8DateText.TryParse(Encoding.UTF8.GetBytes(text), out var date));
        Assert.Equal(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified), date);
    }

    [Theory]
    [InlineData("2023/2/29 0:00:00")]
    [InlineData("2024/13/1 0:00:00")]
    [InlineData("2024/5/1 24:00:00")]
    [InlineData("2024/5/1 9:30")]
    [InlineData("2024-05-01T09:30:00")]
    [InlineData(" 2024/5/1 9:30:00")]
    [InlineData("0000/1/1 0:00:00")]
    [InlineData("2024/5/1 9:60:00")]
    [InlineData("2024/5/1 9:30:60")]
    [InlineData("2024/0/1")]
    [InlineData("2024/5/0")]
    [InlineData("2024")]
    [InlineData("2024/5")]
    [InlineData("2024/5/")]
    public void Other_texts_are_left_to_the_text_reader(string text) =>
        Assert.False(Utf8DateText.TryParse(Encoding.UTF8.GetBytes(text), out _));

    [Theory]
    [InlineData("\"2024/5/1 9:30:00\"")]
    [InlineData("\"2024\\/5\\/1 9:30:00\"")]
    [InlineData("\"2024-05-01T09:30:00+00:00\"")]
    [InlineData("\" 2024/5/1 9:30:00 \"")]
    public void A_date_member_reads_the_same_whichever_way_it_is_read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var text = document.RootElement.GetString()!;

        Assert.True(WireFormat.TryReadDateTime(document.RootElement, H3YunTimeZones.ChinaStandardTime, out var date));
        Assert.True(WireFormat.TryParseDateTime(text, H3YunTimeZones.ChinaStandardTime, out var expected));
        Assert.Equal(expected, date);
    }

    [Fact]
    public void A_number_sent_as_text_reads_as_the_text_would()
    {
        Gen.OneOf(Gen.Decimal.Select(static d => d.ToString(CultureInfo.InvariantCulture)), Gen.String[Gen.Char["0123456789.-+eE ,"], 0, 12]).Sample(
            text =>
            {
                using var document = JsonDocument.Parse(JsonSerializer.Serialize(text));
                var read = WireFormat.TryReadDecimal(document.RootElement, out var number);
                var expectedRead = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var expected);
                return read == expectedRead && number == expected;
            },
            iter: 5_000);
    }

    [Theory]
    [InlineData("\"\"", true)]
    [InlineData("\"   \"", true)]
    [InlineData("\"\\t\"", true)]
    [InlineData("\"\u3000\"", true)]
    [InlineData("\" \u3000 \"", true)]
    [InlineData("\" 1\"", false)]
    [InlineData("\"中\"", false)]
    [InlineData("\" \u3000中\"", false)]
    [InlineData("null", true)]
    [InlineData("0", false)]
    public void An_empty_value_is_recognised_whichever_way_it_is_read(string json, bool empty)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(empty, WireFormat.IsEmpty(document.RootElement));
    }
}
