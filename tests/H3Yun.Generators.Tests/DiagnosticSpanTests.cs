using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using H3Yun.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace H3Yun.Generators.Tests;

/// <summary>
/// Every schema diagnostic with its ID, its severity, the exact token it underlines (⟦ ⟧ in the cases below), its
/// line and column, and a message that names the file, the form and the field.
/// </summary>
public partial class DiagnosticSpanTests
{
    public static TheoryData<string, DiagnosticSeverity, string, string[]> Cases => new()
    {
        { "H3Y0001", DiagnosticSeverity.Error, "{\n  \"SchemaCode\": \"X\"\n  ⟦\"⟧Properties\": []\n}", ["'f.h3form.json' is not valid JSON"] },
        { "H3Y0002", DiagnosticSeverity.Error, "⟦{⟧ \"Properties\": [] }", ["'f.h3form.json' declares no SchemaCode"] },
        { "H3Y0002", DiagnosticSeverity.Error, "{ \"SchemaCode\": ⟦\" \"⟧, \"Properties\": [] }", ["'f.h3form.json'"] },
        { "H3Y0003", DiagnosticSeverity.Error, "{ \"SchemaCode\": ⟦\"D1\"⟧ }", ["Form 'D1' in 'f.h3form.json'", "Add \"Properties\""] },
        { "H3Y0003", DiagnosticSeverity.Error, "{ \"SchemaCode\": \"D1\", \"Properties\": ⟦{}⟧ }", ["Form 'D1' in 'f.h3form.json'"] },
        { "H3Y0004", DiagnosticSeverity.Error, "{ \"SchemaCode\": \"D1\", \"Properties\": [ ⟦{⟧ \"DataType\": 14 } ] }", ["form 'D1' in 'f.h3form.json' has no Name", "Add \"Name\""] },
        { "H3Y0005", DiagnosticSeverity.Error, "{ \"SchemaCode\": \"D1\", \"Properties\": [ { \"Name\": ⟦\"F1\"⟧ } ] }", ["Field 'F1' of form 'D1' in 'f.h3form.json'", "Add \"DataType\""] },
        { "H3Y0006", DiagnosticSeverity.Error, "{ \"SchemaCode\": \"D1\", \"Properties\": [ { \"Name\": \"F1\", \"DataType\": ⟦\"Colour\"⟧ } ] }", ["Field 'F1' of form 'D1' in 'f.h3form.json'", "'Colour'", "is not generated. Use one of: Bool (1)"] },
        { "H3Y0006", DiagnosticSeverity.Error, "{ \"SchemaCode\": \"D1\", \"Properties\": [ { \"Name\": \"F1\", \"DataType\": ⟦\"Doubel\"⟧ } ] }", ["'Doubel'", "is not generated. Did you mean 'Double'? Use one of:"] },
        { "H3Y0016", DiagnosticSeverity.Warning, "{ \"SchemaCode\": \"D1\", \"Properties\": [ { \"Name\": \"F1\", \"DataType\": ⟦99⟧ } ] }", ["Field 'F1' of form 'D1' in 'f.h3form.json' has DataType 99", "keeps the raw JSON"] },
        { "H3Y0007", DiagnosticSeverity.Error, "{ \"SchemaCode\": \"D1\", \"Properties\": [ { \"Name\": \"F1\", \"DataType\": 14 }, { \"Name\": ⟦\"F1\"⟧, \"DataType\": 7 } ] }", ["Form 'D1' in 'f.h3form.json'", "'F1'", "Remove or correct"] },
        {
            "H3Y0007", DiagnosticSeverity.Error,
            "{ \"SchemaCode\": \"D1\", \"Properties\": [ { \"Name\": \"F1\", \"DataType\": 14 }, { \"Name\": \"D1F\", \"DataType\": 41, \"ChildSchema\": { \"SchemaCode\": \"D1F\", \"Properties\": [\n  { \"Name\": \"F1\", \"DataType\": 14 },\n  { \"Name\": ⟦\"F1\"⟧, \"DataType\": 7 } ] } } ] }",
            ["Form 'D1F' in 'f.h3form.json' declares the field code 'F1' more than once"]
        },
        { "H3Y0009", DiagnosticSeverity.Warning, "{ \"SchemaCode\": \"D1\", \"Properties\": [ { \"Name\": \"F1\", \"DataType\": 14, \"PropertyName\": ⟦\"class\"⟧ } ] }", ["Field 'F1' of form 'D1' in 'f.h3form.json' is generated as 'class_'", "keyword", "Change PropertyName"] },
        { "H3Y0015", DiagnosticSeverity.Info, "{ \"SchemaCode\": \"D1\", \"Properties\": [ { \"Name\": \"F1\", \"DisplayName\": \"备注\", \"DataType\": 14 }, { \"Name\": ⟦\"F2\"⟧, \"DisplayName\": \"备注\", \"DataType\": 14 } ] }", ["Field 'F2' of form 'D1' in 'f.h3form.json' is generated as '备注_F2' instead of '备注'", "another field", "Set PropertyName"] },
        { "H3Y0015", DiagnosticSeverity.Info, "{ \"SchemaCode\": \"D1\", \"DisplayName\": ⟦\"Where\"⟧, \"Properties\": [] }", ["ClassName of form 'D1' in 'f.h3form.json' is generated as 'Where_' instead of 'Where'", "declares a member", "Set ClassName"] },
        { "H3Y0009", DiagnosticSeverity.Warning, "{ \"SchemaCode\": \"D1\", \"ClassName\": ⟦\"int\"⟧, \"Properties\": [] }", ["ClassName of form 'D1' in 'f.h3form.json'", "Change ClassName"] },
        { "H3Y0015", DiagnosticSeverity.Info, "{ \"SchemaCode\": \"D1\", \"Properties\": [ { \"Name\": \"F2\", \"DataType\": 14, \"PropertyName\": \"PhaseOption\" }, { \"Name\": ⟦\"F1\"⟧, \"DataType\": 14, \"PropertyName\": \"Phase\", \"Options\": [\"Open\"] } ] }", ["The option enum of field 'F1' of form 'D1' in 'f.h3form.json' is generated as 'PhaseOption_F1' instead of 'PhaseOption'", "Set PropertyName"] },
        { "H3Y0015", DiagnosticSeverity.Info, "{ \"SchemaCode\": \"D1\", \"Properties\": [ { \"Name\": \"F2\", \"DataType\": 14, \"PropertyName\": \"PhaseText\" }, { \"Name\": ⟦\"F1\"⟧, \"DataType\": 14, \"PropertyName\": \"Phase\", \"Options\": [\"Open\"] } ] }", ["The companion of field 'F1' of form 'D1' in 'f.h3form.json' is generated as 'PhaseText_F1' instead of 'PhaseText'", "Set PropertyName"] },
        { "H3Y0015", DiagnosticSeverity.Info, "{ \"SchemaCode\": \"D1\", \"Properties\": [ { \"Name\": \"F2\", \"DataType\": 14, \"PropertyName\": \"LinesRow\" }, { \"Name\": ⟦\"D1F\"⟧, \"DataType\": \"BizObjectArray\", \"PropertyName\": \"Lines\", \"ChildSchema\": { \"SchemaCode\": \"D1F\", \"Properties\": [] } } ] }", ["The row class of child table 'D1F' of form 'D1' in 'f.h3form.json' is generated as 'LinesRow_D1F' instead of 'LinesRow'", "Set ClassName"] },
        { "H3Y0009", DiagnosticSeverity.Warning, "{ \"SchemaCode\": \"D1\", \"Properties\": [ { \"Name\": \"F2\", \"DataType\": 14, \"PropertyName\": \"Row\" }, { \"Name\": ⟦\"D1F\"⟧, \"DataType\": \"BizObjectArray\", \"ChildSchema\": { \"SchemaCode\": \"D1F\", \"ClassName\": \"Row\", \"Properties\": [] } } ] }", ["The row class of child table 'D1F' of form 'D1' in 'f.h3form.json' is generated as 'Row_D1F' instead of 'Row'", "Change ClassName"] },
        { "H3Y0010", DiagnosticSeverity.Warning, "{ \"SchemaCode\": \"D1\", \"Properties\": [ { \"Name\": \"F1\", \"DataType\": \"Bool\", \"Options\": ⟦[\"a\"]⟧ } ] }", ["Field 'F1' of form 'D1' in 'f.h3form.json'", "Remove them"] },
        { "H3Y0011", DiagnosticSeverity.Warning, "{ \"SchemaCode\": \"D1\", \"Properties\": [ { \"Name\": ⟦\"F1\"⟧, \"DataType\": \"Association\", \"AssociationSchemaCode\": \"Elsewhere\" } ] }", ["Field 'F1' of form 'D1' in 'f.h3form.json'", "'Elsewhere'", "Add that form's schema file"] },
        { "H3Y0012", DiagnosticSeverity.Error, "{ \"SchemaCode\": \"D1\", \"Properties\": [ { \"Name\": ⟦\"D1F\"⟧, \"DataType\": \"BizObjectArray\" } ] }", ["Child table 'D1F' of form 'D1' in 'f.h3form.json'", "Add \"ChildSchema\""] },
        { "H3Y0013", DiagnosticSeverity.Warning, "{ \"SchemaCode\": \"D1\", \"Properties\": [ { \"Name\": \"F1\", \"DataType\": ⟦\"Html\"⟧ } ] }", ["Field 'F1' of form 'D1' in 'f.h3form.json'", "JsonElement"] },
        { "H3Y0014", DiagnosticSeverity.Error, "{ \"SchemaCode\": ⟦5⟧, \"Properties\": [] }", ["'SchemaCode' in 'f.h3form.json' should be a string"] },
        { "H3Y0014", DiagnosticSeverity.Error, "{ \"SchemaCode\": \"D1\", \"Properties\": [ { \"Name\": \"F1\", \"DataType\": 14, \"Multiple\": ⟦\"yes\"⟧ } ] }", ["'Multiple' in 'f.h3form.json' should be true or false"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_diagnostic_has_its_id_severity_exact_span_and_a_message_naming_file_form_and_field(
        string id, DiagnosticSeverity severity, string marked, string[] messageParts)
    {
        var start = marked.IndexOf('⟦', StringComparison.Ordinal);
        var text = marked.Replace("⟦", string.Empty, StringComparison.Ordinal).Replace("⟧", string.Empty, StringComparison.Ordinal);
        var span = TextSpan.FromBounds(start, marked.IndexOf('⟧', StringComparison.Ordinal) - 1);

        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        var diagnostic = run.Single(id);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        var lineSpan = diagnostic.Location.GetLineSpan();
        Assert.Equal("f.h3form.json", lineSpan.Path);
        Assert.Equal(SourceText.From(text).Lines.GetLinePositionSpan(span), lineSpan.Span);
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.All(messageParts, part => Assert.Contains(part, message, StringComparison.Ordinal));
        Assert.Equal("https://github.com/h3yun-generators/h3yun-generators/blob/main/docs/diagnostics/" + id + ".md", diagnostic.Descriptor.HelpLinkUri);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void A_schema_code_declared_twice_points_at_the_second_file_and_names_both()
    {
        const string second = "{ \"SchemaCode\": \"D1\", \"Properties\": [] }";
        var run = GeneratorHarness.Run(new SchemaText("a.h3form.json", second), new SchemaText("b.h3form.json", second));

        var diagnostic = run.Single("H3Y0008");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("b.h3form.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(new TextSpan(second.IndexOf("\"D1\"", StringComparison.Ordinal), 4), diagnostic.Location.SourceSpan);
        Assert.Equal(
            "SchemaCode 'D1' is declared by 'a.h3form.json' and again by 'b.h3form.json'; only the first is generated. Keep one schema file per form.",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("DisplayName", "H3Y0015", "Set ClassName")]
    [InlineData("ClassName", "H3Y0009", "Change ClassName")]
    public void A_class_name_another_form_of_the_namespace_has_points_at_the_second_files_name(string member, string id, string advice)
    {
        var first = $$"""{ "SchemaCode": "D1", "{{member}}": "Order", "Properties": [] }""";
        var second = $$"""{ "SchemaCode": "D2", "{{member}}": "Order", "Properties": [] }""";

        var run = GeneratorHarness.Run(new SchemaText("a.h3form.json", first), new SchemaText("b.h3form.json", second));

        var diagnostic = run.Single(id);
        Assert.Equal("b.h3form.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(new TextSpan(second.IndexOf("\"Order\"", StringComparison.Ordinal), 7), diagnostic.Location.SourceSpan);
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("The class of form 'D2' in 'b.h3form.json' is generated as 'Order_D2' instead of 'Order'", message, StringComparison.Ordinal);
        Assert.Contains(advice, message, StringComparison.Ordinal);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void Every_released_diagnostic_has_a_page_its_help_link_names_and_every_page_is_released()
    {
        var root = RepositoryRoot();
        var released = ReleasedIds().Matches(File.ReadAllText(Path.Combine(root, "generator", "H3Yun.Generators", "AnalyzerReleases.Unshipped.md")))
            .Select(m => m.Groups[1].Value).ToHashSet();
        var pages = Directory.GetFiles(Path.Combine(root, "docs", "diagnostics"), "H3Y*.md").Select(Path.GetFileNameWithoutExtension).ToHashSet();

        Assert.Contains("H3Y0201", released);
        Assert.Equal(released.Order(), pages.Order());
        foreach (var id in released)
        {
            Assert.StartsWith("# " + id, File.ReadAllText(Path.Combine(root, "docs", "diagnostics", id + ".md")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_descriptor_has_the_title_severity_and_category_its_page_shows()
    {
        var root = RepositoryRoot();
        var descriptors = typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToArray();

        var released = ReleasedIds().Matches(File.ReadAllText(Path.Combine(root, "generator", "H3Yun.Generators", "AnalyzerReleases.Unshipped.md")))
            .Select(m => m.Groups[1].Value);
        Assert.Equal(released.Order(), descriptors.Select(d => d.Id).Order());
        foreach (var descriptor in descriptors)
        {
            var lines = File.ReadAllLines(Path.Combine(root, "docs", "diagnostics", descriptor.Id + ".md"));
            Assert.Equal($"# {descriptor.Id}: {descriptor.Title}", lines[0]);
            Assert.StartsWith($"**{descriptor.DefaultSeverity}** · category `{descriptor.Category}` ·", lines[2], StringComparison.Ordinal);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "H3Yun.Generators.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^(H3Y\d{4}) \|", RegexOptions.Multiline)]
    private static partial Regex ReleasedIds();
}
