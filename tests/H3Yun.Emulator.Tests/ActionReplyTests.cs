using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests;

/// <summary>Each action answers with the ReturnData shape H3Yun uses; the request bodies are the official samples.</summary>
public class ActionReplyTests
{
    [Fact]
    public async Task CreateBizObject_official_sample_returns_the_new_id_and_an_empty_workflow_id()
    {
        await using var api = await EmulatorSession.StartAsync();

        var returnData = await api.SucceedAsync("""
            { "ActionName":"CreateBizObject", "SchemaCode":"D000024chuangjian", "BizObject":" { \"CreatedBy\": \"f3f69a49-edf6-468d-9aee-8cbc82a46662\", \"OwnerId\": \" f3f69a49-edf6-468d-9aee-8cbc82a46662\", \"F0000002\": \"123\", \"F0000009\": \"03ea2021-f7d5-4001-b996-7115e63f4319;6d1af175-a49d-48ad-bc3e-52aa35bb34df;db4d0ace-9a0c-4c57-bc3d-47138856c6a6\", \"D000024Fdetail123\": [ { \"zh\": \"123\" }, { \"zh\": \"312\" } ] }", "IsSubmit":"true" }
            """);

        Assert.Equal(["BizObjectId", "WorkflowInstanceId"], returnData.Select(member => member.Key));
        var id = (string)returnData["BizObjectId"]!;
        Assert.True(Guid.TryParseExact(id, "D", out _), id);
        Assert.Equal(string.Empty, (string?)returnData["WorkflowInstanceId"]);
        var stored = api.Emulator.Find("D000024chuangjian", id)!;
        Assert.Equal("123", (string?)stored["F0000002"]);
        Assert.Equal("f3f69a49-edf6-468d-9aee-8cbc82a46662", (string?)stored["OwnerId"]);
    }

    [Theory]
    [InlineData("\"true\"", 1)]
    [InlineData("true", 1)]
    [InlineData("\"false\"", 0)]
    [InlineData("false", 0)]
    [InlineData("null", 0)]
    public async Task IsSubmit_as_bool_or_string_picks_Effective_or_Draft(string isSubmit, int expectedStatus)
    {
        await using var api = await EmulatorSession.StartAsync();

        var returnData = await api.SucceedAsync($$"""
            {"ActionName":"CreateBizObject","SchemaCode":"D000024chuangjian","BizObject":"{\"F0000001\":\"x\"}","IsSubmit":{{isSubmit}}}
            """);

        var stored = api.Emulator.Find("D000024chuangjian", (string)returnData["BizObjectId"]!)!;
        Assert.Equal(expectedStatus, (int)stored["Status"]!);
    }

    [Fact]
    public async Task IsSubmit_left_out_creates_a_draft()
    {
        await using var api = await EmulatorSession.StartAsync();

        var returnData = await api.SucceedAsync("""
            {"ActionName":"CreateBizObject","SchemaCode":"D000024chuangjian","BizObject":"{\"F0000001\":\"添加数据测试\",\"F0000002\":\"ctes\"}"}
            """);

        Assert.Equal(0, (int)api.Emulator.Find("D000024chuangjian", (string)returnData["BizObjectId"]!)!["Status"]!);
    }

