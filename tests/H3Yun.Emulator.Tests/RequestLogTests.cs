using System;
using System.Linq;
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
            [("CreateBizObject", "FormA", Create), ("LoadBizObjects", "FormB", Load)],
            api.Emulator.Requests.Select(request => (request.ActionName, request.SchemaCode, request.Body)));
        Assert.Equal([1L, 2L], api.Emulator.Requests.Select(request => request.Sequence));
        Assert.All(api.Emulator.Requests, request =>
        {
            Assert.Equal("/OpenApi/Invoke", request.Path);
            Assert.Equal(RequestOutcome.Succeeded, request.Outcome);
            Assert.True(request.Processed);
            Assert.Equal(200, request.StatusCode);
            Assert.Contains("\"Successful\":true", request.Answer, StringComparison.Ordinal);
            Assert.NotNull(request.Duration);
            Assert.Equal(api.Emulator.EngineCode, request.EngineCode);
        });
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
    public async Task A_secret_a_client_put_into_a_body_is_masked_in_every_form_in_the_log()
    {
        await using var api = await EmulatorSession.StartAsync(new H3YunEmulatorOptions { EngineSecret = "a+b/c==secret\"x" });
        var secret = api.Emulator.EngineSecret;
        var body = $$"""{"ActionName":"LoadBizObjects","SchemaCode":"FormA","Raw":{{System.Text.Json.JsonSerializer.Serialize(secret)}},"Url":"{{Uri.EscapeDataString(secret)}}"}""";

        await api.SucceedAsync(body);

        var logged = Assert.Single(api.Emulator.Requests);
        Assert.DoesNotContain("secret", logged.Body, StringComparison.Ordinal);
        Assert.Contains("\"Raw\":\"***\"", logged.Body, StringComparison.Ordinal);
        Assert.Contains("\"Url\":\"***\"", logged.Body, StringComparison.Ordinal);
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
