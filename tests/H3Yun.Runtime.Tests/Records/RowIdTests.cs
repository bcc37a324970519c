namespace H3Yun.Runtime.Tests;

/// <summary>
/// A row written back carries the ids H3Yun stores for its people and associations, one or several, taken from
/// whatever shape the read had; where an id cannot be known the update is refused before anything is sent, with the
/// row, the field and the fix.
/// </summary>
public class RowIdTests
{
    private const string RosterId = "7d1c0a4e-0000-4000-8000-0000000000aa";
    private const string UserA = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    private const string UserB = "3f2504e0-4f89-41d3-9a0c-0305e82c3302";

    public static TheoryData<string, string, string> StoredIds => new()
    {
        { "a person given as an id", $$"""{"F0000043":"{{UserA}}"}""", $$"""{"F0000043":"{{UserA}}"}""" },
        { "a person given as ObjectId and Name", """{"F0000043":{"ObjectId":"u-1","Name":"张三"}}""", """{"F0000043":"u-1"}""" },
        { "a person's name with its companion", """{"F0000043":"张三","F0000043Object":{"ObjectId":"u-1","Name":"张三"}}""", """{"F0000043":"u-1"}""" },
        { "a companion before the name", """{"F0000043Object":{"ObjectId":"u-1","Name":"张三"},"F0000043":"张三"}""", """{"F0000043":"u-1"}""" },
        { "no person", """{"F0000043":null}""", """{"F0000043":null}""" },
        { "people given as ids", $$"""{"F0000041":["{{UserA}}","{{UserB}}"]}""", $$"""{"F0000041":"{{UserA}};{{UserB}}"}""" },
        { "people given as a joined text of ids", $$"""{"F0000041":"{{UserA}};{{UserB}}"}""", $$"""{"F0000041":"{{UserA}};{{UserB}}"}""" },
        { "people given as objects", """{"F0000041":[{"ObjectId":"u-1","Name":"张三"},{"ObjectId":"u-2","Name":"李四"}]}""", """{"F0000041":"u-1;u-2"}""" },
        { "people's names with their companion", """{"F0000041":"张三;李四","F0000041Object":[{"ObjectId":"u-1"},{"ObjectId":"u-2"}]}""", """{"F0000041":"u-1;u-2"}""" },
        { "no people", """{"F0000041":null}""", """{"F0000041":null}""" },
        { "records given as objects", """{"F0000042":[{"ObjectId":"c-1","Name":"甲"}]}""", """{"F0000042":"c-1"}""" },
    };

    [Theory]
    [MemberData(nameof(StoredIds))]
    public async Task A_row_sends_back_the_ids_whatever_shape_the_read_had(string shape, string members, string sent)
    {
        var (h3yun, rosters, roster) = await Loaded(members);

        roster.Shifts[0].Note = "改";
        await rosters.UpdateAsync(roster);

        var expected = sent.TrimEnd('}') + ",\"F0000044\":\"改\"}";
        Assert.Equal($$"""{"D000024FRosterShifts":[{"ObjectId":"s-1",{{expected[1..]}}]}""", JsonAssert.BizObjectText(h3yun.Calls[1].Body));
        Assert.False(string.IsNullOrEmpty(shape));
    }

    public static TheoryData<string, string, string> UnknownIds => new()
    {
        { "a person's name", """{"F0000043":"张三"}""", "field 'F0000043' holds '张三'" },
        { "a name whose companion has no id", """{"F0000043":"张三","F0000043Object":{"Name":"张三"}}""", "field 'F0000043' holds '张三'" },
        { "people's names", """{"F0000041":"张三;李四"}""", "field 'F0000041' holds '张三;李四'" },
        { "an id and a name", $$"""{"F0000041":["{{UserA}}","李四"]}""", $"field 'F0000041' holds '{UserA};李四'" },
    };

    [Theory]
    [MemberData(nameof(UnknownIds))]
    public async Task A_row_value_without_a_known_id_refuses_the_update_and_says_how_to_fix_it(string shape, string members, string holds)
    {
        var (h3yun, rosters, roster) = await Loaded(members);

        roster.Shifts[0].Note = "改";
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => rosters.UpdateAsync(roster));

