using System.Globalization;
using System.Text.Json;
using CsCheck;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// Every shape H3Yun (or a client of it) sends for a value is read as the field's type or refused with the field,
/// the expected type and an excerpt of what arrived; and what the client writes reads back as the same value.
/// </summary>
public class WireValueTests
{
    private const string Code = "F0000001";

    public static TheoryData<string, Func<JsonElement, object?>, object?> ReadableValues => new()
    {
        { "12", v => BizValueReader.ReadInt32(v, Code), 12 },
        { "12.0", v => BizValueReader.ReadInt32(v, Code), 12 },
        { "\" 12 \"", v => BizValueReader.ReadInt32(v, Code), 12 },
        { "2147483647", v => BizValueReader.ReadInt32(v, Code), int.MaxValue },
        { "-2147483648", v => BizValueReader.ReadInt32(v, Code), int.MinValue },
        { "\"\"", v => BizValueReader.ReadInt32(v, Code), null },
        { "9223372036854775807", v => BizValueReader.ReadInt64(v, Code), long.MaxValue },
        { "\"-9223372036854775808\"", v => BizValueReader.ReadInt64(v, Code), long.MinValue },
        { "null", v => BizValueReader.ReadInt64(v, Code), null },
        { "\"1e3\"", v => BizValueReader.ReadDecimal(v, Code), 1000m },
        { "\"-0.5\"", v => BizValueReader.ReadDecimal(v, Code), -0.5m },
        { "7000.10", v => BizValueReader.ReadDecimal(v, Code), 7000.10m },
        { "\"   \"", v => BizValueReader.ReadDecimal(v, Code), null },
        { "true", v => BizValueReader.ReadBoolean(v, Code), true },
        { "\" False \"", v => BizValueReader.ReadBoolean(v, Code), false },
        { "\"TRUE\"", v => BizValueReader.ReadBoolean(v, Code), true },
        { "\"\"", v => BizValueReader.ReadBoolean(v, Code), null },
        { "1.50", v => BizValueReader.ReadString(v, Code), "1.50" },
        { "false", v => BizValueReader.ReadString(v, Code), "false" },
        { "\"\"", v => BizValueReader.ReadString(v, Code), string.Empty },
        { "null", v => BizValueReader.ReadString(v, Code), null },
        { "\"2024/5/1 9:30:00\"", v => BizValueReader.ReadDateTime(v, Code), new DateTime(2024, 5, 1, 9, 30, 0) },
        { "\" 2024-05-01 09:30 \"", v => BizValueReader.ReadDateTime(v, Code), new DateTime(2024, 5, 1, 9, 30, 0) },
        { "\"2024-05-01T01:30:00Z\"", v => BizValueReader.ReadDateTime(v, Code), new DateTime(2024, 5, 1, 9, 30, 0) },
        { "\"2024-05-01T01:30:00z\"", v => BizValueReader.ReadDateTime(v, Code), new DateTime(2024, 5, 1, 9, 30, 0) },
        { "\"2024-04-30T20:30:00-05\"", v => BizValueReader.ReadDateTime(v, Code), new DateTime(2024, 5, 1, 9, 30, 0) },
        { "\"2024-05-01T09:30:00+0800\"", v => BizValueReader.ReadDateTime(v, Code), new DateTime(2024, 5, 1, 9, 30, 0) },
        { "\"2024-05-01T03:00:00+02:30\"", v => BizValueReader.ReadDateTime(v, Code), new DateTime(2024, 5, 1, 8, 30, 0) },
        { "\"May 1, 2024 9:30 AM\"", v => BizValueReader.ReadDateTime(v, Code), new DateTime(2024, 5, 1, 9, 30, 0) },
        { "\"\"", v => BizValueReader.ReadDateTime(v, Code), null },
    };

    [Theory]
    [MemberData(nameof(ReadableValues))]
    public void A_value_in_any_shape_H3Yun_uses_is_read_as_its_type(string json, Func<JsonElement, object?> read, object? expected)
    {
        Assert.Equal(expected, read(Parse(json)));
    }

