using H3Yun.Generators;
using Microsoft.CodeAnalysis;

namespace H3Yun.Generators.Tests;

/// <summary>
/// Thousands of mutated and truncated schema files through the generator, each checked on its own: nothing escapes
/// into the compiler; an invalid file (by <see cref="SchemaOracle"/>) gets an error in that file; a valid one gets
/// no error and a generated form, and whatever is generated compiles without a warning.
/// </summary>
public class SchemaFuzzTests
{
    private const int CompileBatch = 300;

    [Fact]
    public void Mutated_and_truncated_schemas_never_crash_always_explain_and_always_compile()
    {
        var failures = new List<string>();
        var generated = new List<(int Variant, string Text, SyntaxTree Tree)>();
        var invalidCount = 0;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var empty = GeneratorHarness.CreateCompilation();

        foreach (var (text, i) in SchemaFuzzCorpus.Variants().Select((text, i) => (text, i)))
        {
            var file = $"v{i}.h3form.json";
            var invalid = SchemaOracle.InvalidReason(text);
            invalidCount += invalid is null ? 0 : 1;
            // Each variant in a namespace of its own, so that many can be compiled together.
            var driver = GeneratorHarness.CreateDriver([new SchemaText(file, text)], $"Fuzz.V{i}")
                .RunGeneratorsAndUpdateCompilation(empty, out var output, out var diagnostics);
            var result = driver.GetRunResult().Results.Single(r => r.Generator.GetGeneratorType() == typeof(H3FormGenerator));
            var errors = diagnostics.Where(d => d.Id.StartsWith("H3Y", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error).ToArray();

            if (result.Exception is not null)
            {
                failures.Add($"variant {i}: exception {result.Exception}\n{text}");
            }

            if (diagnostics.FirstOrDefault(d => d.Id is "CS8785" or "AD0001" or "H3Y9999") is { } crash)
            {
                failures.Add($"variant {i}: {crash}\n{text}");
            }

            if (invalid is not null && !errors.Any(d => d.Location.GetLineSpan().Path == file))
            {
                failures.Add($"variant {i}: invalid ({invalid}) but no H3Y error in {file}: {string.Join("; ", diagnostics)}\n{text}");
            }

            if (invalid is null && (errors.Length > 0 || result.GeneratedSources.Length == 0))
            {
                failures.Add($"variant {i}: valid but {(errors.Length > 0 ? string.Join("; ", errors.Select(e => e.ToString())) : "nothing was generated")}\n{text}");
            }

            // Many variants generate the same code; compiling it once is enough.
            // The repositories' registration is one class per assembly; the batches hold many variants, so it is left out
            // here (GeneratedCodeTests compiles it with the forms).
            generated.AddRange(output.SyntaxTrees.Except(empty.SyntaxTrees)
                .Where(static tree => !tree.FilePath.EndsWith(GeneratorHarness.RegistrationFile, StringComparison.Ordinal))
                .Where(tree => distinct.Add(tree.ToString().Replace($"Fuzz.V{i}", "Fuzz.V", StringComparison.Ordinal)))
                .Select(tree => (i, text, tree)));
        }

        for (var start = 0; start < generated.Count; start += CompileBatch)
        {
            var batch = generated.Skip(start).Take(CompileBatch).ToArray();
            var compilation = empty.AddSyntaxTrees(batch.Select(b => b.Tree));
            foreach (var diagnostic in compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(5))
            {
                var culprit = batch.FirstOrDefault(b => b.Tree == diagnostic.Location.SourceTree);
                failures.Add($"variant {culprit.Variant}: generated code does not compile: {diagnostic}\n{culprit.Text}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures; the first:\n{string.Join("\n---\n", failures.Take(3))}\n{string.Join("\n", failures.Select(f => f.Split('\n')[0]))}");
        // The mutations must exercise both sides, or the test proves little.
        Assert.InRange(invalidCount, SchemaFuzzCorpus.Count / 4, SchemaFuzzCorpus.Count - (SchemaFuzzCorpus.Count / 5));
        Assert.True(generated.Count > SchemaFuzzCorpus.Count / 10, $"only {generated.Count} generated files");
    }

    [Theory]
    [InlineData("""{ "SchemaCode": "D1", "Properties": [ { "Name": "F1", "DataType": 14 }, ] } // ok""", true)]
    [InlineData("""{ "SchemaCode": "D1", "Properties": [ { "Name": "OBJECTID" }, { "Name": "F1", "DataType": 99 } ] }""", true)]
    [InlineData("""{ "SchemaCode": "D1", "Properties": [ { "Name": "F1", "DataType": "Colour" } ] }""", false)]
    [InlineData("""{ "SchemaCode": "D1", "Properties": [] } }""", false)]
    [InlineData("""{ "SchemaCode": "D1", "Properties": [ { "Name": "D1F", "DataType": 41, "ChildSchema": { "SchemaCode": "C", "Properties": [ { "Name": "X", "DataType": 41 } ] } } ] }""", true)]
    [InlineData("""{ "SchemaCode": "D1", "Properties": [ { "Name": "F1" } ] }""", false)]
    [InlineData("""{ "SchemaCode": " ", "Properties": [] }""", false)]
    [InlineData("""{ "SchemaCode": "D1", "Properties": {} }""", false)]
    [InlineData("""{ "SchemaCode": "D1", "Properties": [ { "Name": "F1", "DataType": 41 } ] }""", false)]
    [InlineData("""{ "SchemaCode": "D1", "Properties": [ { "Name": "F1", "DataType": "041" } ] }""", false)]
    [InlineData("""{ "SchemaCode": "D1", "Properties": [ { "Name": "F1", "DataType": 14 }, { "Name": " F1", "DataType": 7 } ] }""", false)]
    [InlineData("""{ "SchemaCode": "D1", "Properties": [ { "Name": "F1", "DataType": 24, "Formula": "yes" } ] }""", false)]
    [InlineData("""{ "SchemaCode": "D1", "Namespace": "A.class", "Properties": [] }""", false)]
    [InlineData("""{ "SchemaCode": "D1", "Properties": [ ] """, false)]
    public void The_oracle_and_the_generator_agree_on_the_readme_cases(string text, bool valid)
    {
        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        Assert.Equal(valid, SchemaOracle.InvalidReason(text) is null);
        Assert.Equal(valid, !run.GeneratorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error));
    }
}
