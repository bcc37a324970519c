using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using H3Yun.Generators;
using H3Yun.Generators.Model;
using H3Yun.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace H3Yun.Benchmarks;

/// <summary>
/// What the generator costs next to what the compiler must spend anyway: generating <see cref="SchemaCorpus"/>
/// (parse every schema file, resolve the set, emit every form, with the very functions the pipeline calls) against
/// parsing the C# it generates. The ratio column is the figure the design notes quote; the goal is at most 0.2.
/// The compiler parses doc comments (<see cref="DocumentationMode.Parse"/>, or Diagnose with a documentation file,
/// which costs the same) unless told not to (<see cref="DocumentationMode.None"/>, the strictest baseline).
/// </summary>
// The machine is shared: Min and Median show what noise does to the Mean, on both sides alike.
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class GeneratorThroughputBenchmarks
{
    private (string Path, SourceText Text)[] _schemas = [];
    private string[] _generated = [];
    private CSharpParseOptions _parseOptions = CSharpParseOptions.Default;

    [Params(DocumentationMode.Parse, DocumentationMode.None)]
    public DocumentationMode Documentation { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12, Documentation);
        _schemas = [.. SchemaCorpus.Create().Select(file => (file.Path, SourceText.From(file.Text)))];
        _generated = Generate();
        var fields = SchemaCorpus.FormCount * SchemaCorpus.FieldsPerForm;
        var chars = _generated.Sum(static text => (long)text.Length);
        Console.WriteLine($"// {_generated.Length} files, {chars} chars generated, {chars / fields} chars per field");
    }

    [Benchmark(Baseline = true, Description = "compiler parses the generated C#")]
    public int ParseGeneratedCode()
    {
        var length = 0;
        foreach (var text in _generated)
        {
            length += CSharpSyntaxTree.ParseText(text, _parseOptions).GetRoot().FullSpan.Length;
        }

        return length;
    }

    [Benchmark(Description = "generator: schema files to C#")]
    public int GenerateCode() => Generate().Length;

    private string[] Generate()
    {
        var forms = ImmutableArray.CreateBuilder<FormSpec?>(_schemas.Length);
        foreach (var (path, text) in _schemas)
        {
            forms.Add(SchemaFileParser.Parse(path, text, CancellationToken.None).Form);
        }

        var set = SchemaPipeline.Resolve(forms.MoveToImmutable(), "Contoso.Forms");
        var sources = new string[set.Forms.Count];
        for (var i = 0; i < sources.Length; i++)
        {
            sources[i] = H3FormGenerator.Emit(set.Forms[i]);
        }

        return sources;
    }
}
