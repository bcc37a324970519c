using System.Text;
using System.Text.Json;

namespace H3Yun.Runtime.Tests;

/// <summary>Field codes are escaped and encoded once and kept; what is written is byte for byte what writing the name each time writes.</summary>
public class EncodedFieldNamesTests
{
    [Theory]
    [InlineData("F0000001")]
    [InlineData("备注")]
    [InlineData("a\"b")]
    [InlineData("<tag>&'")]
    [InlineData("\u0001tab\t")]
    [InlineData("")]
    public void A_kept_name_is_written_exactly_as_the_name_itself(string fieldCode)
    {
        var expected = Write(json => json.WriteString(fieldCode, "值"), json => { });
        var kept = Write(_ => { }, json => new BizObjectWriter(json, RecordWriteMode.Assigned, H3YunTimeZones.ChinaStandardTime).WriteString(fieldCode, "值"));
        var again = Write(_ => { }, json => new BizObjectWriter(json, RecordWriteMode.Assigned, H3YunTimeZones.ChinaStandardTime).WriteString(fieldCode, "值"));

        Assert.Equal(expected, kept);
        Assert.Equal(expected, again);
        Assert.True(EncodedFieldNames.TryGet(fieldCode, out _));
    }

    [Fact]
    public void Every_kind_of_value_is_written_under_its_name()
    {
        var text = Write(_ => { }, json =>
        {
            var writer = new BizObjectWriter(json, RecordWriteMode.Assigned, H3YunTimeZones.ChinaStandardTime);
            writer.WriteDecimal("F1", 1.5m);
            writer.WriteInt64("F2", 7);
            writer.WriteBoolean("F3", true);
            writer.WriteDateTime("F4", new DateTime(2024, 5, 1, 9, 30, 0));
            writer.WriteString("F5", null);
            writer.WriteDecimal("F6", null);
        });

        Assert.Equal("""{"F1":1.5,"F2":7,"F3":true,"F4":"2024-05-01 09:30:00","F5":null,"F6":null}""", text);
    }

    private static string Write(Action<Utf8JsonWriter> plain, Action<Utf8JsonWriter> viaWriter)
    {
        using var buffer = new PooledBufferWriter();
        using (var json = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            json.WriteStartObject();
            plain(json);
            viaWriter(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