    public static TheoryData<string, Func<JsonElement, object?>, string> UnreadableValues => new()
    {
        { "2147483648", v => BizValueReader.ReadInt32(v, Code), "a 32-bit whole number but holds 2147483648" },
        { "-2147483649", v => BizValueReader.ReadInt32(v, Code), "a 32-bit whole number but holds -2147483649" },
        { "1.5", v => BizValueReader.ReadInt32(v, Code), "a 32-bit whole number but holds 1.5" },
        { "9223372036854775808", v => BizValueReader.ReadInt64(v, Code), "a 64-bit whole number but holds 9223372036854775808" },
        { "\"-9223372036854775809\"", v => BizValueReader.ReadInt64(v, Code), "a 64-bit whole number but holds \"-9223372036854775809\"" },
        { "0.1", v => BizValueReader.ReadInt64(v, Code), "a 64-bit whole number but holds 0.1" },
        { "\"七\"", v => BizValueReader.ReadDecimal(v, Code), "a number but holds \"七\"" },
        { "true", v => BizValueReader.ReadDecimal(v, Code), "a number but holds true" },
        { "\"yes\"", v => BizValueReader.ReadBoolean(v, Code), "true or false but holds \"yes\"" },
        { "1", v => BizValueReader.ReadBoolean(v, Code), "true or false but holds 1" },
        { "{\"a\":1}", v => BizValueReader.ReadString(v, Code), "text but holds {\"a\":1}" },
        { "[\"a\"]", v => BizValueReader.ReadString(v, Code), "text but holds [\"a\"]" },
        { "20240501", v => BizValueReader.ReadDateTime(v, Code), "a date such as 2024/5/1 9:30:00 but holds 20240501" },
        { "\"2024-05-01T09:30:00+8\"", v => BizValueReader.ReadDateTime(v, Code), "a date such as 2024/5/1 9:30:00 but holds \"2024-05-01T09:30:00+8\"" },
        { "\"tomorrow\"", v => BizValueReader.ReadDateTime(v, Code), "a date such as 2024/5/1 9:30:00 but holds \"tomorrow\"" },
        { "{}", v => BizValueReader.ReadMultiValue(v, Code), "a list of values but holds {}" },
        { "7", v => BizValueReader.ReadUnit(v, Code), "a person or department but holds 7" },
        { "[7]", v => BizValueReader.ReadUnits(v, Code), "a person or department but holds 7" },
        { "{\"ObjectId\":{}}", v => BizValueReader.ReadUnit(v, Code), "text but holds {}" },
        { "5", v => BizValueReader.ReadAttachments(v, Code), "attachments but holds 5" },
        { "7", v => BizValueReader.ReadAddress(v, Code), "an address but holds 7" },
        { "\"[1]\"", v => BizValueReader.ReadAddress(v, Code), "an address as a JSON object but holds \"[1]\"" },
        { "\"{oops\"", v => BizValueReader.ReadLocation(v, Code), "a location as JSON but holds \"{oops\"" },
    };

    [Theory]
    [MemberData(nameof(UnreadableValues))]
    public void A_value_that_does_not_fit_its_type_is_refused_with_the_field_and_what_arrived(string json, Func<JsonElement, object?> read, string message)
    {
        var error = Assert.ThrowsAny<FormatException>(() => read(Parse(json)));

        Assert.Equal($"field '{Code}' should hold {message}.", error.Message);
    }

    [Fact]
    public void A_long_value_is_shown_shortened_so_that_a_hostile_answer_cannot_flood_a_log()
    {
        var eighty = new string('x', 78);
        var long81 = new string('y', 79);

        var fits = Assert.ThrowsAny<FormatException>(() => BizValueReader.ReadInt32(Parse($"\"{eighty}\""), Code));
        var cut = Assert.ThrowsAny<FormatException>(() => BizValueReader.ReadInt32(Parse($"\"{long81}\""), Code));

        Assert.Equal($"field '{Code}' should hold a number but holds \"{eighty}\".", fits.Message);
        Assert.Equal($"field '{Code}' should hold a number but holds \"{long81[..76]}....", cut.Message);
    }

