using System.Text;
using System.Text.Json;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// Field codes are escaped and encoded once, by generated code in its own <see cref="H3FieldName"/>s or here on their
/// first write by code; what is written is byte for byte what writing the name each time writes.
/// </summary>
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
        var expected = WritePlain(json => json.WriteString(fieldCode, "值"));
        var kept = Write(json => new BizObjectWriter(json, RecordWriteMode.Assigned, H3YunTimeZones.ChinaStandardTime).WriteString(fieldCode, "值"));
        var again = Write(json => new BizObjectWriter(json, RecordWriteMode.Assigned, H3YunTimeZones.ChinaStandardTime).WriteString(fieldCode, "值"));

        var generated = Write(json => new BizObjectWriter(json, RecordWriteMode.Assigned, H3YunTimeZones.ChinaStandardTime).WriteString(new H3FieldName(fieldCode), "值"));

        Assert.Equal(expected, kept);
        Assert.Equal(expected, again);
        Assert.Equal(expected, generated);
        Assert.True(EncodedFieldNames.IsKept(fieldCode));
    }

    [Fact]
    public void A_code_is_kept_once_and_found_by_reference()
    {
        var code = new string("F0000042".AsSpan());
        var equalButNotTheSame = new string("F0000042".AsSpan());

        var first = EncodedFieldNames.Of(code);

        Assert.Same(first, EncodedFieldNames.Of(code));
        Assert.NotSame(first, EncodedFieldNames.Of(equalButNotTheSame));
        Assert.Equal("F0000042", first.ToString());
    }

    [Fact]
    public void A_missing_name_or_code_is_refused_naming_the_parameter()
    {
        using var json = new RecordJsonWriter();
        var writer = new BizObjectWriter(json, RecordWriteMode.Assigned, H3YunTimeZones.ChinaStandardTime);
        json.StartObject();

        Assert.Equal("code", Assert.Throws<ArgumentNullException>(() => new H3FieldName(null!)).ParamName);
        Assert.Equal("fieldCode", Assert.Throws<ArgumentNullException>(() => writer.WriteString((string)null!, "x")).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => writer.WriteDecimal((H3FieldName)null!, 1m)).ParamName);
        Assert.Equal("{", Encoding.UTF8.GetString(json.WrittenSpan));
    }

    [Fact]
    public void Many_names_asked_for_in_any_order_each_get_their_own_encoding()
    {
        // Enough names that many share a slot of the recent names, each asked for several times, interleaved.
        var names = Enumerable.Range(0, 3_000).Select(static i => $"F{i:0000000}").ToArray();
        var random = new Random(13);
        for (var round = 0; round < 4; round++)
        {
            foreach (var name in names.OrderBy(_ => random.Next()))
            {
                var encoded = EncodedFieldNames.Of(name);
                Assert.Same(name, encoded.Code);
                Assert.Equal($"\"{name}\":", Encoding.UTF8.GetString(encoded.NameAndColon));
            }
        }
    }

    [Fact]
    public void Every_kind_of_value_is_written_under_its_name()
    {
        var text = Write(json =>
        {
            var writer = new BizObjectWriter(json, RecordWriteMode.Assigned, H3YunTimeZones.ChinaStandardTime);
            writer.WriteDecimal("F1", 1.5m);
            writer.WriteInt64("F2", 7);
            writer.WriteBoolean("F3", true);
            writer.WriteDateTime("F4", new DateTime(2024, 5, 1, 9, 30, 0));
            writer.WriteString("F5", null);
            writer.WriteDecimal("F6", null);
            writer.WriteInt32(new H3FieldName("F7"), 8);
            writer.WriteDateTimeOffset(new H3FieldName("F8"), new DateTimeOffset(2024, 5, 1, 1, 30, 0, TimeSpan.Zero));
            writer.WriteMultiValue(new H3FieldName("F9"), ["a", "b"]);
            writer.WriteBoolean(new H3FieldName("F10"), null);
        });

        Assert.Equal("""{"F1":1.5,"F2":7,"F3":true,"F4":"2024-05-01 09:30:00","F5":null,"F6":null,"F7":8,"F8":"2024-05-01 09:30:00","F9":"a;b","F10":null}""", text);
    }

    private static string WritePlain(Action<Utf8JsonWriter> write)
    {
        using var buffer = new PooledBufferWriter();
        using (var json = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Write(Action<RecordJsonWriter> viaWriter)
    {
        using var json = new RecordJsonWriter();
        json.StartObject();
        viaWriter(json);
        json.EndObject();
        return Encoding.UTF8.GetString(json.WrittenSpan);
    }
}