        var code = holds[7..15];
        Assert.Equal(
            $"Row 0 of child table 'D000024FRosterShifts': {holds}, which H3Yun answered without an id (no {code}Object companion, no {{ObjectId, Name}} value), "
            + "so writing the row again could store a display name instead of the id. Nothing was sent. Assign the field an id "
            + "(for example row.Handler = userId), or load the record so that H3Yun sends the ids.",
            error.Message);
        Assert.Single(h3yun.Calls);
        Assert.True(roster.HasChanges);
        Assert.False(string.IsNullOrEmpty(shape));
    }

    [Fact]
    public async Task The_refusal_names_the_row_that_holds_the_unknown_id()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess($$$"""
            {"BizObject":{"ObjectId":"{{{RosterId}}}","D000024FRosterShifts":[
              {"ObjectId":"s-1","ParentObjectId":"{{{RosterId}}}","F0000043":"{{{UserA}}}"},
              {"ObjectId":"s-2","ParentObjectId":"{{{RosterId}}}","F0000043":"{{{UserB}}}"},
              {"ObjectId":"s-3","ParentObjectId":"{{{RosterId}}}","F0000043":"王五"}]}}
            """);
        var rosters = new RosterRepository(h3yun.CreateClient());
        var roster = (await rosters.LoadAsync(RosterId))!;

        roster.Shifts[0].Note = "改";
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => rosters.UpdateAsync(roster));

        Assert.StartsWith("Row 2 of child table 'D000024FRosterShifts': field 'F0000043' holds '王五'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_child_table_is_written_from_its_rows()
    {
        using var json = new RecordJsonWriter();
        var writer = new BizObjectWriter(json, RecordWriteMode.Assigned, H3YunTimeZones.ChinaStandardTime);

        Assert.Equal("rows", Assert.Throws<ArgumentNullException>(() => writer.WriteChildTable<Roster.Shift>("D000024FRosterShifts", null!)).ParamName);
    }

    [Fact]
    public void A_child_table_is_read_into_a_table_with_a_row_factory()
    {
        var rows = System.Text.Json.JsonDocument.Parse("[]").RootElement;
        var table = new H3ChildTable<Roster.Shift>();

        Assert.Equal("table", Assert.Throws<ArgumentNullException>(() => BizValueReader.ReadChildTable<Roster.Shift>(rows, "T", null!, static () => new Roster.Shift())).ParamName);
        Assert.Equal("createRow", Assert.Throws<ArgumentNullException>(() => BizValueReader.ReadChildTable(rows, "T", table, null!)).ParamName);
    }

    [Theory]
    [InlineData("7", "field 'T' should hold an array of child-table rows but holds 7.")]
    [InlineData("[{},\"row\"]", "field 'T' should hold child-table rows as objects but holds \"row\".")]
    public void A_child_table_that_is_no_array_of_objects_is_refused(string json, string message)
    {
        var value = System.Text.Json.JsonDocument.Parse(json).RootElement;

        var error = Assert.ThrowsAny<FormatException>(() => BizValueReader.ReadChildTable(value, "T", new H3ChildTable<Roster.Shift>(), static () => new Roster.Shift()));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Assigning_ids_to_the_refused_fields_lets_the_update_through()
    {
        var (h3yun, rosters, roster) = await Loaded("""{"F0000041":"张三;李四","F0000043":"张三"}""");

        roster.Shifts[0].Staff = [UserA, UserB];
        roster.Shifts[0].Lead = UserA;
        await rosters.UpdateAsync(roster);

        Assert.Equal(
            $$"""{"D000024FRosterShifts":[{"ObjectId":"s-1","F0000041":"{{UserA}};{{UserB}}","F0000043":"{{UserA}}"}]}""",
            JsonAssert.BizObjectText(h3yun.Calls[1].Body));
        Assert.Null(roster.Shifts[0].StaffObjects);
        Assert.Null(roster.Shifts[0].LeadObject);
    }

    [Fact]
    public async Task A_row_shows_the_ids_and_names_H3Yun_reported()
    {
        var (_, _, roster) = await Loaded(
            """{"F0000041":"张三;李四","F0000041Object":[{"ObjectId":"u-1","Name":"张三"},{"ObjectId":"u-2","Name":"李四"}],"F0000042":[{"ObjectId":"c-1","Name":"甲"},{"ObjectId":"c-2"}],"F0000043":{"ObjectId":"u-1","Name":"张三"}}""");
        var shift = roster.Shifts[0];

        Assert.Equal(["u-1", "u-2"], shift.Staff);
        Assert.Equal([new H3Unit("u-1", "张三"), new H3Unit("u-2", "李四")], shift.StaffObjects);
        Assert.Equal([new H3Ref<Customer>("c-1", "甲"), new H3Ref<Customer>("c-2")], shift.Sites);
        Assert.Equal("u-1", shift.Lead);
        Assert.Equal(new H3Unit("u-1", "张三"), shift.LeadObject);
    }

    [Fact]
    public async Task Records_read_as_a_joined_text_of_ids_have_no_names()
    {
        var (_, _, roster) = await Loaded("""{"F0000042":"c-1;c-2"}""");

        Assert.Equal([new H3Ref<Customer>("c-1"), new H3Ref<Customer>("c-2")], roster.Shifts[0].Sites);
    }

    private static async Task<(FakeH3Yun H3Yun, RosterRepository Rosters, Roster Roster)> Loaded(string rowMembers)
    {
        var h3yun = new FakeH3Yun()
            .AnswerSuccess($$$"""{"BizObject":{"ObjectId":"{{{RosterId}}}","D000024FRosterShifts":[{"ObjectId":"s-1","ParentObjectId":"{{{RosterId}}}",{{{rowMembers[1..^1]}}}}]}}""")
            .AnswerSuccess();
        var rosters = new RosterRepository(h3yun.CreateClient());
        var roster = (await rosters.LoadAsync(RosterId))!;
        return (h3yun, rosters, roster);
    }
}
