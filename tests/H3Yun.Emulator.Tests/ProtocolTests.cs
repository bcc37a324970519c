using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests;

public class ProtocolTests
{
    [Fact]
    public async Task Listens_on_loopback_only()
    {
        await using var emulator = await H3YunEmulator.StartAsync();

        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.NotEqual(0, emulator.BaseAddress.Port);
        Assert.EndsWith("/", emulator.BaseAddress.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_envelope_has_H3Yuns_members_in_H3Yuns_order()
    {
        await using var api = await EmulatorSession.StartAsync();

        using var response = await api.PostAsync("""
            {"ActionName":"LoadBizObject","SchemaCode":"D0015994821985e8b434394bc0737ffb22a0584","BizObjectId":"b1540570-d463-4325-8ca1-759ec3d7aa03"}
            """, api.Emulator.EngineCode, api.Emulator.EngineSecret);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("""{"Successful":true,"ErrorMessage":null,"Logined":false,"ReturnData":{"BizObject":null},"DataType":0}""", text);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task The_path_is_case_insensitive_like_H3Yuns()
    {
        await using var api = await EmulatorSession.StartAsync();

        using var response = await api.PostAsync("""
            {"ActionName":"LoadBizObjects","SchemaCode":"D000024chuangjian"}
            """, api.Emulator.EngineCode, api.Emulator.EngineSecret, path: "openapi/invoke");
        var envelope = await EmulatorSession.ReadEnvelopeAsync(response);

        Assert.True((bool)envelope["Successful"]!);
    }

    [Fact]
    public async Task Other_paths_are_not_found()
    {
        await using var api = await EmulatorSession.StartAsync();

        using var response = await api.PostAsync("{}", api.Emulator.EngineCode, api.Emulator.EngineSecret, path: "OpenApi/Nothing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_malformed_body_is_a_business_error_that_says_what_is_wrong()
    {
        await using var api = await EmulatorSession.StartAsync();

        var message = await api.FailAsync("""{"ActionName":"LoadBizObject","SchemaCode":""");

        Assert.Contains("not valid JSON", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_an_object_is_refused()
    {
        await using var api = await EmulatorSession.StartAsync();

        var message = await api.FailAsync("""["LoadBizObject"]""");

        Assert.Contains("must be a JSON object", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_BizObject_string_is_refused_naming_the_member()
    {
        await using var api = await EmulatorSession.StartAsync();

        var message = await api.FailAsync("""
            {"ActionName":"CreateBizObject","SchemaCode":"D000024chuangjian","BizObject":"{\"F0000001\":","IsSubmit":true}
            """);

        Assert.Contains("BizObject", message, StringComparison.Ordinal);
        Assert.Equal(0, api.Emulator.Count("D000024chuangjian"));
    }

    [Fact]
    public async Task A_missing_SchemaCode_is_refused()
    {
        await using var api = await EmulatorSession.StartAsync();

        var message = await api.FailAsync("""{"ActionName":"LoadBizObjects"}""");

        Assert.Contains("SchemaCode", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_ActionName_is_refused()
    {
        await using var api = await EmulatorSession.StartAsync();

        var message = await api.FailAsync("""{"SchemaCode":"D000024chuangjian"}""");

        Assert.Contains("ActionName", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_sent_twice_is_refused_rather_than_guessed()
    {
        await using var api = await EmulatorSession.StartAsync();

        var message = await api.FailAsync("""
            {"ActionName":"LoadBizObjects","SchemaCode":"D000024chuangjian","Filter":"{\"FromRowNum\":0,\"FromRowNum\":10}"}
            """);

        Assert.Contains("Filter", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_is_not_allowed()
    {
        await using var api = await EmulatorSession.StartAsync();

        using var response = await api.Http.GetAsync(new Uri("OpenApi/Invoke", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
