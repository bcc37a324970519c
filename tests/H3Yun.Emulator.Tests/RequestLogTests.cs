using System;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests;

public class RequestLogTests
{
    [Fact]
    public async Task Requests_are_recorded_in_order_with_action_schema_and_raw_body()
    {
        await using var api = await EmulatorSession.StartAsync();
        const string Create = """{"ActionName":"CreateBizObject","SchemaCode":"FormA","BizObject":"{\"F0000001\":\"x\"}","IsSubmit":true}""";
        const string Load = """{"ActionName":"LoadBizObjects","SchemaCode":"FormB","Filter":"{}"}""";

        await api.SucceedAsync(Create);
        await api.SucceedAsync(Load);

        Assert.Equal(
            [new RecordedRequest("CreateBizObject", "FormA", Create), new RecordedRequest("LoadBizObjects", "FormB", Load)],
            api.Emulator.Requests);
    }

    [Fact]
    public async Task The_secret_is_never_recorded_even_for_refused_requests()
    {
        await using var api = await EmulatorSession.StartAsync();

        await api.SucceedAsync("""{"ActionName":"LoadBizObjects","SchemaCode":"FormA"}""");
        using var refused = await api.PostAsync("""{"ActionName":"LoadBizObjects","SchemaCode":"FormA"}""", api.Emulator.EngineCode, "wrong-secret");

        Assert.Equal(2, api.Emulator.Requests.Count);
        Assert.All(api.Emulator.Requests, request =>
        {
            Assert.DoesNotContain(api.Emulator.EngineSecret, request.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("wrong-secret", request.ToString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_recorded_without_names()
    {
        await using var api = await EmulatorSession.StartAsync();

        await api.FailAsync("ActionName=LoadBizObjects");

        var request = Assert.Single(api.Emulator.Requests);
        Assert.Null(request.ActionName);
        Assert.Null(request.SchemaCode);
        Assert.Equal("ActionName=LoadBizObjects", request.Body);
    }

    [Fact]
    public async Task The_log_is_a_snapshot()
    {
        await using var api = await EmulatorSession.StartAsync();
        await api.SucceedAsync("""{"ActionName":"LoadBizObjects","SchemaCode":"FormA"}""");

        var before = api.Emulator.Requests;
        await api.SucceedAsync("""{"ActionName":"LoadBizObjects","SchemaCode":"FormA"}""");

        Assert.Single(before);
        Assert.Equal(2, api.Emulator.Requests.Count);
    }
}