    public static TheoryData<string, string[]?> MultiValues => new()
    {
        { "\"周一;周三\"", ["周一", "周三"] },
        { "\" a ; b;;c ;\"", ["a", "b", "c"] },
        { "\"\"", [] },
        { "[\"a\",null,1,true]", ["a", "", "1", "true"] },
        { "[]", [] },
        { "null", null },
    };

    [Theory]
    [MemberData(nameof(MultiValues))]
    public void A_multi_value_is_read_from_a_list_or_a_semicolon_joined_text(string json, string[]? expected)
    {
        Assert.Equal(expected, BizValueReader.ReadMultiValue(Parse(json), Code));
    }

    public static TheoryData<string, string?, string?> Units => new()
    {
        { "\"u-1\"", "u-1", null },
        { "\"\"", null, null },
        { "null", null, null },
        { "{\"ObjectId\":\"u-1\",\"Name\":\"张三\"}", "u-1", "张三" },
        { "{\"Name\":\"张三\",\"ObjectId\":\"u-1\",\"Code\":\"x\"}", "u-1", "张三" },
        { "{\"Name\":\"张三\"}", null, null },
        { "{\"ObjectId\":\"\",\"Name\":\"张三\"}", null, null },
    };

    [Theory]
    [MemberData(nameof(Units))]
    public void A_person_is_read_from_an_id_or_an_ObjectId_and_Name_object(string json, string? id, string? name)
    {
        var unit = BizValueReader.ReadUnit(Parse(json), Code);

        Assert.Equal(id, unit?.ObjectId);
        Assert.Equal(name, unit?.Name);
        Assert.Equal(id, BizValueReader.ReadReference<Customer>(Parse(json), Code)?.ObjectId);
    }

    public static TheoryData<string, string[]?, string?[]?> UnitLists => new()
    {
        { "[{\"ObjectId\":\"a\",\"Name\":\"甲\"},null,\"b\",{\"Name\":\"无\"}]", ["a", "b"], ["甲", null] },
        { "\"a;b\"", ["a", "b"], null },
        { "[\"a\",\"b\"]", ["a", "b"], null },
        { "[]", [], null },
        { "null", null, null },
    };

    [Theory]
    [MemberData(nameof(UnitLists))]
    public void Several_people_are_read_from_objects_ids_or_a_joined_text(string json, string[]? ids, string?[]? names)
    {
        var units = BizValueReader.ReadUnits(Parse(json), Code);
        var texts = BizValueReader.ReadUnitListValue(Parse(json), Code, out var reported);
        var references = BizValueReader.ReadReferences<Customer>(Parse(json), Code);

        Assert.Equal(ids, units?.Select(static u => u.ObjectId));
        Assert.Equal(ids, texts);
        Assert.Equal(ids, references?.Select(static r => r.ObjectId));
        Assert.Equal(names, reported?.Select(static u => u.Name));
    }

    [Fact]
    public void A_person_field_answered_with_an_object_gives_its_id_and_keeps_the_unit()
    {
        var id = BizValueReader.ReadUnitValue(Parse("""{"ObjectId":"u-1","Name":"张三"}"""), Code, out var unit);
        var name = BizValueReader.ReadUnitValue(Parse("\"张三\""), Code, out var none);

        Assert.Equal("u-1", id);
        Assert.Equal(new H3Unit("u-1", "张三"), unit);
        Assert.Equal("张三", name);
        Assert.Null(none);
    }

