using System.Text.Json;
using H3Yun.Cli.Schemas;

namespace H3Yun.Cli.Tests;

/// <summary>
/// How <c>pull</c> and <c>diff</c> read the export class's answer: liberally where the generator is liberal (types by
/// name or number, comments and trailing commas), and refused with the place of the problem otherwise.
/// </summary>
public class ExportAnswerTests
{
    private const string Request = "the export";

    private static IReadOnlyList<RemoteForm> Read(string returnData)
    {
        using var document = JsonDocument.Parse(returnData);
        return ExportAnswer.Read(document.RootElement, Request);
    }

    [Fact]
    public void Types_are_read_by_number_by_name_in_any_case_and_by_number_as_text_and_an_unknown_number_is_kept()
    {
        var form = Assert.Single(Read("""
            {"Schemas": "[{\"SchemaCode\":\"D1\",\"Properties\":[{\"Name\":\"F1\",\"DataType\":7},{\"Name\":\"F2\",\"DataType\":\"shortString\"},{\"Name\":\"F3\",\"DataType\":\"50\"},{\"Name\":\"F4\",\"DataType\":999}]}]"}
            """));

        Assert.Equal([7, 14, 50, 999], form.Fields.Select(static f => f.DataType));
    }

    [Fact]
    public void Comments_and_trailing_commas_in_the_forms_are_read()
    {
        var form = Assert.Single(Read("""
            {"Schemas": "[/* the class's own */ {\"SchemaCode\":\"D1\",\"DisplayName\":\" 订单 \",\"Properties\":[{\"Name\":\"F1\",\"DataType\":14,},],},]"}
            """));

        Assert.Equal("D1", form.SchemaCode);
        Assert.Equal("订单", form.DisplayName);
        Assert.Equal("F1", Assert.Single(form.Fields).Name);
    }

    [Theory]
    [InlineData("[]", "ReturnData is an array, not an object with Schemas.")]
    [InlineData("\"x\"", "ReturnData is a string, not an object with Schemas.")]
    [InlineData("null", "ReturnData is missing, not an object with Schemas.")]
    [InlineData("1", "ReturnData is number, not an object with Schemas.")]
    [InlineData("""{"Schemas":"[1]"}""", "Schemas[0] is not a JSON object.")]
    [InlineData("""{"Schemas":"[{\"SchemaCode\":\"D1\"}]"}""", "Schemas[0] (D1) has no Properties array.")]
    [InlineData("""{"Schemas":"[{\"SchemaCode\":\"D1\",\"Properties\":[\"F1\"]}]"}""", "Schemas[0].Properties[0] of D1 is not a JSON object.")]
    [InlineData("""{"Schemas":"[{\"SchemaCode\":\"D1\",\"Properties\":[{\"DataType\":14}]}]"}""", "Schemas[0].Properties[0] of D1 has no Name.")]
    [InlineData("""{"Schemas":"[{\"SchemaCode\":\"D1\",\"Properties\":[{\"Name\":\"F1\",\"DataType\":\"Text\"}]}]"}""", "Schemas[0].Properties[0] of D1 (F1) has no DataType number.")]
    [InlineData(
        """{"Schemas":"[{\"SchemaCode\":\"D1\",\"Properties\":[{\"Name\":\"T1\",\"DataType\":41,\"ChildSchema\":{\"SchemaCode\":\"T1\",\"Properties\":[{\"DataType\":14}]}}]}]"}""",
        "Schemas[0].Properties[0] of D1.ChildSchema.Properties[0] of T1 has no Name.")]
    public void A_malformed_answer_is_refused_at_the_place_of_its_problem(string returnData, string problem)
    {
        var refused = Assert.Throws<CliException>(() => Read(returnData));

        Assert.Equal(
            $"H3Yun's answer to {Request} is not what the export class answers: {problem} The class in the app's backend is not the one 'h3yun schema export-code' prints, or was changed; paste it again. Nothing was written.",
            refused.Message);
    }

    [Theory]
    [InlineData("EngineSecret 错误", "Check the credentials")]
    [InlineData("应用不存在", "Check --app")]
    [InlineData("自定义接口控制器不存在", "The app's backend has no H3YunSchemaExportController with the action ExportSchemas")]
    [InlineData("BizObjectSchema D9 不存在", "A form code is wrong")]
    [InlineData("系统繁忙", "See H3Yun's message above.")]
    public void An_error_the_class_reports_is_a_refusal_with_a_hint_chosen_by_its_words(string error, string hint)
    {
        var refused = Assert.Throws<CliException>(() => Read(JsonSerializer.Serialize(new { Error = error })));

        Assert.StartsWith($"H3Yun refused {Request}: {error}{Environment.NewLine}{hint}", refused.Message, StringComparison.Ordinal);
    }
}
