using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using H3Yun.Emulator;

namespace H3Yun.Runtime.Tests;

/// <summary>Custom API classes of H3Yun's backend, called through the client against the emulator and on the wire.</summary>
public sealed class CustomApiTests : IAsyncLifetime, IDisposable
{
    private const string App = "D001599BookManager";
    private H3YunEmulator _emulator = null!;
    private H3YunClient _client = null!;

    public async Task InitializeAsync()
    {
        var options = new H3YunEmulatorOptions();
        options.CustomApis.Add("MyApiController", "SelectUser", static (request, response, _) =>
        {
            response.ReturnData["UserName"] = request.GetValue("UserName");
            response.ReturnData["Count"] = int.Parse(request.GetValue("Count", "0")!, System.Globalization.CultureInfo.InvariantCulture) + 1;
            return ValueTask.CompletedTask;
        }, App);
        options.CustomApis.Add("MyApiController", "Fail", static (_, response, _) =>
        {
            response.Errors.Add("用户不存在");
            return ValueTask.CompletedTask;
        }, App);
        _emulator = await H3YunEmulator.StartAsync(options);
        _client = new H3YunClient(new H3YunClientOptions
        {
            BaseAddress = _emulator.BaseAddress,
            EngineCode = _emulator.EngineCode,
            EngineSecret = _emulator.EngineSecret,
            RequestsPerSecond = null,
        });
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task A_custom_api_takes_parameters_and_answers_typed_return_data()
    {
        var request = new CustomApiRequest(App, "MyApiController", "SelectUser") { Parameters = { ["UserName"] = "lmz", ["Count"] = 41 } };

        var user = await _client.InvokeCustomAsync(request, CustomApiJson.Default.UserInfo);
        var raw = await _client.InvokeCustomAsync(request);

        Assert.Equal(new UserInfo("lmz", 42), user);
        Assert.Equal("lmz", raw.GetProperty("UserName").GetString());
    }

    [Theory]
    [InlineData("""{"Successful":true,"ErrorMessage":null,"ReturnData":null}""")]
    [InlineData("""{"Successful":true,"ErrorMessage":null}""")]
    public async Task A_typed_custom_api_that_returns_nothing_gives_the_types_default(string envelope)
    {
        var h3yun = new FakeH3Yun().Answer(System.Net.HttpStatusCode.OK, envelope);
        using var client = h3yun.CreateClient();

        var count = await client.InvokeCustomAsync(new CustomApiRequest(App, "MyApiController", "Count"), CustomApiJson.Default.Int32);

        Assert.Equal(0, count);
    }

    [Fact]
    public async Task The_body_is_the_official_shape_with_parameters_at_the_top_level()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess("""{"UserIdPair":"{}"}""");
        using var client = h3yun.CreateClient();

        await client.InvokeCustomAsync(new CustomApiRequest(App, "MyApiController", "SelectUser") { Parameters = { ["UserName"] = "lmz", ["Ids"] = new JsonArray("a", "b") } });

        JsonAssert.Equivalent(
            """{"ActionName":"SelectUser","Controller":"MyApiController","AppCode":"D001599BookManager","UserName":"lmz","Ids":["a","b"]}""",
            h3yun.Calls.Single().Body);
    }

    [Fact]
    public async Task A_custom_apis_errors_are_an_api_exception_whose_outcome_is_unknown()
    {
        var error = await Assert.ThrowsAsync<H3YunApiException>(() => _client.InvokeCustomAsync(new CustomApiRequest(App, "MyApiController", "Fail")));

        Assert.Equal("Fail", error.ActionName);
        Assert.Contains("用户不存在", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(WriteOutcome.Unknown, error.Outcome);
    }

    [Fact]
    public async Task A_custom_api_declared_read_only_is_retried_like_a_load()
    {
        _emulator.Faults.Enqueue(EmulatorFault.HttpStatus(503), "SelectUser");

        var user = await _client.InvokeCustomAsync(
            new CustomApiRequest(App, "MyApiController", "SelectUser") { IsReadOnly = true, Parameters = { ["UserName"] = "x" } }, CustomApiJson.Default.UserInfo);

        Assert.Equal("x", user?.UserName);
    }

    [Fact]
    public async Task A_custom_write_is_not_retried_after_a_failure_that_may_have_reached_H3Yun()
    {
        _emulator.Faults.Enqueue(EmulatorFault.HttpStatus(503), "SelectUser");

        var error = await Assert.ThrowsAsync<H3YunTransportException>(() => _client.InvokeCustomAsync(new CustomApiRequest(App, "MyApiController", "SelectUser")));

        Assert.Equal(WriteOutcome.Unknown, error.Outcome);
        Assert.Single(_emulator.Requests, r => r.ActionName == "SelectUser");
    }

    [Theory]
    [InlineData("LoadBizObject")]
    [InlineData("CreateBizObjects")]
    [InlineData("RemoveBizObject")]
    public void A_built_in_action_name_is_refused_before_sending(string actionName)
    {
        var error = Assert.Throws<ArgumentException>(() => new CustomApiRequest(App, "MyApiController", actionName));

        Assert.Contains("built-in", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parameter_cannot_replace_the_calls_own_names()
    {
        var request = new CustomApiRequest(App, "MyApiController", "SelectUser") { Parameters = { ["AppCode"] = "other" } };

        await Assert.ThrowsAsync<ArgumentException>(() => _client.InvokeCustomAsync(request));
        Assert.Empty(_emulator.Requests);
    }

    [Fact]
    public async Task Return_data_that_does_not_fit_the_type_is_a_protocol_exception_saying_so()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess("""{"UserName":7,"Count":"many"}""");
        using var client = h3yun.CreateClient();

        var error = await Assert.ThrowsAsync<H3YunProtocolException>(() =>
            client.InvokeCustomAsync(new CustomApiRequest(App, "MyApiController", "SelectUser") { IsReadOnly = true }, CustomApiJson.Default.UserInfo));

        Assert.Contains(nameof(UserInfo), error.Message, StringComparison.Ordinal);
    }
}

/// <summary>What the SelectUser action answers.</summary>
public sealed record UserInfo(string? UserName, int Count);

[JsonSerializable(typeof(UserInfo))]
[JsonSerializable(typeof(int))]
internal sealed partial class CustomApiJson : JsonSerializerContext;