    [Fact]
    public async Task IsSubmit_that_is_not_a_boolean_is_refused()
    {
        await using var api = await EmulatorSession.StartAsync();

        var message = await api.FailAsync("""
            {"ActionName":"CreateBizObject","SchemaCode":"D000024chuangjian","BizObject":"{}","IsSubmit":"yes"}
            """);

        Assert.Contains("IsSubmit", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_BizObject_sent_as_an_object_instead_of_a_string_is_accepted()
    {
        await using var api = await EmulatorSession.StartAsync();

        var returnData = await api.SucceedAsync("""
            {"ActionName":"CreateBizObject","SchemaCode":"D000024chuangjian","BizObject":{"F0000001":"plain object"},"IsSubmit":true}
            """);

        Assert.Equal("plain object", (string?)api.Emulator.Find("D000024chuangjian", (string)returnData["BizObjectId"]!)!["F0000001"]);
    }

    [Fact]
    public async Task CreateBizObjects_official_sample_returns_one_id_per_item_in_order()
    {
        await using var api = await EmulatorSession.StartAsync();

        var returnData = await api.SucceedAsync("""
            { "ActionName":"CreateBizObjects", "SchemaCode":"D000024chuangjian", "BizObjectArray":["{ \"CreatedBy\": \"f3f69a49-edf6-468d-9aee-8cbc82a46662\", \"OwnerId\": \"f3f69a49-edf6-468d-9aee-8cbc82a46662\", \"F0000002\": \"123\", \"F0000009\": \"03ea2021-f7d5-4001-b996-7115e63f4319;6d1af175-a49d-48ad-bc3e-52aa35bb34df;db4d0ace-9a0c-4c57-bc3d-47138856c6a6\", \"D000024Fdetail123\": [ { \"zh\": \"123\" }, { \"zh\": \"312\" } ] }","{ \"CreatedBy\": \"f3f69a49-edf6-468d-9aee-8cbc82a46662\", \"OwnerId\": \"f3f69a49-edf6-468d-9aee-8cbc82a46662\", \"F0000002\": \"456\", \"F0000009\": \"03ea2021-f7d5-4001-b996-7115e63f4319\", \"D000024Fdetail123\": [ { \"zh\": \"123\" }, { \"zh\": \"312\" } ] }"], "IsSubmit":"true" }
            """);

        var ids = returnData["BizObjectIdArray"]!.AsArray().Select(id => (string)id!).ToList();
        Assert.Equal(2, ids.Count);
        Assert.NotEqual(ids[0], ids[1]);
        Assert.Equal("123", (string?)api.Emulator.Find("D000024chuangjian", ids[0])!["F0000002"]);
        Assert.Equal("456", (string?)api.Emulator.Find("D000024chuangjian", ids[1])!["F0000002"]);
        Assert.Equal(2, api.Emulator.Count("D000024chuangjian"));
    }

    [Fact]
    public async Task CreateBizObjects_accepts_objects_instead_of_strings()
    {
        await using var api = await EmulatorSession.StartAsync();

        var returnData = await api.SucceedAsync("""
            {"ActionName":"CreateBizObjects","SchemaCode":"D000024chuangjian","BizObjectArray":[{"F0000001":"a"},"{\"F0000001\":\"b\"}"],"IsSubmit":false}
            """);

        Assert.Equal(2, returnData["BizObjectIdArray"]!.AsArray().Count);
        Assert.Equal(2, api.Emulator.Count("D000024chuangjian"));
    }

    [Fact]
    public async Task CreateBizObjects_stores_nothing_when_any_item_is_bad()
    {
        await using var api = await EmulatorSession.StartAsync();

        var message = await api.FailAsync("""
            {"ActionName":"CreateBizObjects","SchemaCode":"D000024chuangjian","BizObjectArray":["{\"F0000001\":\"good\"}","{\"F0000001\":"],"IsSubmit":true}
            """);

        Assert.Contains("BizObjectArray[1]", message, StringComparison.Ordinal);
        Assert.Equal(0, api.Emulator.Count("D000024chuangjian"));
    }

    [Fact]
    public async Task LoadBizObject_returns_the_record_under_BizObject()
    {
        await using var api = await EmulatorSession.StartAsync();
        var id = await api.CreateAsync("D000024chuangjian", """{"F0000001":"TS-000322"}""");

        var returnData = await api.SucceedAsync($$"""
            {"ActionName":"LoadBizObject","SchemaCode":"D000024chuangjian","BizObjectId":"{{id}}"}
            """);

        var record = returnData["BizObject"]!.AsObject();
        Assert.Equal(id, (string?)record["ObjectId"]);
        Assert.Equal("TS-000322", (string?)record["F0000001"]);
    }

    [Fact]
    public async Task LoadBizObject_of_an_unknown_id_succeeds_with_a_null_BizObject()
    {
        await using var api = await EmulatorSession.StartAsync();

        var returnData = await api.SucceedAsync("""
            {"ActionName":"LoadBizObject","SchemaCode":"D0015994821985e8b434394bc0737ffb22a0584","BizObjectId":"b1540570-d463-4325-8ca1-759ec3d7aa03"}
            """);

        Assert.True(returnData.ContainsKey("BizObject"));
        Assert.Null(returnData["BizObject"]);
    }

    [Fact]
    public async Task LoadBizObjects_returns_BizObjectArray()
    {
        await using var api = await EmulatorSession.StartAsync();
        await api.CreateAsync("D000024chuangjian", """{"F0000001":"one"}""");

        var returnData = await api.SucceedAsync("""
            {"ActionName":"LoadBizObjects","SchemaCode":"D000024chuangjian","Filter":"{\"FromRowNum\":   0,\"RequireCount\": false,\"ReturnItems\": [],   \"SortByCollection\": [],\"ToRowNum\": 500,   \"Matcher\": { \"Type\": \"And\",   \"Matchers\": []}}"}
            """);

        Assert.Equal(["BizObjectArray"], returnData.Select(member => member.Key));
        Assert.Equal("one", (string?)returnData["BizObjectArray"]![0]!["F0000001"]);
    }

    [Fact]
    public async Task RemoveBizObject_deletes_and_a_second_remove_fails()
    {
        await using var api = await EmulatorSession.StartAsync();
        var id = await api.CreateAsync("D0015994821985e8b434394bc0737ffb22a0584", """{"F0000001":"doomed"}""");
        var body = $$"""
            {"ActionName":"RemoveBizObject","SchemaCode":"D0015994821985e8b434394bc0737ffb22a0584","BizObjectId":"{{id}}"}
            """;

        await api.SucceedAsync(body);
        var message = await api.FailAsync(body);

        Assert.Equal(0, api.Emulator.Count("D0015994821985e8b434394bc0737ffb22a0584"));
        Assert.Contains($"record not found: {id}", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Records_are_kept_per_SchemaCode()
    {
        await using var api = await EmulatorSession.StartAsync();
        var id = await api.CreateAsync("FormA", """{"F0000001":"a"}""");

        Assert.Null(await api.LoadAsync("FormB", id));
        Assert.NotNull(await api.LoadAsync("FormA", id));
        Assert.Equal(1, api.Emulator.Count("FormA"));
        Assert.Equal(0, api.Emulator.Count("FormB"));
    }

    [Fact]
    public async Task SeqNo_counts_per_form_after_the_China_year()
    {
        await using var api = await EmulatorSession.StartAsync();
        var year = DateTime.UtcNow.AddHours(8).Year;

        var first = await api.CreateAsync("FormA", "{}");
        var second = await api.CreateAsync("FormA", "{}");
        var otherForm = await api.CreateAsync("FormB", "{}");

        Assert.Equal($"{year}00000001", (string?)api.Emulator.Find("FormA", first)!["SeqNo"]);
        Assert.Equal($"{year}00000002", (string?)api.Emulator.Find("FormA", second)!["SeqNo"]);
        Assert.Equal($"{year}00000001", (string?)api.Emulator.Find("FormB", otherForm)!["SeqNo"]);
    }

    [Fact]
    public async Task Server_owned_fields_sent_by_a_client_are_ignored()
    {
        await using var api = await EmulatorSession.StartAsync();

        var id = await api.CreateAsync("FormA", """
            {"ObjectId":"11111111-1111-1111-1111-111111111111","Status":3,"SeqNo":"999","CreatedTime":"2000-01-01","ModifiedBy":"x","WorkflowInstanceId":"w","F0000001":"kept"}
            """, isSubmit: true);

        var stored = api.Emulator.Find("FormA", id)!;
        Assert.NotEqual("11111111-1111-1111-1111-111111111111", id);
        Assert.Equal(1, (int)stored["Status"]!);
        Assert.NotEqual("999", (string?)stored["SeqNo"]);
        Assert.DoesNotContain("2000", (string?)stored["CreatedTime"], StringComparison.Ordinal);
        Assert.Equal(string.Empty, (string?)stored["WorkflowInstanceId"]);
        Assert.Equal("kept", (string?)stored["F0000001"]);
    }

    [Fact]
    public async Task Concurrent_creates_get_distinct_ids_and_SeqNos()
    {
        await using var api = await EmulatorSession.StartAsync();

        var ids = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => api.CreateAsync("FormA", $$"""{"F0000001":{{i}}}""")));

        Assert.Equal(40, ids.Distinct().Count());
        Assert.Equal(40, ids.Select(id => (string?)api.Emulator.Find("FormA", id)!["SeqNo"]).Distinct().Count());
        Assert.Equal(40, api.Emulator.Count("FormA"));
    }

    [Fact]
    public async Task Find_returns_a_copy_that_cannot_change_the_stored_record()
    {
        await using var api = await EmulatorSession.StartAsync();
        var id = await api.CreateAsync("FormA", """{"F0000001":"original"}""");

        var copy = api.Emulator.Find("FormA", id)!;
        copy["F0000001"] = JsonValue.Create("tampered");

        Assert.Equal("original", (string?)(await api.LoadAsync("FormA", id))!["F0000001"]);
    }

    [Fact]
    public async Task Clear_forgets_records_and_requests()
    {
        await using var api = await EmulatorSession.StartAsync();
        await api.CreateAsync("FormA", "{}");

        api.Emulator.Clear();

        Assert.Equal(0, api.Emulator.Count("FormA"));
        Assert.Empty(api.Emulator.Requests);
    }
}
