namespace H3Yun.Runtime.Tests;

/// <summary>H3Yun keeps China time (UTC+8); the client converts every date into it and reads every date as it.</summary>
public class TimeZoneTests
{
    [Theory]
    [InlineData(DateTimeKind.Utc, "2026-01-01 08:00:00")]
    [InlineData(DateTimeKind.Unspecified, "2026-01-01 00:00:00")]
    public async Task A_date_is_written_as_China_time_whatever_its_kind(DateTimeKind kind, string expected)
    {
        var h3yun = new FakeH3Yun().AnswerSuccess("""{"BizObjectId":"x"}""");

        await new AllTypesRepository(h3yun.CreateClient()).CreateAsync(new AllTypes { DueDate = new DateTime(2026, 1, 1, 0, 0, 0, kind) });

        Assert.Equal(expected, (string?)JsonAssert.Parse(h3yun.Calls.Single().Body)["BizObject"]!["F0000009"]);
    }

    [Fact]
    public async Task A_local_time_is_converted_from_the_machines_zone()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess("""{"BizObjectId":"x"}""");
        var local = new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Local);

        await new AllTypesRepository(h3yun.CreateClient()).CreateAsync(new AllTypes { DueDate = local });

        var expected = local.ToUniversalTime().AddHours(8).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, (string?)JsonAssert.Parse(h3yun.Calls.Single().Body)["BizObject"]!["F0000009"]);
    }

    [Theory]
    [InlineData("2026/1/1 8:00:00", 8)]
    [InlineData("2026-01-01T00:00:00Z", 8)]
    [InlineData("2026-01-01T00:00:00+00:00", 8)]
    [InlineData("2026-01-01 09:00:00+09:00", 8)]
    [InlineData("2026-01-01T08:00:00.000+0800", 8)]
    [InlineData("2026-01-01T08:00:00", 8)]
    public async Task A_date_read_with_an_offset_is_converted_to_China_time(string text, int expectedHour)
    {
        var h3yun = new FakeH3Yun().AnswerSuccess($$$"""{"BizObject":{"ObjectId":"x","F0000009":"{{{text}}}"}}""");

        var record = await new AllTypesRepository(h3yun.CreateClient()).LoadAsync("x");

        Assert.Equal(new DateTime(2026, 1, 1, expectedHour, 0, 0), record!.DueDate);
        Assert.Equal(DateTimeKind.Unspecified, record.DueDate!.Value.Kind);
    }

    [Fact]
    public async Task Filters_convert_dates_and_take_instants()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess("""{"BizObjectArray":[]}""").AnswerSuccess("""{"BizObjectArray":[]}""");
        var records = new AllTypesRepository(h3yun.CreateClient());

        await records.QueryAsync(AllTypes.Where.DueDate.GreaterThan(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        await records.QueryAsync(AllTypes.Where.DueDate.LessThan(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(-5))));

        Assert.Equal("2026-01-01 08:00:00", (string?)JsonAssert.Parse(h3yun.Calls[0].Body)["Filter"]!["Matcher"]!["Value"]);
        Assert.Equal("2026-01-01 13:00:00", (string?)JsonAssert.Parse(h3yun.Calls[1].Body)["Filter"]!["Matcher"]!["Value"]);
    }

    [Fact]
    public async Task A_tenant_in_another_zone_says_so_in_the_options()
    {
        var h3yun = new FakeH3Yun()
            .AnswerSuccess("""{"BizObjectId":"x"}""")
            .AnswerSuccess("""{"BizObject":{"ObjectId":"x","F0000009":"2026-01-01T00:00:00Z"}}""");
        var options = FakeH3Yun.Options();
        options.TimeZone = TimeZoneInfo.Utc;
        var records = new AllTypesRepository(h3yun.CreateClient(options));

        await records.CreateAsync(new AllTypes { DueDate = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
        var loaded = await records.LoadAsync("x");

        Assert.Equal("2026-01-01 00:00:00", (string?)JsonAssert.Parse(h3yun.Calls[0].Body)["BizObject"]!["F0000009"]);
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0), loaded!.DueDate);
    }

    [Theory]
    [InlineData("Asia/Shanghai")]
    [InlineData("Asia/Chongqing")]
    [InlineData("Asia/Harbin")]
    [InlineData("PRC")]
    [InlineData(" China Standard Time ")]
    [InlineData("Beijing")]
    public void Chinas_own_zone_ids_need_no_time_zone_database(string id) =>
        Assert.Same(H3YunTimeZones.ChinaStandardTime, H3YunTimeZones.Find(id));

    [Theory]
    [InlineData("UTC")]
    [InlineData("Etc/UTC")]
    [InlineData("Z")]
    public void UTC_is_known_by_every_name(string id) =>
        Assert.Same(TimeZoneInfo.Utc, H3YunTimeZones.Find(id));

    [Fact]
    public void Another_zone_comes_from_the_machine_and_an_unknown_one_is_null()
    {
        // A machine without a time-zone database knows no Tokyo; Find says what the machine says.
        var known = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Tokyo", out var tokyo);
        Assert.Equal(known ? tokyo!.Id : null, H3YunTimeZones.Find("Asia/Tokyo")?.Id);
        Assert.Null(H3YunTimeZones.Find("Mars/Olympus_Mons"));
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => H3YunTimeZones.Find(null!)).ParamName);
    }
}
