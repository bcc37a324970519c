using System.Collections.Immutable;
using System.Reflection;
using H3Yun.Generators.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace H3Yun.Generators.Tests.Docs;

/// <summary>
/// Compiles a C# block of the docs as a reader would use it: in a console project with implicit usings, the forms of
/// <c>schemas/</c> generated into its root namespace, and the variables the docs use without declaring them.
/// </summary>
internal static class SnippetCompiler
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest, DocumentationMode.None);

    // What the docs may use without declaring it. A block that declares one of these names itself shadows it.
    private const string Ambient = """
            internal static global::H3Yun.H3YunClient client = null!;
            internal static global::Docs.SalesOrderRepository orders = null!;
            internal static global::Docs.CustomerRepository customers = null!;
            internal static global::System.Threading.CancellationToken cancellationToken = default;
            internal static global::Microsoft.Extensions.DependencyInjection.IServiceCollection services = null!;
            internal static global::Microsoft.Extensions.Configuration.IConfiguration configuration = null!;
            internal static global::Microsoft.AspNetCore.Builder.WebApplicationBuilder builder = null!;
            internal static string[] args = [];
        """;


    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && IsManaged(path))
            .Select(path => MetadataReference.CreateFromFile(path)),
    ];

    private static readonly ImmutableArray<SchemaText> Schemas =
    [
        .. Directory.GetFiles(Path.Combine(MarkdownFiles.Root, "schemas"), "*.h3form.json")
            .Select(path => new SchemaText(Path.GetRelativePath(MarkdownFiles.Root, path), File.ReadAllText(path))),
    ];

    /// <summary>Compiles the block and returns every diagnostic of a warning or worse: the compiler's, the generators' and the analyzer's.</summary>
    public static IReadOnlyList<Diagnostic> Compile(string code, string file, int line)
    {
        var (usings, statements, declarations) = Split(code);
        var source = $$"""
            {{usings}}
            internal static partial class DocSnippet
            {
            {{Ambient}}
                internal static async global::System.Threading.Tasks.Task Run()
                {
            #line {{line + 1}} "{{file}}"
            {{statements}}
            #line default
                    await global::System.Threading.Tasks.Task.CompletedTask;
                }
            }
            {{declarations}}
            """;
        var compilation = CSharpCompilation.Create(
            "DocSnippet",
            [CSharpSyntaxTree.ParseText(GeneratorHarness.ConsoleProjectUsings, Parse, "GlobalUsings.cs"), CSharpSyntaxTree.ParseText(source, Parse, "Snippet.cs")],
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                specificDiagnosticOptions: [new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));
        var driver = CSharpGeneratorDriver.Create(
            [new H3FormGenerator().AsSourceGenerator(), new H3FormClassGenerator().AsSourceGenerator(), .. JsonSourceGenerators.Value],
            Schemas,
            Parse,
            GeneratorHarness.OptionsFor("Docs", new Dictionary<string, string> { ["ImplicitUsings"] = "enable" }));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var analyzed = output.WithAnalyzers([new FieldCodeAnalyzer()], new AnalyzerOptions([.. Schemas]));
        return [.. generatorDiagnostics.Concat(analyzed.GetAllDiagnosticsAsync().GetAwaiter().GetResult())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)];
    }

    // Top-level statements must come before type declarations in a file; a block may show them in either order.
    private static (string Usings, string Statements, string Declarations) Split(string code)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code, Parse).GetRoot();
        var usings = string.Concat(root.Usings.Select(u => u.ToFullString()));
        var statements = string.Concat(root.Members.OfType<GlobalStatementSyntax>().Select(s => s.ToFullString()));
        var declarations = string.Concat(root.Members.Where(m => m is not GlobalStatementSyntax).Select(m => m.ToFullString()));
        return (usings, statements + root.EndOfFileToken.LeadingTrivia.ToFullString(), declarations);
    }

    // The System.Text.Json source generator from the SDK's reference pack, for blocks that declare a JsonSerializerContext.
    private static readonly Lazy<ISourceGenerator[]> JsonSourceGenerators = new(() =>
    {
        var dotnet = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var generator = Directory.EnumerateFiles(Path.Combine(dotnet, "packs", "Microsoft.NETCore.App.Ref"), "System.Text.Json.SourceGeneration.dll", SearchOption.AllDirectories)
            .Where(path => path.Contains($"{Path.DirectorySeparatorChar}roslyn4", StringComparison.Ordinal) || path.Contains("analyzers", StringComparison.Ordinal))
            .OrderByDescending(path => path, StringComparer.Ordinal)
            .FirstOrDefault() ?? throw new InvalidOperationException($"No System.Text.Json source generator under {dotnet}/packs.");
        return [.. new Microsoft.CodeAnalysis.Diagnostics.AnalyzerFileReference(generator, new Loader()).GetGenerators(LanguageNames.CSharp)];
    });

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
