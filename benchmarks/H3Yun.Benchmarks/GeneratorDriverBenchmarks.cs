using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using H3Yun.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace H3Yun.Benchmarks;

/// <summary>
/// The generators as the compiler and the IDE run them: <see cref="CSharpGeneratorDriver"/> (with step tracking, as
/// the IDE's driver) over <see cref="SchemaCorpus"/> (200 forms × 60 fields) and a project of C# files. Cold is a
/// first build, or the IDE opening the solution; the two edits are what every keystroke then costs, starting from a
/// driver that has run once: the driver is immutable, so each invocation starts from the same warm state.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class GeneratorDriverBenchmarks
{
    private const int UserFiles = 20;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Parse);

    private ImmutableArray<AdditionalText> _schemas;
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warm = null!;
    private AdditionalText _editedSchema = null!;
    private SyntaxTree _userTree = null!;
    private SyntaxTree _editedUserTree = null!;

    [GlobalSetup]
    public void Setup()
    {
        _schemas = [.. SchemaCorpus.Create().Select(static file => (AdditionalText)new InMemoryText(file.Path, file.Text))];
        var trees = Enumerable.Range(0, UserFiles).Select(static i => CSharpSyntaxTree.ParseText(UserCode(i, edited: false), ParseOptions, path: $"Service{i}.cs")).ToArray();
        _compilation = CSharpCompilation.Create(
            "Consumer",
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _userTree = trees[UserFiles / 2];
        _editedUserTree = CSharpSyntaxTree.ParseText(UserCode(UserFiles / 2, edited: true), ParseOptions, path: _userTree.FilePath);

        // A display name changed in one form, as a user editing its schema file in the IDE.
        var schema = (InMemoryText)_schemas[SchemaCorpus.FormCount / 2];
        _editedSchema = new InMemoryText(schema.Path, schema.Content.Replace("字段 1 名称", "字段 1 新名称", StringComparison.Ordinal));
        _warm = Driver().RunGenerators(_compilation);

        var result = _warm.GetRunResult();
        var sources = result.Results.Sum(static r => r.GeneratedSources.Length);
        if (result.Diagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error) || sources < SchemaCorpus.FormCount)
        {
            throw new InvalidOperationException($"The generators made {sources} files and reported: {string.Join("; ", result.Diagnostics.Take(3))}");
        }

        Console.WriteLine($"// {sources} generated files; after a schema edit: {Generated(AfterSchemaEdit())}; after a C# edit: {Generated(AfterCSharpEdit())}");
    }

    [Benchmark(Baseline = true, Description = "cold: a first run")]
    public GeneratorDriver Cold() => Driver().RunGenerators(_compilation);

    [Benchmark(Description = "after one schema edit")]
    public GeneratorDriver AfterSchemaEdit() => _warm.ReplaceAdditionalText(_schemas[SchemaCorpus.FormCount / 2], _editedSchema).RunGenerators(_compilation);

    [Benchmark(Description = "after a C# edit")]
    public GeneratorDriver AfterCSharpEdit() => _warm.RunGenerators(_compilation.ReplaceSyntaxTree(_userTree, _editedUserTree));

    // How many outputs of the schema generator's last step were produced anew rather than taken from the cache.
    private static string Generated(GeneratorDriver driver)
    {
        var run = driver.GetRunResult().Results.Single(static r => r.Generator.GetGeneratorType() == typeof(H3FormGenerator));
        var fresh = run.TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static step => step.Outputs)
            .Count(static output => output.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
        return $"{fresh} fresh outputs";
    }

    private CSharpGeneratorDriver Driver() => CSharpGeneratorDriver.Create(
        [new H3FormGenerator().AsSourceGenerator(), new H3FormClassGenerator().AsSourceGenerator()],
        _schemas,
        ParseOptions,
        new RootNamespaceOptions("Contoso.Forms"),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static string UserCode(int file, bool edited) => $$"""
        namespace Contoso.App;

        public sealed class Service{{file}}(Contoso.Forms.D000024Form{{file:000}}Repository forms)
        {
            public async System.Threading.Tasks.Task<int> CountAsync()
            {
                var page = await forms.QueryAsync();
                return page.Items.Count{{(edited ? " + 1" : string.Empty)}};
            }
        }
        """;

    private static MetadataReference[] References() =>
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(static path => MetadataReference.CreateFromFile(path)),
        MetadataReference.CreateFromFile(typeof(H3YunClient).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location),
    ];

    private sealed class InMemoryText(string path, string content) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(content, Encoding.UTF8);

        public override string Path { get; } = path;

        public string Content { get; } = content;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class RootNamespaceOptions(string rootNamespace) : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions None = new Options(null);

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(rootNamespace);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None;

        private sealed class Options(string? rootNamespace) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = rootNamespace ?? string.Empty;
                return key == "build_property.RootNamespace" && rootNamespace is not null;
            }
        }
    }
}
