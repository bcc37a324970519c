using System;
using System.Linq;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests.CustomApis;

/// <summary>
/// Custom APIs (自定义接口, docs/protocol.md#custom-apis): any ActionName but the six public ones, found by AppCode + Controller +
/// ActionName, with ReturnData as the handler filled it and Errors as Successful:false.
/// </summary>
public class CustomApiTests
{
    private const string App = "D001599BookManager";

    [Fact]
    public async Task A_registered_handler_answers_its_call_with_its_ReturnData_and_reads_parameters_as_H3Yun_does()
    {
        var options = new H3YunEmulatorOptions();
        options.CustomApis.Add("MyApiController", "SelectUser", (request, response, _) =>
        {
            response.ReturnData["UserName"] = request.GetValue("UserName");
            response.ReturnData["Count"] = request.GetValue("Count");
            response.ReturnData["Missing"] = request.GetValue("Missing", "default");
            response.ReturnData["App"] = request.AppCode;
            return ValueTask.CompletedTask;
        }, App);
        await using var api = await EmulatorSession.StartAsync(options);

        var returnData = await api.SucceedAsync($$"""{"ActionName":"SelectUser","AppCode":"{{App}}","Controller":"MyApiController","UserName":"lmz","Count":3}""");

        Assert.Equal("lmz", (string?)returnData["UserName"]);
        Assert.Equal("3", (string?)returnData["Count"]);
        Assert.Equal("default", (string?)returnData["Missing"]);
        Assert.Equal(App, (string?)returnData["App"]);
        Assert.Equal([App], api.Emulator.AppCodes);
    }

    [Fact]
    public async Task Errors_the_handler_adds_answer_Successful_false_joined()
    {
        var options = new H3YunEmulatorOptions();
        options.CustomApis.Add("MyApiController", "Fail", (_, response, _) =>
        {
            response.Errors.Add("first");
            response.Errors.Add("second");
            return ValueTask.CompletedTask;
        });
        await using var api = await EmulatorSession.StartAsync(options);

        var message = await api.FailAsync($$"""{"ActionName":"Fail","AppCode":"{{H3YunEmulatorOptions.DefaultAppCode}}","Controller":"MyApiController"}""");

        Assert.Equal("first; second", message);
    }