    public static TheoryData<string, string?, string?, string?> Addresses => new()
    {
        { "\"{\\\"adcode\\\":\\\"440305\\\",\\\"adname\\\":\\\"广东省 深圳市 南山区\\\",\\\"Detail\\\":\\\"科兴\\\"}\"", "440305", "广东省 深圳市 南山区", "科兴" },
        { "{\"ADCODE\":\"440305\",\"Detail\":\"科兴\"}", "440305", null, "科兴" },
        { "{\"adcode\":\"\",\"adname\":\"\",\"Detail\":\"科兴\"}", "", "", "科兴" },
        { "{\"adcode\":\"\",\"adname\":\"\",\"Detail\":\"\"}", null, null, null },
        { "\"  \"", null, null, null },
        { "null", null, null, null },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public void An_address_is_read_from_its_JSON_string_or_object_and_the_empty_address_is_none(string json, string? adcode, string? adname, string? detail)
    {
        var address = BizValueReader.ReadAddress(Parse(json), Code);

        Assert.Equal(adcode is null && adname is null && detail is null ? null : new H3Address(adcode, adname, detail), address);
    }

    public static TheoryData<string, string?, decimal?, decimal?> Locations => new()
    {
        { "\"{\\\"Address\\\":\\\"深圳\\\",\\\"Point\\\":{\\\"lat\\\":22.5,\\\"lng\\\":113.9}}\"", "深圳", 22.5m, 113.9m },
        { "{\"Address\":\"深圳\"}", "深圳", null, null },
        { "{\"Point\":{\"lat\":\"22.5\",\"lng\":113.9}}", null, 22.5m, 113.9m },
        { "{\"Address\":\"深圳\",\"Point\":{\"lat\":22.5}}", "深圳", null, null },
        { "{\"Address\":\"深圳\",\"Point\":{\"lng\":113.9}}", "深圳", null, null },
        { "{\"Point\":7}", null, null, null },
        { "{}", null, null, null },
    };

    [Theory]
    [MemberData(nameof(Locations))]
    public void A_location_needs_both_coordinates_for_a_point(string json, string? address, decimal? lat, decimal? lng)
    {
        var location = BizValueReader.ReadLocation(Parse(json), Code);

        var point = lat is { } la && lng is { } ln ? new H3GeoPoint(la, ln) : null;
        Assert.Equal(address is null && point is null ? null : new H3Location(address, point), location);
    }

    public static TheoryData<string, H3Attachment[]> Attachments => new()
    {
        { "null", [] },
        { "\"a-1;a-2\"", [new("a-1"), new("a-2")] },
        { "[\"a-1\",\"\",7]", [new("a-1")] },
        {
            "[{\"ObjectId\":\"a-1\",\"FileName\":\"x.pdf\",\"ContentType\":\"application/pdf\",\"FileSize\":\"12\"},{\"AttachmentId\":\"a-2\",\"Name\":\"y.png\",\"Size\":3},{\"Id\":\"a-3\"},{\"Name\":\"no id\"}]",
            [new("a-1", "x.pdf", "application/pdf", 12), new("a-2", "y.png", null, 3), new("a-3")]
        },
        { "[{\"ObjectId\":\"a-1\",\"FileSize\":null,\"Size\":5}]", [new("a-1", Size: null)] },
        { "[{\"Id\":\"c\",\"AttachmentId\":\"b\",\"ObjectId\":\"a\"},{\"Id\":\"c\",\"AttachmentId\":\"b\"}]", [new("a"), new("b")] },
        { "[{\"ObjectId\":\"a\",\"Name\":\"shown.pdf\",\"FileName\":\"file.pdf\"}]", [new("a", "file.pdf")] },
    };

    [Theory]
    [MemberData(nameof(Attachments))]
    public void Attachments_are_read_in_every_shape_a_read_reports(string json, H3Attachment[] expected)
    {
        Assert.Equal(expected, BizValueReader.ReadAttachments(Parse(json), Code));
    }

    [Fact]
    public void China_Standard_Time_is_a_fixed_UTC_plus_8_zone_named_as_Windows_names_it()
    {
        var zone = H3YunTimeZones.ChinaStandardTime;

        Assert.Equal(("China Standard Time", "(UTC+08:00) China Standard Time", "China Standard Time"), (zone.Id, zone.DisplayName, zone.StandardName));
        Assert.Equal(TimeSpan.FromHours(8), zone.BaseUtcOffset);
        Assert.False(zone.SupportsDaylightSavingTime);
    }

    [Fact]
    public void A_raw_value_outlives_the_answer_it_came_in_and_null_is_no_value()
    {
        JsonElement? raw;
        using (var document = JsonDocument.Parse("""{"v":{"nested":[1,2]}}"""))
        {
            raw = BizValueReader.ReadRaw(document.RootElement.GetProperty("v"));
        }

        Assert.Equal("""{"nested":[1,2]}""", raw!.Value.GetRawText());
        Assert.Null(BizValueReader.ReadRaw(Parse("null")));
    }

    [Fact]
    public void Any_clock_time_written_reads_back_unchanged() =>
        Gen.Select(Gen.Int[1900, 2999], Gen.Int[1, 12], Gen.Int[1, 28], Gen.Int[0, 86_399])
            .Select((year, month, day, seconds) => new DateTime(year, month, day).AddSeconds(seconds))
            .Sample(clock =>
            {
                var text = WireFormat.FormatDateTime(clock, H3YunTimeZones.ChinaStandardTime);
                Assert.Equal(clock.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), text);
                Assert.Equal(clock, BizValueReader.ReadDateTime(Parse(JsonSerializer.Serialize(text)), Code));
                Assert.Equal(DateTimeKind.Unspecified, BizValueReader.ReadDateTime(Parse(JsonSerializer.Serialize(text)), Code)!.Value.Kind);
            });

