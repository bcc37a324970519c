using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace H3Yun.Generators.Tests;

/// <summary>Each diagnostic: its ID, its severity, and the exact token it underlines in the JSON file.</summary>
public class SchemaDiagnosticsTests
{
    [Fact]
    public void Malformed_json_points_at_the_bad_token()
    {
        var run = GeneratorHarness.Run(new SchemaText("bad.h3form.json", "{\n  \"SchemaCode\": \"X\"\n  \"Properties\": []\n}"));

        var diagnostic = run.Single("H3Y0001");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("bad.h3form.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(new LinePosition(2, 2), diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.Contains("bad.h3form.json", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_schema_code_is_an_error_and_nothing_is_generated()
    {
        var run = GeneratorHarness.Run(new SchemaText("nocode.h3form.json", "{ \"Properties\": [] }"));

        Assert.Equal(DiagnosticSeverity.Error, run.Single("H3Y0002").Severity);
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void Missing_properties_names_the_form()
    {
        var run = GeneratorHarness.Run(new SchemaText("noprops.h3form.json", "{ \"SchemaCode\": \"D1\" }"));

        Assert.Contains("'D1'", run.Single("H3Y0003").GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_without_data_type_points_at_its_code_and_the_rest_of_the_form_is_generated()
    {
        const string text = """
            { "SchemaCode": "D1", "Properties": [
              { "Name": "F0000001" },
              { "Name": "F0000002", "DataType": "ShortString" } ] }
            """;
        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        var diagnostic = run.Single("H3Y0005");
        Assert.Equal(Span(text, "\"F0000001\""), diagnostic.Location.SourceSpan);
        Assert.Contains("F0000002", run.Source("D1.g.cs"), StringComparison.Ordinal);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void A_misspelt_data_type_is_an_error_that_suggests_the_name_and_generates_the_rest_of_the_form()
    {
        const string text = """{ "SchemaCode": "D1", "Properties": [ { "Name": "F1", "DataType": "Doubel" }, { "Name": "F2", "DataType": 14 } ] }""";
        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        var diagnostic = run.Single("H3Y0006");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(Span(text, "\"Doubel\""), diagnostic.Location.SourceSpan);
        Assert.Contains("Did you mean 'Double'?", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(" F1 ", run.Source("D1.g.cs"), StringComparison.Ordinal);
        Assert.Contains("string? F2", run.Source("D1.g.cs"), StringComparison.Ordinal);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void An_unknown_data_type_number_is_a_warning_and_the_field_keeps_raw_json()
    {
        const string text = """{ "SchemaCode": "D1", "Properties": [ { "Name": "F1", "DataType": 99 } ] }""";
        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        var diagnostic = run.Single("H3Y0016");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(Span(text, "99"), diagnostic.Location.SourceSpan);
        Assert.Contains("JsonElement? F1", run.Source("D1.g.cs"), StringComparison.Ordinal);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void A_data_type_number_is_as_good_as_its_name()
    {
        const string text = """{ "SchemaCode": "D1", "Properties": [ { "Name": "F1", "DataType": 7 }, { "Name": "F2", "DataType": "datetime" } ] }""";
        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("decimal? F1", run.Source("D1.g.cs"), StringComparison.Ordinal);
        Assert.Contains("global::System.DateTime? F2", run.Source("D1.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_field_code_points_at_the_second_declaration()
    {
        const string text = """{ "SchemaCode": "D1", "Properties": [ { "Name": "F1", "DataType": 14 }, { "Name": "F1", "DataType": 7 } ] }""";
        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        var diagnostic = run.Single("H3Y0007");
        Assert.Equal(text.LastIndexOf("\"F1\"", StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
    }

    [Fact]
    public void Two_files_with_one_schema_code_generate_the_first_and_report_the_second()
    {
        var run = GeneratorHarness.Run(
            new SchemaText("a.h3form.json", """{ "SchemaCode": "D1", "ClassName": "A", "Properties": [] }"""),
            new SchemaText("b.h3form.json", """{ "SchemaCode": "D1", "ClassName": "B", "Properties": [] }"""));

        var diagnostic = run.Single("H3Y0008");
        Assert.Equal("b.h3form.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("class A ", run.Source("D1.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_written_property_name_that_must_change_is_a_warning_and_an_automatic_rename_only_information()
    {
        const string text = """
            { "SchemaCode": "D1", "Properties": [
              { "Name": "F1", "DataType": 14, "PropertyName": "class" },
              { "Name": "F2", "DataType": 14, "DisplayName": "Status" },
              { "Name": "F3", "DataType": 14, "DisplayName": "Title" },
              { "Name": "F4", "DataType": 14, "DisplayName": "Title" } ] }
            """;
        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        // Only the name the schema wrote is the user's to fix; a display name H3Yun exported twice must not fail a build.
        var written = run.Single("H3Y0009");
        Assert.Equal((DiagnosticSeverity.Warning, Span(text, "\"class\"")), (written.Severity, written.Location.SourceSpan));
        var automatic = run.GeneratorDiagnostics.Where(d => d.Id == "H3Y0015").ToArray();
        Assert.Equal(2, automatic.Length);
        Assert.All(automatic, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        var source = run.Source("D1.g.cs");
        Assert.Contains("string? class_", source, StringComparison.Ordinal);
        Assert.Contains("string? Status_F2", source, StringComparison.Ordinal);
        Assert.Contains("string? Title {", source, StringComparison.Ordinal);
        Assert.Contains("string? Title_F4", source, StringComparison.Ordinal);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void Options_on_a_type_that_cannot_have_them_are_ignored_with_a_warning()
    {
        const string text = """{ "SchemaCode": "D1", "Properties": [ { "Name": "F1", "DataType": "Bool", "Options": ["a"] } ] }""";
        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        Assert.Equal(Span(text, "[\"a\"]"), run.Single("H3Y0010").Location.SourceSpan);
    }

    [Fact]
    public void An_association_to_a_form_the_project_lacks_is_a_warning_on_the_field()
    {
        const string text = """{ "SchemaCode": "D1", "Properties": [ { "Name": "F1", "DataType": "Association", "AssociationSchemaCode": "Elsewhere" } ] }""";
        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        var diagnostic = run.Single("H3Y0011");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(Span(text, "\"F1\""), diagnostic.Location.SourceSpan);
    }

    [Fact]
    public void An_association_in_a_child_table_to_a_form_the_project_lacks_is_a_warning_on_the_row_field()
    {
        // The row's field has the form's field code, so only the table's code tells the two apart.
        const string text = """
            { "SchemaCode": "D1", "Properties": [
              { "Name": "F1", "DataType": 14 },
              { "Name": "D1F", "DataType": "BizObjectArray", "ChildSchema": { "SchemaCode": "D1F", "Properties": [
                { "Name": "F1", "DataType": "Association", "AssociationSchemaCode": "Elsewhere" } ] } } ] }
            """;
        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        var diagnostic = run.Single("H3Y0011");
        Assert.Equal(new TextSpan(text.LastIndexOf("\"F1\"", StringComparison.Ordinal), 4), diagnostic.Location.SourceSpan);
    }

    [Fact]
    public void A_child_table_without_child_schema_is_an_error()
    {
        const string text = """{ "SchemaCode": "D1", "Properties": [ { "Name": "D1Flines", "DataType": "BizObjectArray" } ] }""";
        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        Assert.Equal(DiagnosticSeverity.Error, run.Single("H3Y0012").Severity);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void System_fields_listed_in_a_schema_are_accepted_and_not_duplicated()
    {
        const string text = """{ "SchemaCode": "D1", "Properties": [ { "Name": "ObjectId", "DataType": 14 }, { "Name": "SeqNo", "DataType": 14 }, { "Name": "F1", "DataType": 14 } ] }""";
        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
    }

    private static Microsoft.CodeAnalysis.Text.TextSpan Span(string text, string token) =>
        new(text.IndexOf(token, StringComparison.Ordinal), token.Length);
}
