using System.Text.Json;
using static H3Yun.Runtime.Tests.ScriptedH3Yun;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// The envelope is read liberally: member names in any case, Successful as a boolean or a text, a missing Successful
/// judged by ErrorMessage; a rate refusal is told from other refusals by its words, in Chinese or English.
/// </summary>
public class EnvelopeTests
{
    public static TheoryData<string, string?> Envelopes => new()
    {
        { """{"successful":"TRUE","returndata":{"x":1}}""", """{"x":1}""" },
        { """{"SUCCESSFUL":true,"ReturnData":"{\"x\":2}"}""", """{"x":2}""" },
        { """{"ErrorMessage":"","ReturnData":{"x":3}}""", """{"x":3}""" },
        { """{"ReturnData":{"x":4}}""", """{"x":4}""" },
        { """{"ReturnData":null}""", null },
        { """{"Successful":true,"ErrorMessage":"ignored","ReturnData":{"x":5}}""", """{"x":5}""" },
    };

    [Theory]
    [MemberData(nameof(Envelopes))]
    public async Task A_successful_envelope_is_read_in_every_shape(string envelope, string? returnData)
    {
        var h3yun = new ScriptedH3Yun().Then(Envelope(envelope));
        using var client = h3yun.CreateClient();

        var data = await Bounded.Run(() => client.InvokeAsync(OpenApiRequest.RemoveBizObject(Book.SchemaCode, "b-1")));

        Assert.Equal(returnData ?? "null", data.ValueKind == JsonValueKind.Null ? "null" : data.GetRawText());
    }

    public static TheoryData<string, string?, string> Rejections => new()
    {
        { """{"Successful":false,"ErrorMessage":"表单不存在"}""", "表单不存在", "表单不存在" },
        { """{"successful":"false","errormessage":"表单不存在"}""", "表单不存在", "表单不存在" },
        { """{"ErrorMessage":"表单不存在","ReturnData":{}}""", "表单不存在", "表单不存在" },
        { """{"Successful":false,"ErrorMessage":{"code":7}}""", """{"code":7}""", """{"code":7}""" },
        { """{"Successful":false,"ErrorMessage":42}""", "42", "42" },
        { """{"Successful":false}""", null, "it reported a failure without an error message." },
        { """{"Successful":false,"ErrorMessage":null,"ReturnData":{}}""", null, "it reported a failure without an error message." },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task A_rejection_is_read_in_every_shape_and_quotes_H3Yun(string envelope, string? errorMessage, string quoted)
    {
        var h3yun = new ScriptedH3Yun().Then(Envelope(envelope));
        using var client = h3yun.CreateClient();

        var error = await Bounded.FailsWith<H3YunApiException>(() => new BookRepository(client).LoadAsync("b-1"));

        Assert.Equal(errorMessage, error.ErrorMessage);
        Assert.Equal($"H3Yun rejected LoadBizObject on form '{Book.SchemaCode}': {quoted}", error.Message);
        Assert.Single(h3yun.Calls);
    }

    [Theory]
    [InlineData("""{"Successful":1}""", "'Successful' should be true or false but is 1.")]
    [InlineData("""{"Successful":"yes"}""", "'Successful' should be true or false but is \"yes\".")]
    [InlineData("""{"Logined":false,"DataType":0}""", "it has none of the envelope members Successful, ErrorMessage or ReturnData: {\"Logined\":false,\"DataType\":0}")]
    [InlineData("""[]""", "the body is a JSON Array rather than the OpenApi envelope object.")]
    [InlineData("""{"Successful":true,"ReturnData":"[1,"}""", "'ReturnData' is a string that is not JSON (")]
    public async Task An_envelope_that_cannot_be_read_says_which_member_is_wrong(string envelope, string problem)
    {
        var h3yun = new ScriptedH3Yun().Then(Envelope(envelope));
        using var client = h3yun.CreateClient();

        var error = await Bounded.FailsWith<H3YunProtocolException>(() => new BookRepository(client).LoadAsync("b-1"));

        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
        Assert.Single(h3yun.Calls);
    }

    [Fact]
    public async Task An_envelope_nested_deeper_than_64_levels_is_refused_as_unreadable()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 70)) + string.Concat(Enumerable.Repeat("]", 70));
        var h3yun = new ScriptedH3Yun().Then(Envelope($$$"""{"Successful":true,"ReturnData":{"x":{{{deep}}}}}"""));
        using var client = h3yun.CreateClient();

        var error = await Bounded.FailsWith<H3YunProtocolException>(() => new BookRepository(client).LoadAsync("b-1"));

        Assert.StartsWith("the body is not JSON (", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_envelope_nested_exactly_64_levels_is_read()
    {
        var depth = 62;
        var deep = string.Concat(Enumerable.Repeat("[", depth)) + string.Concat(Enumerable.Repeat("]", depth));
        var h3yun = new ScriptedH3Yun().Then(Envelope($$$"""{"Successful":true,"ReturnData":{"x":{{{deep}}}}}"""));
        using var client = h3yun.CreateClient();

        var data = await Bounded.Run(() => client.InvokeAsync(OpenApiRequest.RemoveBizObject(Book.SchemaCode, "b-1")));

        Assert.Equal(JsonValueKind.Array, data.GetProperty("x").ValueKind);
    }

    public static TheoryData<string?, bool> RateRefusalTexts => new()
    {
        { "调用频率过快，请稍后再试", true },
        { "请求过于频繁", true },
        { "接口限流", true },
        { "访问太快了", true },
        { "请求过快", true },
        { "Rate limit exceeded", true },
        { "TOO MANY REQUESTS", true },
        { "Calls are too frequent", true },
        { "频次", false },
        { "表单不存在", false },
        { "limit", false },
        { "", false },
        { null, false },
    };

    [Theory]
    [MemberData(nameof(RateRefusalTexts))]
    public void A_refusal_speaking_of_call_frequency_is_a_rate_refusal(string? errorMessage, bool isRateRefusal)
    {
        Assert.Equal(isRateRefusal, RateRefusals.IsRateRefusal(errorMessage));
    }

    [Fact]
    public async Task A_rate_refusal_of_a_write_is_retried_because_nothing_was_written()
    {
        var h3yun = new ScriptedH3Yun { Otherwise = Success() }.Then(Failure("Too many requests, slow down"));
        using var client = h3yun.CreateClient();

        await Bounded.Run(() => new BookRepository(client).UpdateAsync("b-1", new Book { Title = "Dune" }));

        Assert.Equal(2, h3yun.Calls.Count);
    }
}
