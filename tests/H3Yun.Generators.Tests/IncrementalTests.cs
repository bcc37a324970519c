using System.Globalization;
using H3Yun.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static Microsoft.CodeAnalysis.IncrementalStepRunReason;

namespace H3Yun.Generators.Tests;

/// <summary>
/// Edits that change nothing a generated file depends on re-emit nothing; an edit of one form re-emits that form.
/// (Every other generator test also checks that a rerun of an unchanged compilation is cached, in the harness.)
/// </summary>
public class IncrementalTests
{
    private static readonly SchemaText SalesOrder = GeneratorHarness.RepositorySchema("SalesOrder.h3form.json");
    private static readonly SchemaText Customer = GeneratorHarness.RepositorySchema("Customer.h3form.json");

    private static readonly SchemaText WithWarnings = new("w.h3form.json", """
        { "SchemaCode": "W1", "Properties": [
          { "Name": "F1", "DataType": "Association", "AssociationSchemaCode": "Elsewhere" },
          { "Name": "F2", "DataType": "Html" } ] }
        """);

    private const string MappedClass = """
        [H3Yun.H3Form("D000024SalesOrder")]
        public partial class Summary
        {
            [H3Yun.H3Field("F0000001")] public partial string? Number { get; set; }
            [H3Yun.H3Field("F0000099")] public partial string? Wrong { get; set; }
        }
        """;

    [Fact]
    public void A_whitespace_or_comment_edit_of_a_schema_re_emits_nothing_and_moves_its_diagnostics()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver([SalesOrder, Customer, WithWarnings], "Contoso.Orders").RunGenerators(compilation);
        var before = Lines(driver);

        var edited = new SchemaText(WithWarnings.Path, "// exported from H3Yun\n\n" + WithWarnings.Content);
        driver = driver.ReplaceAdditionalText(WithWarnings, edited).RunGenerators(compilation);

        Assert.Contains(Modified, Incrementality.Reasons(driver, TrackingNames.Parse));
        AssertOnly(driver, TrackingNames.Form, Cached, Unchanged);
        AssertOnly(driver, TrackingNames.Resolve, Cached);
        AssertOnly(driver, TrackingNames.Forms, Cached);
        Assert.Equal(before.Select(d => (d.Id, d.Line + 2)), Lines(driver).Select(d => (d.Id, d.Line)));
    }

    [Fact]
    public void Editing_one_schema_of_200_re_emits_that_form_only()
    {
        var files = Enumerable.Range(0, 200).Select(Form).ToArray();
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(files, "Contoso.Forms").RunGenerators(compilation);

        var edited = new SchemaText(files[17].Path, files[17].Content.Replace("数量", "件数", StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(files[17], edited).RunGenerators(compilation);

        Assert.Equal(1, Incrementality.Reasons(driver, TrackingNames.Parse).Count(r => r == Modified));
        Assert.Equal(199, Incrementality.Reasons(driver, TrackingNames.Parse).Count(r => r == Cached));
        var forms = Incrementality.Reasons(driver, TrackingNames.Forms);
        Assert.Equal(1, forms.Count(r => r == Modified));
        Assert.Equal(199, forms.Count(r => r == Unchanged));
        Assert.Contains("件数", driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).Single(s => s.HintName == "D17.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_an_unrelated_csharp_file_reruns_no_step()
    {
        var compilation = GeneratorHarness.CreateCompilation(MappedClass, GeneratorHarness.MappingParseOptions)
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("internal static class Other { }", GeneratorHarness.MappingParseOptions, path: "Other.cs"));
        var driver = GeneratorHarness.CreateDriver([SalesOrder, Customer], "Contoso.Orders", GeneratorHarness.MappingParseOptions).RunGenerators(compilation);

        var other = compilation.SyntaxTrees.Single(t => t.FilePath == "Other.cs");
        compilation = compilation.ReplaceSyntaxTree(other, other.WithChangedText(other.GetText().Replace(0, 0, "// typing\n")));
        driver = driver.RunGenerators(compilation);

        foreach (var step in Incrementality.TrackedSteps)
        {
            Assert.All(Incrementality.Reasons(driver, step), r => Assert.True(r is Cached or Unchanged, $"{step}: {r}"));
        }

        Assert.All(Incrementality.OutputReasons(driver), r => Assert.Equal(Cached, r));
    }

    [Fact]
    public void Typing_above_an_h3form_class_re_emits_nothing_and_moves_its_diagnostics()
    {
        var compilation = GeneratorHarness.CreateCompilation(MappedClass, GeneratorHarness.MappingParseOptions);
        var driver = GeneratorHarness.CreateDriver([SalesOrder, Customer], "Contoso.Orders", GeneratorHarness.MappingParseOptions).RunGenerators(compilation);
        var before = Lines(driver);

        var user = compilation.SyntaxTrees.Single();
        compilation = compilation.ReplaceSyntaxTree(user, user.WithChangedText(user.GetText().Replace(0, 0, "// typing\n\n")));
        driver = driver.RunGenerators(compilation);

        Assert.Contains(Modified, Incrementality.Reasons(driver, TrackingNames.MappedClasses));
        AssertOnly(driver, TrackingNames.MappedClassSpecs, Unchanged);
        AssertOnly(driver, TrackingNames.MappedClassForms, Cached);
        AssertOnly(driver, TrackingNames.Bindings, Cached);
        Assert.Equal("H3Y0102", Assert.Single(before).Id);
        Assert.Equal(before.Select(d => (d.Id, d.Line + 2)), Lines(driver).Select(d => (d.Id, d.Line)));
    }

    [Fact]
    public void Editing_another_forms_schema_rebinds_no_mapped_class()
    {
        var compilation = GeneratorHarness.CreateCompilation(MappedClass, GeneratorHarness.MappingParseOptions);
        var driver = GeneratorHarness.CreateDriver([SalesOrder, Customer], "Contoso.Orders", GeneratorHarness.MappingParseOptions).RunGenerators(compilation);

        var edited = new SchemaText(Customer.Path, Customer.Content.Replace("客户名称", "名称", StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(Customer, edited).RunGenerators(compilation);

        Assert.Contains(Modified, Incrementality.Reasons(driver, TrackingNames.FormIndex));
        AssertOnly(driver, TrackingNames.MappedClassForms, Unchanged);
        AssertOnly(driver, TrackingNames.Bindings, Cached);
    }

    private static void AssertOnly(GeneratorDriver driver, string step, params IncrementalStepRunReason[] allowed)
    {
        var reasons = Incrementality.Reasons(driver, step);
        Assert.True(reasons.Length > 0, $"Step {step} has no outputs");
        Assert.All(reasons, r => Assert.Contains(r, allowed));
    }

    private static (string Id, int Line)[] Lines(GeneratorDriver driver) =>
        [.. driver.GetRunResult().Diagnostics
            .Where(d => d.Id.StartsWith("H3Y", StringComparison.Ordinal))
            .Select(d => (d.Id, d.Location.GetLineSpan().StartLinePosition.Line))
            .Order()];

    private static SchemaText Form(int i) => new($"f{i:000}.h3form.json", string.Create(CultureInfo.InvariantCulture, $$"""
        { "SchemaCode": "D{{i}}", "DisplayName": "表单{{i}}", "Properties": [
          { "Name": "F1", "DisplayName": "名称", "DataType": "ShortString" },
          { "Name": "F2", "DisplayName": "数量", "DataType": "Int" },
          { "Name": "F3", "DisplayName": "关联", "DataType": "Association", "AssociationSchemaCode": "D{{(i + 1) % 200}}" } ] }
        """));
}
