using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests;

public class AuthenticationTests
{
    private const string CreateBody = """
        {"ActionName":"CreateBizObject","SchemaCode":"D000024chuangjian","BizObject":"{\"F0000001\":\"添加数据测试\"}","IsSubmit":"true"}
        """;

    [Fact]
    public async Task A_wrong_secret_gets_H3Yuns_failure_envelope_and_nothing_is_stored()
    {
        await using var api = await EmulatorSession.StartAsync();

        using var response = await api.PostAsync(CreateBody, api.Emulator.EngineCode, "not-the-secret");
        var envelope = await EmulatorSession.ReadEnvelopeAsync(response);

        Assert.False((bool)envelope["Successful"]!);
        Assert.Contains("EngineCode/EngineSecret 错误", (string?)envelope["ErrorMessage"]);
        Assert.Null(envelope["ReturnData"]);
        Assert.Equal(0, api.Emulator.Count("D000024chuangjian"));
    }

    [Fact]
    public async Task A_wrong_engine_code_is_refused_too()
    {
        await using var api = await EmulatorSession.StartAsync();

        using var response = await api.PostAsync(CreateBody, "someone-else", api.Emulator.EngineSecret);
        var envelope = await EmulatorSession.ReadEnvelopeAsync(response);

        Assert.False((bool)envelope["Successful"]!);
        Assert.Equal(0, api.Emulator.Count("D000024chuangjian"));
    }

    [Fact]
    public async Task Missing_headers_are_refused()
    {
        await using var api = await EmulatorSession.StartAsync();

        using var response = await api.PostAsync(CreateBody, engineCode: null, engineSecret: null);
        var envelope = await EmulatorSession.ReadEnvelopeAsync(response);

        Assert.False((bool)envelope["Successful"]!);
        Assert.Contains("EngineSecret", (string?)envelope["ErrorMessage"]);
    }

    [Fact]
    public async Task Each_instance_makes_up_its_own_secret_unless_one_is_configured()
    {
        await using var first = await H3YunEmulator.StartAsync();
        await using var second = await H3YunEmulator.StartAsync();
        var options = new H3YunEmulatorOptions { EngineCode = "my-engine", EngineSecret = "configured-for-this-test" };
        await using var configured = await H3YunEmulator.StartAsync(options);

        Assert.False(string.IsNullOrWhiteSpace(first.EngineSecret));
        Assert.NotEqual(first.EngineSecret, second.EngineSecret);
        Assert.Equal("emulator-engine", first.EngineCode);
        Assert.Equal("my-engine", configured.EngineCode);
        Assert.Equal("configured-for-this-test", configured.EngineSecret);
    }

    [Fact]
    public async Task The_right_credentials_are_accepted()
    {
        await using var api = await EmulatorSession.StartAsync();

        var returnData = await api.SucceedAsync(CreateBody);

        Assert.NotNull(returnData["BizObjectId"]);
        Assert.Equal(1, api.Emulator.Count("D000024chuangjian"));
    }
}