    [Fact]
    public async Task A_handler_that_throws_is_answered_Successful_false_naming_the_api_and_the_exception()
    {
        var options = new H3YunEmulatorOptions();
        options.CustomApis.Add("MyApiController", "Throw", (_, _, _) => throw new InvalidOperationException("boom"));
        await using var api = await EmulatorSession.StartAsync(options);

        var message = await api.FailAsync($$"""{"ActionName":"Throw","AppCode":"{{H3YunEmulatorOptions.DefaultAppCode}}","Controller":"MyApiController"}""");

        Assert.Contains("MyApiController.Throw", message, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: boom", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_can_read_the_emulators_records()
    {
        var options = new H3YunEmulatorOptions();
        options.CustomApis.Add("Counter", "CountA", (request, response, _) =>
        {
            response.ReturnData["Count"] = request.Emulator.Count("FormA");
            return ValueTask.CompletedTask;
        });
        await using var api = await EmulatorSession.StartAsync(options);
        await api.CreateAsync("FormA", "{}");

        var returnData = await api.SucceedAsync($$"""{"ActionName":"CountA","AppCode":"{{H3YunEmulatorOptions.DefaultAppCode}}","Controller":"Counter"}""");

        Assert.Equal(1, (int)returnData["Count"]!);
    }

    [Theory]
    [InlineData("""{"ActionName":"SelectUser","AppCode":"D000000Other","Controller":"MyApiController"}""", "unknown AppCode 'D000000Other'")]
    [InlineData("""{"ActionName":"SelectUser","AppCode":"D001599BookManager","Controller":"OtherController"}""", "no custom API class 'OtherController'")]
    [InlineData("""{"ActionName":"selectuser","AppCode":"D001599BookManager","Controller":"MyApiController"}""", "has no action 'selectuser'; it answers SelectUser")]
    [InlineData("""{"ActionName":"SelectUser","Controller":"MyApiController"}""", "缺少参数 AppCode")]
    [InlineData("""{"ActionName":"SelectUser","AppCode":"D001599BookManager"}""", "缺少参数 Controller")]
    public async Task A_call_that_finds_no_handler_says_which_name_missed(string body, string expected)
    {
        var options = new H3YunEmulatorOptions();
        options.CustomApis.Add("MyApiController", "SelectUser", (_, _, _) => ValueTask.CompletedTask, App);
        await using var api = await EmulatorSession.StartAsync(options);

        var message = await api.FailAsync(body);

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_any_registration_the_default_app_is_hosted_and_has_no_classes()
    {
        await using var api = await EmulatorSession.StartAsync();

        var message = await api.FailAsync($$"""{"ActionName":"GetUserInfo","Controller":"MyApiController","AppCode":"{{H3YunEmulatorOptions.DefaultAppCode}}"}""");

        Assert.Equal([H3YunEmulatorOptions.DefaultAppCode], api.Emulator.AppCodes);
        Assert.Contains("it has none", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_specific_registration_wins_over_one_for_every_app()
    {
        var options = new H3YunEmulatorOptions();
        options.AppCodes.Add("A1");
        options.AppCodes.Add("A2");
        options.CustomApis.Add("C", "Who", (_, response, _) => Answer(response, "every app"));
        options.CustomApis.Add("C", "Who", (_, response, _) => Answer(response, "A2 only"), "A2");
        await using var api = await EmulatorSession.StartAsync(options);

        var inA1 = await api.SucceedAsync("""{"ActionName":"Who","AppCode":"A1","Controller":"C"}""");
        var inA2 = await api.SucceedAsync("""{"ActionName":"Who","AppCode":"A2","Controller":"C"}""");

        Assert.Equal("every app", (string?)inA1["Who"]);
        Assert.Equal("A2 only", (string?)inA2["Who"]);

        static ValueTask Answer(CustomApiResponse response, string who)
        {
            response.ReturnData["Who"] = who;
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public void Registrations_that_H3Yun_would_refuse_are_refused()
    {
        var apis = new H3YunEmulatorOptions().CustomApis;
        apis.Add("C", "A", (_, _, _) => ValueTask.CompletedTask);

        Assert.Throws<ArgumentException>(() => apis.Add("C", "LoadBizObject", (_, _, _) => ValueTask.CompletedTask));
        Assert.Throws<ArgumentException>(() => apis.Add("C", "A", (_, _, _) => ValueTask.CompletedTask));
        Assert.Throws<ArgumentException>(() => apis.Add(" ", "B", (_, _, _) => ValueTask.CompletedTask));
        Assert.Throws<ArgumentException>(() => apis.AddBuiltIn("no-such-api"));
        Assert.Equal(1, apis.Count);
    }

    [Fact]
    public void Each_refusal_names_its_argument_and_says_what_is_wrong()
    {
        CustomApiHandler handler = (_, _, _) => ValueTask.CompletedTask;
        var apis = new H3YunEmulatorOptions().CustomApis;
        apis.Add("C", "A", handler);
        apis.Add("C", "A", handler, "A2");

        Assert.Equal("controller", Assert.Throws<ArgumentException>(() => apis.Add(" ", "B", handler)).ParamName);
        Assert.Equal("actionName", Assert.Throws<ArgumentException>(() => apis.Add("C", " ", handler)).ParamName);
        Assert.Equal("handler", Assert.Throws<ArgumentNullException>(() => apis.Add("C", "B", null!)).ParamName);
        Assert.Equal("appCode", Assert.Throws<ArgumentException>(() => apis.Add("C", "B", handler, " ")).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => apis.AddBuiltIn(null!)).ParamName);
        Assert.Equal(
            "'LoadBizObject' is one of H3Yun's public ActionNames; a custom API must use another name. (Parameter 'actionName')",
            Assert.Throws<ArgumentException>(() => apis.Add("C", "LoadBizObject", handler)).Message);
        Assert.Equal(
            "A custom API C.A is registered already for every app. (Parameter 'actionName')",
            Assert.Throws<ArgumentException>(() => apis.Add("C", "A", handler)).Message);
        Assert.Equal(
            "A custom API C.A is registered already for app A2. (Parameter 'actionName')",
            Assert.Throws<ArgumentException>(() => apis.Add("C", "A", handler, "A2")).Message);
        Assert.Equal(
            "Unknown built-in custom API 'nope'; the built-ins are: schema-export. (Parameter 'name')",
            Assert.Throws<ArgumentException>(() => apis.AddBuiltIn("nope")).Message);
    }

    [Fact]
    public void Only_the_same_controller_action_and_app_together_are_a_duplicate()
    {
        CustomApiHandler handler = (_, _, _) => ValueTask.CompletedTask;
        var apis = new H3YunEmulatorOptions().CustomApis;

        apis.Add("C", "A", handler);
        apis.Add("C", "B", handler);
        apis.Add("D", "A", handler);
        apis.Add("C", "A", handler, "A2");
        apis.Add("C", "A", handler, "A3");

        Assert.Equal(["A2|C.A", "A3|C.A", "|C.A", "|C.B", "|D.A"], apis.Select(api => $"{api.AppCode}|{api.Controller}.{api.ActionName}").Order(StringComparer.Ordinal));
    }
}
