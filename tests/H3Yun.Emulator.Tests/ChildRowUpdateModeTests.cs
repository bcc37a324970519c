using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests;

/// <summary>
/// H3Yun does not document whether UpdateBizObject merges child rows by ObjectId or replaces the table
/// (docs/protocol.md#child-tables-on-update); each <see cref="ChildRowUpdateMode"/> is one plausible answer.
/// </summary>
public class ChildRowUpdateModeTests
{
    private const string Order = EmulatorSession.OrderForm;
    private const string Lines = EmulatorSession.OrderLines;
    private const string FirstRowId = "6c1d0bd4-8a3e-4a43-9df0-1ee3e4a2a111";
    private const string SecondRowId = "6c1d0bd4-8a3e-4a43-9df0-1ee3e4a2a222";
    private const string UnknownRowId = "6c1d0bd4-8a3e-4a43-9df0-1ee3e4a2a999";

    [Fact]
    public void The_default_is_Replace()
    {
        Assert.Equal(ChildRowUpdateMode.Replace, new H3YunEmulatorOptions().ChildRowUpdates);
    }

    [Fact]
    public async Task Replace_makes_the_table_exactly_the_rows_sent_keeping_ids_sent_and_emptying_members_not_sent()
    {
        await using var api = await StartAsync(ChildRowUpdateMode.Replace);
        var id = await CreateTwoRowsAsync(api);

        await UpdateRowsAsync(api, id, $$"""[{"ObjectId":"{{SecondRowId}}","F0000011":"b2"},{"F0000011":"new"}]""");

        var rows = StoredRows(api, id);
        Assert.Equal(2, rows.Length);
        Assert.Equal(SecondRowId, (string?)rows[0]["ObjectId"]);
        Assert.Equal("b2", (string?)rows[0]["F0000011"]);
        Assert.Null(rows[0]["F0000013"]);
        Assert.True(Guid.TryParse((string?)rows[1]["ObjectId"], out _));
        Assert.DoesNotContain((string?)rows[1]["ObjectId"], new[] { FirstRowId, SecondRowId });
        Assert.Equal("new", (string?)rows[1]["F0000011"]);
        Assert.All(rows, row => Assert.Equal(id, (string?)row["ParentObjectId"]));
    }

    [Fact]
    public async Task MergeByObjectId_updates_a_known_row_member_by_member()
    {
        await using var api = await StartAsync(ChildRowUpdateMode.MergeByObjectId);
        var id = await CreateTwoRowsAsync(api);

        await UpdateRowsAsync(api, id, $$"""[{"ObjectId":"{{SecondRowId}}","F0000011":"b2"}]""");

        var row = Assert.Single(StoredRows(api, id));
        Assert.Equal(SecondRowId, (string?)row["ObjectId"]);
        Assert.Equal("b2", (string?)row["F0000011"]);
        Assert.Equal(2.5m, (decimal)row["F0000013"]!);
        Assert.Equal("2026/3/1 0:00:00", (string?)row["F0000012"]);
    }

    [Fact]
    public async Task MergeByObjectId_adds_rows_without_an_id_or_with_an_unknown_one_and_removes_rows_not_sent()
    {
        await using var api = await StartAsync(ChildRowUpdateMode.MergeByObjectId);
        var id = await CreateTwoRowsAsync(api);

        await UpdateRowsAsync(api, id, $$"""[{"F0000011":"added"},{"ObjectId":"{{UnknownRowId}}","F0000011":"unknown id"},{"ObjectId":"{{FirstRowId}}"}]""");

        var rows = StoredRows(api, id);
        Assert.Equal(["added", "unknown id", "a"], rows.Select(row => (string?)row["F0000011"]));
        Assert.DoesNotContain(rows, row => (string?)row["ObjectId"] == SecondRowId);
        Assert.Equal(UnknownRowId, (string?)rows[1]["ObjectId"]);
        Assert.Null(rows[1]["F0000013"]);
        Assert.Equal(1.5m, (decimal)rows[2]["F0000013"]!);
        Assert.All(rows, row => Assert.Equal(id, (string?)row["ParentObjectId"]));
    }

    [Fact]
    public async Task ReplaceWithNewIds_ignores_the_ids_sent_on_update_and_on_create()
    {
        await using var api = await StartAsync(ChildRowUpdateMode.ReplaceWithNewIds);
        var id = await CreateTwoRowsAsync(api);
        var created = StoredRows(api, id);
        Assert.DoesNotContain(created, row => (string?)row["ObjectId"] is FirstRowId or SecondRowId);

        await UpdateRowsAsync(api, id, $$"""[{"ObjectId":"{{(string?)created[0]["ObjectId"]}}","F0000011":"a2"}]""");

        var row = Assert.Single(StoredRows(api, id));
        Assert.NotEqual((string?)created[0]["ObjectId"], (string?)row["ObjectId"]);
        Assert.Equal("a2", (string?)row["F0000011"]);
        Assert.Null(row["F0000013"]);
    }

