using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests.CustomApis;

/// <summary>
/// The built-in schema export, the contract another tool's H3Yun-side class answers too:
/// <c>{"ActionName":"ExportSchemas","Controller":"H3YunSchemaExportController","AppCode":…,"SchemaCodes":"a;b"}</c>
/// → <c>ReturnData.Schemas</c>, a JSON string holding an array of forms in the schema-file format.
/// </summary>
public class SchemaExportTests
{
    private const string App = H3YunEmulatorOptions.DefaultAppCode;
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task Without_SchemaCodes_every_form_is_answered_as_a_JSON_string_in_SchemaCode_order()
    {
        await using var api = await StartAsync();

        var returnData = await api.SucceedAsync(Body());

        var schemas = Schemas(returnData);
        Assert.Equal([EmulatorSession.CustomerForm, EmulatorSession.DocumentForm, EmulatorSession.OrderForm], schemas.Select(form => (string?)form!["SchemaCode"]));
    }

    [Fact]
    public async Task Each_form_carries_what_the_backend_knows_and_nothing_it_cannot()
    {
        await using var api = await StartAsync();

        var order = Assert.Single(Schemas(await api.SucceedAsync(Body(EmulatorSession.OrderForm))))!.AsObject();

        Assert.Equal(["SchemaCode", "DisplayName", "Properties"], order.Select(member => member.Key));
        Assert.Equal("订单", (string?)order["DisplayName"]);
        var properties = order["Properties"]!.AsArray();
        Assert.Equal("""{"Name":"F0000001","DisplayName":"标题","DataType":14}""", properties[0]!.ToJsonString(Readable));
        Assert.Equal(7, (int)properties[1]!["DataType"]!);
        Assert.Equal("""{"Name":"F0000008","DisplayName":"标签","DataType":14}""", properties[7]!.ToJsonString(Readable));
        Assert.Equal("""{"Name":"F0000009","DisplayName":"客户","DataType":50,"AssociationSchemaCode":"D000100Customer"}""", properties[8]!.ToJsonString(Readable));
        var lines = properties[9]!.AsObject();
        Assert.Equal(41, (int)lines["DataType"]!);
        Assert.Equal(EmulatorSession.OrderLines, (string?)lines["ChildSchema"]!["SchemaCode"]);
        Assert.Equal(["F0000011", "F0000012", "F0000013"], lines["ChildSchema"]!["Properties"]!.AsArray().Select(field => (string?)field!["Name"]));
        var text = order.ToJsonString();
        Assert.DoesNotContain("Options", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ClassName", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PropertyName", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Namespace", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchemaCodes_joined_with_semicolons_answer_those_forms_in_that_order_and_system_fields_are_left_out()
    {
        await using var api = await StartAsync();

        var schemas = Schemas(await api.SucceedAsync(Body($" {EmulatorSession.OrderForm} ;{EmulatorSession.CustomerForm};")));

        Assert.Equal([EmulatorSession.OrderForm, EmulatorSession.CustomerForm], schemas.Select(form => (string?)form!["SchemaCode"]));
        Assert.Equal(["F0000001", "F0000002"], schemas[1]!["Properties"]!.AsArray().Select(field => (string?)field!["Name"]));
    }

    [Fact]
    public async Task An_unknown_SchemaCode_answers_Successful_false_with_H3Yuns_own_words_naming_it()
    {
        await using var api = await StartAsync();

        var message = await api.FailAsync(Body($"{EmulatorSession.OrderForm};D000100Nope"));

        Assert.StartsWith("根据 SchemaCode 获取 BizObjectSchema 失败: D000100Nope", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("D000000Other", "H3YunSchemaExportController", "ExportSchemas", "unknown AppCode 'D000000Other'")]
    [InlineData(App, "SchemaExportController", "ExportSchemas", "no custom API class 'SchemaExportController'")]
    [InlineData(App, "H3YunSchemaExportController", "ExportSchema", "has no action 'ExportSchema'; it answers ExportSchemas")]
    public async Task A_wrong_AppCode_Controller_or_ActionName_is_refused_saying_which(string appCode, string controller, string actionName, string expected)
    {
        await using var api = await StartAsync();

        var message = await api.FailAsync($$"""{"ActionName":"{{actionName}}","Controller":"{{controller}}","AppCode":"{{appCode}}"}""");

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_schema_files_the_export_answers_an_empty_array()
    {
        var options = new H3YunEmulatorOptions();
        options.CustomApis.AddBuiltIn("schema-export");
        await using var api = await EmulatorSession.StartAsync(options);

        Assert.Empty(Schemas(await api.SucceedAsync(Body())));
    }

    [Fact]
    public async Task The_export_can_be_limited_to_one_app()
    {
        var options = EmulatorSession.SchemaOptions();
        options.AppCodes.Add("A1");
        options.CustomApis.AddSchemaExport("A2");
        await using var api = await EmulatorSession.StartAsync(options);

        await api.SucceedAsync(Body(appCode: "A2"));
        Assert.Contains("no custom API class", await api.FailAsync(Body(appCode: "A1")), StringComparison.Ordinal);
    }

    private static Task<EmulatorSession> StartAsync()
    {
        var options = EmulatorSession.SchemaOptions();
        options.CustomApis.AddSchemaExport();
        return EmulatorSession.StartAsync(options);
    }

    private static string Body(string? schemaCodes = null, string appCode = App) => schemaCodes is null
        ? $$"""{"ActionName":"ExportSchemas","Controller":"H3YunSchemaExportController","AppCode":"{{appCode}}"}"""
        : $$"""{"ActionName":"ExportSchemas","Controller":"H3YunSchemaExportController","AppCode":"{{appCode}}","SchemaCodes":"{{schemaCodes}}"}""";

    private static JsonArray Schemas(JsonObject returnData)
    {
        Assert.Equal(["Schemas"], returnData.Select(member => member.Key));
        var text = (string?)returnData["Schemas"];
        Assert.NotNull(text);
        return JsonNode.Parse(text)!.AsArray();
    }
}
