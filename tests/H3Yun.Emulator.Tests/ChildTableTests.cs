using System;
using System.Linq;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests;

public class ChildTableTests
{
    [Fact]
    public async Task Child_rows_get_an_ObjectId_their_ParentObjectId_and_a_null_Name()
    {
        await using var api = await EmulatorSession.StartAsync();
        var id = await api.CreateAsync("D000024chuangjian", """
            {"F0000002":"123","D000024Fdetail123":[{"zh":"123"},{"zh":"312"}]}
            """);

        var rows = (await api.LoadAsync("D000024chuangjian", id))!["D000024Fdetail123"]!.AsArray();

        Assert.Equal(2, rows.Count);
        Assert.Equal(["123", "312"], rows.Select(row => (string)row!["zh"]!));
        Assert.All(rows, row =>
        {
            Assert.True(Guid.TryParseExact((string?)row!["ObjectId"], "D", out _));
            Assert.Equal(id, (string?)row["ParentObjectId"]);
            Assert.True(row.AsObject().ContainsKey("Name"));
            Assert.Null(row["Name"]);
        });
        Assert.NotEqual((string?)rows[0]!["ObjectId"], (string?)rows[1]!["ObjectId"]);
    }

    [Fact]
    public async Task A_rows_Name_is_kept_and_a_blank_ObjectId_gets_a_new_one()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var id = await api.CreateAsync(EmulatorSession.OrderForm, $$"""{"{{EmulatorSession.OrderLines}}":[{"ObjectId":"","Name":"第一行","F0000011":"螺丝"}]}""");

        var row = (await api.LoadAsync(EmulatorSession.OrderForm, id))![EmulatorSession.OrderLines]![0]!;

        Assert.Equal("第一行", (string?)row["Name"]);
        Assert.True(Guid.TryParseExact((string?)row["ObjectId"], "D", out _));
    }

    [Theory]
    [InlineData("[null]", "child-table row D000100FLines[0] is null")]
    [InlineData("""[{"F0000011":"a"},{"ObjectId":{}}]""", "D000100FLines[1].ObjectId must be a string, got an object")]
    [InlineData("""[{"Name":[]}]""", "D000100FLines[0].Name must be a string, got an array")]
    [InlineData("""[{"F0000099":"x"}]""", "child table D000100FLines (明细) of form D000100Order (订单) has no field code 'F0000099'")]
    public async Task A_malformed_row_is_refused_naming_the_row_and_member(string rows, string expected)
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();

        var bizObject = EmulatorSession.Quote($$"""{"{{EmulatorSession.OrderLines}}":{{rows}}}""");

        var message = await api.FailAsync($$"""{"ActionName":"CreateBizObject","SchemaCode":"{{EmulatorSession.OrderForm}}","BizObject":{{bizObject}},"IsSubmit":true}""");

        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Equal(0, api.Emulator.Count(EmulatorSession.OrderForm));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("null")]
    public async Task A_child_table_sent_blank_has_no_rows(string rows)
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var id = await api.CreateAsync(EmulatorSession.OrderForm, $$"""{"F0000001":"x","{{EmulatorSession.OrderLines}}":{{rows}}}""");

        var record = (await api.LoadAsync(EmulatorSession.OrderForm, id))!;

        Assert.Empty(record[EmulatorSession.OrderLines]!.AsArray());
    }

    [Fact]
    public async Task Without_a_schema_an_array_of_objects_and_other_values_is_a_plain_value()
    {
        await using var api = await EmulatorSession.StartAsync();
        var id = await api.CreateAsync("FormA", """{"Mixed":[{"a":1},5]}""");

        var record = (await api.LoadAsync("FormA", id))!;

        Assert.Equal("""[{"a":1},5]""", record["Mixed"]!.ToJsonString());
    }

    [Fact]
    public async Task A_row_that_carries_an_ObjectId_keeps_it()
    {
        await using var api = await EmulatorSession.StartAsync();
        var id = await api.CreateAsync("FormA", """
            {"D000024Fdetail123":[{"ObjectId":"6c1d0bd4-8a3e-4a43-9df0-1ee3e4a2a111","zh":"kept id"}]}
            """);

        var row = api.Emulator.Find("FormA", id)!["D000024Fdetail123"]![0]!;

        Assert.Equal("6c1d0bd4-8a3e-4a43-9df0-1ee3e4a2a111", (string?)row["ObjectId"]);
        Assert.Equal(id, (string?)row["ParentObjectId"]);
    }

    [Fact]
    public async Task Updating_a_child_table_replaces_its_rows()
    {
        await using var api = await EmulatorSession.StartAsync();
        var id = await api.CreateAsync("FormA", """
            {"F0000001":"head","D000024Fdetail123":[{"zh":"1"},{"zh":"2"},{"zh":"3"}]}
            """);
        var keptRowId = (string)api.Emulator.Find("FormA", id)!["D000024Fdetail123"]![1]!["ObjectId"]!;

        await api.SucceedAsync($$"""
            {"ActionName":"UpdateBizObject","SchemaCode":"FormA","BizObjectId":"{{id}}","BizObject":"{\"D000024Fdetail123\":[{\"ObjectId\":\"{{keptRowId}}\",\"zh\":\"2b\"}]}"}
            """);

        var record = (await api.LoadAsync("FormA", id))!;
        var rows = record["D000024Fdetail123"]!.AsArray();
        var row = Assert.Single(rows);
        Assert.Equal(keptRowId, (string?)row!["ObjectId"]);
        Assert.Equal("2b", (string?)row["zh"]);
        Assert.Equal("head", (string?)record["F0000001"]);
    }

    [Fact]
    public async Task A_child_table_sent_as_a_JSON_string_is_accepted_with_a_schema()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var id = await api.CreateAsync(EmulatorSession.OrderForm, """
            {"D000100FLines":"[{\"F0000011\":\"螺丝\"}]"}
            """);

        var row = (await api.LoadAsync(EmulatorSession.OrderForm, id))!["D000100FLines"]![0]!;

        Assert.Equal("螺丝", (string?)row["F0000011"]);
        Assert.Equal(id, (string?)row["ParentObjectId"]);
    }
}