    [Fact]
    public void Any_instant_written_reads_back_as_the_same_instant_in_China_time() =>
        Gen.Select(Gen.Long[0, 3_000_000_000L], Gen.Int[-14 * 4, 14 * 4])
            .Select((seconds, quarterHours) => new DateTimeOffset(DateTime.UnixEpoch.AddSeconds(seconds)).ToOffset(TimeSpan.FromMinutes(15 * quarterHours)))
            .Sample(instant =>
            {
                var utc = instant.UtcDateTime;
                var china = WireFormat.ToZoneClock(instant, H3YunTimeZones.ChinaStandardTime);
                Assert.Equal(utc.AddHours(8), china);
                Assert.Equal(DateTimeKind.Unspecified, china.Kind);
                Assert.Equal(china, WireFormat.ToZoneClock(utc, H3YunTimeZones.ChinaStandardTime));
                Assert.Equal(instant, WireFormat.FromZoneClock(china, H3YunTimeZones.ChinaStandardTime));
                Assert.True(WireFormat.TryParseDateTime(instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), H3YunTimeZones.ChinaStandardTime, out var read));
                Assert.Equal(china, read);
            });

    [Fact]
    public void Any_number_written_reads_back_unchanged_as_a_number_or_a_numeric_string() =>
        Gen.Decimal.Sample(number =>
        {
            var asNumber = Parse(number.ToString(CultureInfo.InvariantCulture));
            var asString = Parse(JsonSerializer.Serialize(number.ToString(CultureInfo.InvariantCulture)));
            Assert.Equal(number, BizValueReader.ReadDecimal(asNumber, Code));
            Assert.Equal(number, BizValueReader.ReadDecimal(asString, Code));
            var whole = decimal.Truncate(number);
            Assert.Equal(whole is >= long.MinValue and <= long.MaxValue ? (long)whole : null, ReadInt64OrNull(whole));
        });

    [Fact]
    public void Any_list_of_texts_joined_for_writing_reads_back_as_the_same_list() =>
        Gen.String[Gen.Char["ab中 ,"], 1, 6].Where(static t => t.Trim().Length == t.Length && t.Length > 0).Array[0, 5].Sample(texts =>
        {
            var joined = WireFormat.JoinMultiValue(texts);
            Assert.Equal(string.Join(';', texts), joined);
            Assert.Equal(texts, BizValueReader.ReadMultiValue(Parse(JsonSerializer.Serialize(joined)), Code));
        });

    private static long? ReadInt64OrNull(decimal whole)
    {
        try
        {
            return BizValueReader.ReadInt64(Parse(whole.ToString(CultureInfo.InvariantCulture)), Code);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
