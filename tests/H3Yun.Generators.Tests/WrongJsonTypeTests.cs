using System.Globalization;
using H3Yun.Generators.Parsing;
using Microsoft.CodeAnalysis.Text;

namespace H3Yun.Generators.Tests;

/// <summary>
/// A schema member of the wrong JSON type (H3Y0014) or a missing one, at the value that is wrong, saying what it
/// should be, as docs/diagnostics/H3Y0014.md shows.
/// </summary>
public class WrongJsonTypeTests
{
    [Theory]
    [InlineData("""[ { "SchemaCode": "D1" } ]""", """[ { "SchemaCode": "D1" } ]""", "'The schema' in 'f.h3form.json' should be a JSON object with SchemaCode and Properties. Correct the value.")]
    [InlineData("""{ "SchemaCode": "D1", "Namespace": "A.class", "Properties": [] }""", "\"A.class\"", "'Namespace' in 'f.h3form.json' should be a C# namespace such as Contoso.Forms. Correct the value.")]
    [InlineData("""{ "SchemaCode": "D1", "Properties": [ "F1" ] }""", "\"F1\"", "'A property of form 'D1'' in 'f.h3form.json' should be a JSON object with Name, DisplayName and DataType. Correct the value.")]
    [InlineData("""{ "SchemaCode": "D1", "Properties": [ { "Name": "F1", "DataType": [14] } ] }""", "[14]", "'DataType' in 'f.h3form.json' should be a BizDataType name such as \"ShortString\" or its number such as 14. Correct the value.")]
    [InlineData("""{ "SchemaCode": "D1", "Properties": [ { "Name": "F1", "DataType": 14, "Options": [ "a", 1 ] } ] }""", "[ \"a\", 1 ]", "'Options' in 'f.h3form.json' should be an array of strings. Correct the value.")]
    [InlineData("""{ "SchemaCode": "D1", "Properties": [ { "Name": "F1", "DataType": 14, "Multiple": "yes" } ] }""", "\"yes\"", "'Multiple' in 'f.h3form.json' should be true or false. Correct the value.")]
    public void A_member_of_the_wrong_type_is_an_error_at_its_value_saying_what_it_should_be(string text, string token, string message)
    {
        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        var diagnostic = run.Single("H3Y0014");
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(Span(text, token), diagnostic.Location.SourceSpan);
    }

    [Theory]
    [InlineData("""{ "SchemaCode": "D1", "Properties": [ { "DataType": 14 } ] }""", "{")]
    [InlineData("""{ "SchemaCode": "D1", "Properties": [ { "Name": " ", "DataType": 14 } ] }""", "\" \"")]
    [InlineData("""{ "SchemaCode": "D1", "Properties": [ { "Name": 7, "DataType": 14 } ] }""", "7")]
    public void A_property_without_a_code_is_an_error_at_its_name_or_else_its_opening_brace(string text, string token)
    {
        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        var diagnostic = run.Single("H3Y0004");
        var at = token == "{" ? new TextSpan(text.IndexOf("{ \"DataType\"", StringComparison.Ordinal), 1) : Span(text, token);
        Assert.Equal(at, diagnostic.Location.SourceSpan);
        Assert.Equal("A property of form 'D1' in 'f.h3form.json' has no Name. Add \"Name\": \"<field code>\", such as F0000001.", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("""{ "SchemaCode": "D1", "Properties": [ { "Name": "F1", "DataType": null } ] }""", "null")]
    [InlineData("""{ "SchemaCode": "D1", "Properties": [ { "Name": "F1", "DataType": " " } ] }""", "\" \"")]
    [InlineData("""{ "SchemaCode": "D1", "Properties": [ { "Name": "F1" } ] }""", "\"F1\"")]
    public void A_property_without_a_data_type_is_an_error_at_its_data_type_or_else_its_code(string text, string token)
    {
        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        Assert.Equal(Span(text, token), run.Single("H3Y0005").Location.SourceSpan);
    }

    [Fact]
    public void A_child_table_without_its_schema_is_an_error_at_its_child_schema_or_else_its_code()
    {
        const string without = """{ "SchemaCode": "D1", "Properties": [ { "Name": "D1F", "DataType": 41 } ] }""";
        const string wrong = """{ "SchemaCode": "D1", "Properties": [ { "Name": "D1F", "DataType": 41, "ChildSchema": 5 } ] }""";

        Assert.Equal(Span(without, "\"D1F\""), GeneratorHarness.Run(new SchemaText("f.h3form.json", without)).Single("H3Y0012").Location.SourceSpan);
        Assert.Equal(Span(wrong, "5 }"), new TextSpan(GeneratorHarness.Run(new SchemaText("f.h3form.json", wrong)).Single("H3Y0012").Location.SourceSpan.Start, 3));
    }

    [Fact]
    public void A_blank_display_name_class_name_or_namespace_counts_as_none()
    {
        const string text = """{ "SchemaCode": "D1", "DisplayName": " ", "ClassName": " ", "Namespace": " ", "Properties": [ { "Name": "F1", "DisplayName": " ", "DataType": 14 } ] }""";

        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        Assert.Empty(run.GeneratorDiagnostics);
        var source = run.Source("D1.g.cs");
        Assert.Contains("namespace Contoso.Orders", source, StringComparison.Ordinal);
        Assert.Contains("/// <summary>D1: a record of the H3Yun form <c>D1</c>.</summary>", source, StringComparison.Ordinal);
        Assert.Contains("class D1", source, StringComparison.Ordinal);
        Assert.Contains("/// <summary>F1 (<c>F1</c>", source, StringComparison.Ordinal);
        Assert.Contains("string? F1", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_parse_throws_instead_of_reporting_an_internal_error()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            SchemaFileParser.Parse("f.h3form.json", SourceText.From("""{ "SchemaCode": "D1", "Properties": [] }"""), cancelled.Token));
    }

    [Fact]
    public void A_repeated_option_text_is_one_option()
    {
        const string text = """{ "SchemaCode": "D1", "Properties": [ { "Name": "F1", "DisplayName": "状态", "DataType": 14, "Options": [ "Open", "Open", "Closed" ] } ] }""";

        var source = GeneratorHarness.Run(new SchemaText("f.h3form.json", text)).Source("D1.g.cs");

        Assert.Contains("/// <remarks>Options: Open, Closed.</remarks>", source, StringComparison.Ordinal);
    }

    private static TextSpan Span(string text, string token) => new(text.IndexOf(token, StringComparison.Ordinal), token.Length);
}
