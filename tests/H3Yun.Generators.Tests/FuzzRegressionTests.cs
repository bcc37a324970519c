using System.Globalization;
using Microsoft.CodeAnalysis;

namespace H3Yun.Generators.Tests;

/// <summary>Schema files the fuzz test found that generated code which did not compile; each now compiles cleanly.</summary>
public class FuzzRegressionTests
{
    [Theory]
    [InlineData("Fields", "Fields_")]
    [InlineData("Where", "Where_")]
    [InlineData("abc", "Abc")]
    public void A_class_name_that_cannot_be_generated_as_written_is_renamed_with_a_warning(string className, string generated)
    {
        var text = $$"""{ "SchemaCode": "D1", "ClassName": "{{className}}", "Properties": [ { "Name": "F1", "DataType": 14 } ] }""";

        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        var diagnostic = run.Single("H3Y0009");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.TextSpan(text.IndexOf($"\"{className}\"", StringComparison.Ordinal), className.Length + 2), diagnostic.Location.SourceSpan);
        Assert.Contains($"generated as '{generated}'", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains($"partial class {generated} ", run.Source("D1.g.cs"), StringComparison.Ordinal);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void A_row_class_named_like_a_member_of_the_row_is_renamed()
    {
        const string text = """
            { "SchemaCode": "D1", "Properties": [ { "Name": "D1F", "DataType": 41, "ChildSchema": { "SchemaCode": "D1F", "ClassName": "SchemaCode", "Properties": [] } } ] }
            """;

        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void A_form_class_named_like_another_forms_repository_is_renamed()
    {
        var run = GeneratorHarness.Run(
            new SchemaText("a.h3form.json", """{ "SchemaCode": "A1", "ClassName": "Order", "Properties": [] }"""),
            new SchemaText("b.h3form.json", """{ "SchemaCode": "B1", "ClassName": "OrderRepository", "Properties": [] }"""));

        Assert.Equal("b.h3form.json", run.Single("H3Y0009").Location.GetLineSpan().Path);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void Control_characters_in_names_and_data_types_do_not_break_xml_docs()
    {
        const string text = """{ "SchemaCode": "D1", "DisplayName": "a\u0001b", "Properties": [ { "Name": "F1", "DisplayName": "x\u0000y", "DataType": "\u0000" } ] }""";

        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        Assert.Equal("H3Y0006", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.Empty(run.CompilationDiagnostics);
    }
}
