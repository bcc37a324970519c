using System;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests;

public class UpdateTests
{
    [Fact]
    public async Task Update_merges_only_the_members_sent()
    {
        await using var api = await EmulatorSession.StartAsync();
        var id = await api.CreateAsync("D000024chuangjian", """{"F0000001":"TS-000321","F0000002":"ctes","F0000003":"untouched"}""");

        await api.SucceedAsync($$"""
            {"ActionName":"UpdateBizObject","SchemaCode":"D000024chuangjian","BizObjectId":"{{id}}","BizObject":"{\"F0000001\":\"TS-000322\",\"F0000002\":\"cte1s\"}"}
            """);

        var record = (await api.LoadAsync("D000024chuangjian", id))!;
        Assert.Equal("TS-000322", (string?)record["F0000001"]);
        Assert.Equal("cte1s", (string?)record["F0000002"]);
        Assert.Equal("untouched", (string?)record["F0000003"]);
    }

    [Fact]
    public async Task A_member_sent_as_null_clears_that_field()
    {
        await using var api = await EmulatorSession.StartAsync();
        var id = await api.CreateAsync("FormA", """{"F0000001":"to clear","F0000002":"kept"}""");

        await api.SucceedAsync($$"""
            {"ActionName":"UpdateBizObject","SchemaCode":"FormA","BizObjectId":"{{id}}","BizObject":"{\"F0000001\":null}"}
            """);

        var record = (await api.LoadAsync("FormA", id))!;
        Assert.True(record.ContainsKey("F0000001"));
        Assert.Null(record["F0000001"]);
        Assert.Equal("kept", (string?)record["F0000002"]);
    }

    [Fact]
    public async Task Update_stamps_ModifiedTime_and_ModifiedBy_but_keeps_creation_data()
    {
        await using var api = await EmulatorSession.StartAsync();
        var creator = "f3f69a49-edf6-468d-9aee-8cbc82a46662";
        var id = await api.CreateAsync("FormA", $$"""{"CreatedBy":"{{creator}}","F0000001":"a"}""");
        var before = api.Emulator.Find("FormA", id)!;

        await api.SucceedAsync($$"""
            {"ActionName":"UpdateBizObject","SchemaCode":"FormA","BizObjectId":"{{id}}","BizObject":"{\"F0000001\":\"b\",\"CreatedTime\":\"2000-01-01\",\"Status\":3}"}
            """);

        var after = api.Emulator.Find("FormA", id)!;
        Assert.Equal(creator, (string?)before["ModifiedBy"]);
        Assert.Equal(EmulatorOrganization.AdminUserId, (string?)after["ModifiedBy"]);
        Assert.Equal((string?)before["CreatedTime"], (string?)after["CreatedTime"]);
        Assert.Equal(creator, (string?)after["CreatedBy"]);
        Assert.Equal(1, (int)after["Status"]!);
        Assert.Equal((string?)before["SeqNo"], (string?)after["SeqNo"]);
        Assert.False(string.IsNullOrEmpty((string?)after["ModifiedTime"]));
    }

    [Fact]
    public async Task Update_can_move_a_record_to_another_owner()
    {
        await using var api = await EmulatorSession.StartAsync();
        var id = await api.CreateAsync("FormA", "{}");

        await api.SucceedAsync($$"""
            {"ActionName":"UpdateBizObject","SchemaCode":"FormA","BizObjectId":"{{id}}","BizObject":"{\"OwnerId\":\"user-2\"}"}
            """);

        Assert.Equal("user-2", (string?)api.Emulator.Find("FormA", id)!["OwnerId"]);
    }

    [Fact]
    public async Task Update_of_an_unknown_record_is_refused()
    {
        await using var api = await EmulatorSession.StartAsync();

        var message = await api.FailAsync("""
            { "ActionName":"UpdateBizObject", "SchemaCode":"D000024chuangjian", "BizObjectId":"60561b8e-2296-419a-a647-842ea587941b", "BizObject":"{ \"F0000002\": \"99933399\" }" }
            """);

        Assert.Contains("业务对象不存在", message, StringComparison.Ordinal);
        Assert.Contains("record not found: 60561b8e-2296-419a-a647-842ea587941b", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_without_BizObject_is_refused()
    {
        await using var api = await EmulatorSession.StartAsync();
        var id = await api.CreateAsync("FormA", "{}");

        var message = await api.FailAsync($$"""
            {"ActionName":"UpdateBizObject","SchemaCode":"FormA","BizObjectId":"{{id}}"}
            """);

        Assert.Contains("BizObject", message, StringComparison.Ordinal);
    }
}
