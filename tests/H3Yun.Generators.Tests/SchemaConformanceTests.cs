using H3Yun.Emulator.Schemas;
using H3Yun.Generators.Model;
using H3Yun.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace H3Yun.Generators.Tests;

/// <summary>
/// The emulator accepts exactly the schema files the generator accepts (those without an error), and reads the same
/// forms, fields and types from them: every schema file of the repository, every fuzz variant, and the edges of the
/// rules the two implement apart (system fields in any case, C# keywords in a Namespace).
/// </summary>
public class SchemaConformanceTests
{
    public static TheoryData<string, string> RepositoryFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, text) in SchemaFuzzCorpus.RepositoryFiles())
        {
            data.Add(name, text);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RepositoryFiles))]
    public void Every_schema_file_of_the_repository_reads_the_same_in_the_emulator(string name, string text)
    {
        var (generator, emulator) = ReadBoth(name, text);

        Assert.NotNull(generator);
        Assert.Equal(Describe(generator), Describe(emulator));
    }

    [Fact]
    public void Every_fuzz_variant_is_accepted_by_both_or_neither_and_reads_the_same()
    {
        var disagreements = new List<string>();
        var accepted = 0;
        foreach (var (text, i) in SchemaFuzzCorpus.Variants().Select((text, i) => (text, i)))
        {
            var (generator, emulator) = ReadBoth($"v{i}.h3form.json", text);
            accepted += generator is null ? 0 : 1;
            if (Describe(generator) != Describe(emulator))
            {
                disagreements.Add($"variant {i}: generator {Describe(generator)}\n  emulator {Describe(emulator)}\n{text}");
            }
        }

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreements; the first:\n{string.Join("\n---\n", disagreements.Take(3))}");
        Assert.InRange(accepted, SchemaFuzzCorpus.Count / 5, SchemaFuzzCorpus.Count * 3 / 4);
    }

    [Fact]
    public void Member_names_in_any_case_and_unknown_data_type_numbers_are_accepted_by_both()
    {
        const string text = """{ "schemaCode": "D1", "properties": [ { "name": "F1", "dataType": "shortstring" }, { "Name": "F2", "DataType": 99 } ] }""";

        var (generator, emulator) = ReadBoth("f.h3form.json", text);

        Assert.Equal("D1[F1:ShortString, F2:?]", Describe(generator));
        Assert.Equal(Describe(generator), Describe(emulator));
    }

    [Theory]
    [InlineData("Doubel")]
    [InlineData("Bool, Int")]
    public void An_unknown_data_type_name_is_refused_by_both(string dataType)
    {
        var text = $$"""{ "SchemaCode": "D1", "Properties": [ { "Name": "F1", "DataType": 14 }, { "Name": "F2", "DataType": "{{dataType}}" } ] }""";

        var (generator, emulator) = ReadBoth("f.h3form.json", text);

        Assert.Equal("refused", Describe(generator));
        Assert.Equal(Describe(generator), Describe(emulator));
    }

    [Fact]
    public void System_fields_are_skipped_in_any_case_by_both()
    {
        string[] codes = ["ObjectId", "Name", "CreatedBy", "OwnerId", "OwnerDeptId", "CreatedTime", "ModifiedBy", "ModifiedTime", "WorkflowInstanceId", "Status", "SeqNo", "ParentObjectId", "State", "ParentPropertyName", "ParentIndex"];
        var listed = string.Join(", ", codes.Select(code => $$"""{ "Name": "{{code.ToLowerInvariant()}}", "DataType": 14 }"""));
        var text = $$"""{ "SchemaCode": "D1", "Properties": [ {{listed}}, { "Name": "F1", "DataType": 14 } ] }""";

        var (generator, emulator) = ReadBoth("f.h3form.json", text);

        Assert.Equal("D1[F1:ShortString]", Describe(generator));
        Assert.Equal(Describe(generator), Describe(emulator));
    }

    public static TheoryData<string> Keywords =>
        [.. SyntaxFacts.GetReservedKeywordKinds().Concat(SyntaxFacts.GetContextualKeywordKinds()).Select(SyntaxFacts.GetText).Distinct()];

    [Theory]
    [MemberData(nameof(Keywords))]
    public void A_keyword_in_a_namespace_is_refused_by_both_or_neither(string keyword)
    {
        var text = $$"""{ "SchemaCode": "D1", "Namespace": "Contoso.{{keyword}}", "Properties": [] }""";

        var (generator, emulator) = ReadBoth("f.h3form.json", text);

        Assert.Equal(Describe(generator), Describe(emulator));
    }

    private static (FormSpec? Generator, FormSchema? Emulator) ReadBoth(string name, string text)
    {
        var parsed = SchemaFileParser.Parse(name, SourceText.From(text), CancellationToken.None);
        var generator = parsed.Diagnostics.Any(d => d.Message.Descriptor.DefaultSeverity == DiagnosticSeverity.Error) ? null : parsed.Form;
        FormSchema? emulator;
        try
        {
            emulator = SchemaLoader.Parse(text, name);
        }
        catch (InvalidDataException)
        {
            emulator = null;
        }

        return (generator, emulator);
    }

    /// <summary>A form as both readers can tell it: its code, and each field's code, DataType, Multiple and child table.</summary>
    private static string Describe(FormSpec? form) => form is null ? "refused" : Describe(form.SchemaCode, form.Fields);

    private static string Describe(string code, EquatableArray<FieldSpec> fields) =>
        $"{code}[{string.Join(", ", fields.Select(f => $"{f.Code}:{(int.TryParse(f.DataType, out _) ? "?" : f.DataType)}{(f.Multiple ? "*" : "")}{(f.ChildTable is { } t ? Describe(t.SchemaCode, t.Fields) : "")}"))}]";

    private static string Describe(FormSchema? form) =>
        form is null ? "refused" : $"{form.SchemaCode}[{string.Join(", ", form.Fields.Select(f => $"{f.Code}:{((int)f.DataType == -1 ? "?" : f.DataType.ToString())}{(f.Multiple ? "*" : "")}{(f.ChildSchema is { } c ? Describe(c) : "")}"))}]";
}
