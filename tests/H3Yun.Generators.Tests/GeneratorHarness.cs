using System.Collections.Immutable;
using System.Text;
using H3Yun.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace H3Yun.Generators.Tests;

/// <summary>Runs the generator in-process over in-memory schema files, the way the compiler does.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(H3YunClient).Assembly.Location),
        // The generated registration of repositories names IServiceCollection, which the runtime's package brings.
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location),
        // Programs that construct an H3YunClient see its constructor that takes a logger.
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location),
    ];

    /// <summary>
    /// The global usings of a new console project: the SDK's implicit usings, and the runtime's namespace that the
    /// package's build file adds as an MSBuild Using item.
    /// </summary>
    public const string ConsoleProjectUsings = """
        global using global::H3Yun;
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;

        """;

    /// <summary>The file that registers the forms' repositories for dependency injection.</summary>
    public const string RegistrationFile = "H3YunFormRepositories.g.cs";

    public static GeneratorRun Run(params SchemaText[] files) => Run(files, rootNamespace: "Contoso.Orders");

    public static GeneratorRun Run(IEnumerable<SchemaText> files, string? rootNamespace, string userCode = "") =>
        Run(files, rootNamespace, userCode, buildProperties: null);

    /// <summary>Runs the generator with MSBuild properties the props file makes visible (ImplicitUsings, ...).</summary>
    public static GeneratorRun Run(IEnumerable<SchemaText> files, string? rootNamespace, string userCode, IReadOnlyDictionary<string, string>? buildProperties, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var compilation = CreateCompilation(userCode, outputKind: outputKind);
        var driver = CreateDriver(files, rootNamespace, buildProperties: buildProperties);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Incrementality.AssertRerunIsCached(driver, compilation);
        return new GeneratorRun(driver, output, generatorDiagnostics);
    }

    /// <summary>C# 13, for user code with partial properties ([H3Form] classes); generated forms stay C# 12.</summary>
    public static readonly CSharpParseOptions MappingParseOptions =
        new(LanguageVersion.CSharp13, DocumentationMode.Diagnose);

    /// <summary>Runs the generator over schema files and user code written in C# 13.</summary>
    public static GeneratorRun RunWithCode(string userCode, params SchemaText[] files)
    {
        var compilation = CreateCompilation(userCode, MappingParseOptions);
        var driver = CreateDriver(files, "Contoso.Orders", MappingParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Incrementality.AssertRerunIsCached(driver, compilation);
        return new GeneratorRun(driver, output, generatorDiagnostics);
    }

    public static CSharpCompilation CreateCompilation(string userCode = "", CSharpParseOptions? parseOptions = null, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary) =>
        CSharpCompilation.Create(
            "GeneratedFormsUnderTest",
            userCode.Length == 0 ? [] : [CSharpSyntaxTree.ParseText(userCode, parseOptions ?? ParseOptions, path: "User.cs")],
            References,
            new CSharpCompilationOptions(
                outputKind,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                // The .NET SDK suppresses these assembly-unification notes by default (NoWarn 1701;1702).
                specificDiagnosticOptions: [new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));

    public static GeneratorDriver CreateDriver(IEnumerable<SchemaText> files, string? rootNamespace, CSharpParseOptions? parseOptions = null, IReadOnlyDictionary<string, string>? buildProperties = null) =>
        CSharpGeneratorDriver.Create(
            [new H3FormGenerator().AsSourceGenerator(), new H3FormClassGenerator().AsSourceGenerator()],
            [.. files],
            parseOptions ?? ParseOptions,
            new TestOptionsProvider(rootNamespace, buildProperties),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>The MSBuild properties a project makes visible to the generator.</summary>
    public static AnalyzerConfigOptionsProvider OptionsFor(string? rootNamespace, IReadOnlyDictionary<string, string>? buildProperties) =>
        new TestOptionsProvider(rootNamespace, buildProperties);

    public static SchemaText RepositorySchema(string fileName) =>
        new(Path.Combine("schemas", fileName), File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", fileName)));

    private sealed class TestOptionsProvider(string? rootNamespace, IReadOnlyDictionary<string, string>? buildProperties) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(rootNamespace, buildProperties);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(null, null);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(null, null);

        private sealed class Options(string? rootNamespace, IReadOnlyDictionary<string, string>? buildProperties) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                if (key == "build_property.RootNamespace" && rootNamespace is not null)
                {
                    value = rootNamespace;
                    return true;
                }

                const string prefix = "build_property.";
                if (buildProperties is not null && key.StartsWith(prefix, StringComparison.Ordinal) && buildProperties.TryGetValue(key[prefix.Length..], out var property))
                {
                    value = property;
                    return true;
                }

                value = string.Empty;
                return false;
            }
        }
    }
}

/// <summary>A schema file held in memory.</summary>
internal sealed class SchemaText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public string Content { get; } = text;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(Content, Encoding.UTF8);
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorRun(GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>What the schema generator produced.</summary>
    public GeneratorRunResult Result => Driver.GetRunResult().Results.Single(r => r.Generator.GetGeneratorType() == typeof(H3FormGenerator));

    /// <summary>What the [H3Form] class generator produced.</summary>
    public GeneratorRunResult MappedResult => Driver.GetRunResult().Results.Single(r => r.Generator.GetGeneratorType() == typeof(H3FormClassGenerator));

    /// <summary>Every generated file, of both generators.</summary>
    public IEnumerable<GeneratedSourceResult> Sources => Driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources);

    public string Source(string hintName) =>
        Sources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>The compiler's warnings and errors on the generated code: with TreatWarningsAsErrors, each would fail a build.</summary>
    public ImmutableArray<Diagnostic> CompilationDiagnostics =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

    public Diagnostic Single(string id) => GeneratorDiagnostics.Single(d => d.Id == id);
}