    [Theory]
    [InlineData(ChildRowUpdateMode.Replace)]
    [InlineData(ChildRowUpdateMode.MergeByObjectId)]
    [InlineData(ChildRowUpdateMode.ReplaceWithNewIds)]
    public async Task In_every_mode_an_update_that_does_not_name_the_table_leaves_it_alone(ChildRowUpdateMode mode)
    {
        await using var api = await StartAsync(mode);
        var id = await CreateTwoRowsAsync(api);
        var before = StoredRows(api, id).Select(row => row.ToJsonString()).ToArray();

        await api.SucceedAsync($$"""
            {"ActionName":"UpdateBizObject","SchemaCode":"{{Order}}","BizObjectId":"{{id}}","BizObject":"{\"F0000001\":\"head\"}"}
            """);

        Assert.Equal(before, StoredRows(api, id).Select(row => row.ToJsonString()));
    }

    [Theory]
    [InlineData(ChildRowUpdateMode.Replace)]
    [InlineData(ChildRowUpdateMode.MergeByObjectId)]
    [InlineData(ChildRowUpdateMode.ReplaceWithNewIds)]
    public async Task In_every_mode_an_empty_array_empties_the_table(ChildRowUpdateMode mode)
    {
        await using var api = await StartAsync(mode);
        var id = await CreateTwoRowsAsync(api);

        await UpdateRowsAsync(api, id, "[]");

        Assert.Empty(StoredRows(api, id));
    }

    [Fact]
    public async Task Two_rows_with_the_same_ObjectId_are_refused_and_change_nothing()
    {
        await using var api = await StartAsync(ChildRowUpdateMode.MergeByObjectId);
        var id = await CreateTwoRowsAsync(api);

        var message = await api.FailAsync(UpdateBody(id, $$"""[{"ObjectId":"{{FirstRowId}}","F0000011":"x"},{"ObjectId":"{{FirstRowId}}","F0000011":"y"}]"""));

        Assert.Contains(FirstRowId, message, StringComparison.Ordinal);
        Assert.Contains(Lines, message, StringComparison.Ordinal);
        Assert.Equal(["a", "b"], StoredRows(api, id).Select(row => (string?)row["F0000011"]));
    }

    [Fact]
    public async Task A_row_read_back_with_its_ObjectId_can_be_sent_again_unchanged_in_every_mode_but_ReplaceWithNewIds()
    {
        foreach (var mode in new[] { ChildRowUpdateMode.Replace, ChildRowUpdateMode.MergeByObjectId })
        {
            await using var api = await StartAsync(mode);
            var id = await CreateTwoRowsAsync(api);
            var read = (await api.LoadAsync(Order, id))![Lines]!.ToJsonString();

            await UpdateRowsAsync(api, id, read);

            Assert.Equal(read, (await api.LoadAsync(Order, id))![Lines]!.ToJsonString());
        }
    }

    private static async Task<EmulatorSession> StartAsync(ChildRowUpdateMode mode)
    {
        var options = EmulatorSession.SchemaOptions();
        options.ChildRowUpdates = mode;
        return await EmulatorSession.StartAsync(options);
    }

    private static Task<string> CreateTwoRowsAsync(EmulatorSession api) => api.CreateAsync(Order, $$"""
        {"F0000001":"order","{{Lines}}":[
          {"ObjectId":"{{FirstRowId}}","F0000011":"a","F0000013":1.5,"F0000012":"2026-02-01"},
          {"ObjectId":"{{SecondRowId}}","F0000011":"b","F0000013":2.5,"F0000012":"2026-03-01"}]}
        """);

    private static string UpdateBody(string id, string rowsJson) =>
        $$"""{"ActionName":"UpdateBizObject","SchemaCode":"{{Order}}","BizObjectId":"{{id}}","BizObject":{{EmulatorSession.Quote($$"""{"{{Lines}}":{{rowsJson}}}""")}}}""";

    private static Task<JsonObject> UpdateRowsAsync(EmulatorSession api, string id, string rowsJson) => api.SucceedAsync(UpdateBody(id, rowsJson));

    private static JsonObject[] StoredRows(EmulatorSession api, string id) =>
        [.. api.Emulator.Find(Order, id)![Lines]!.AsArray().Select(row => row!.AsObject())];
}
