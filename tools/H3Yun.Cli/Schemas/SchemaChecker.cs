using System.Collections.Immutable;
using H3Yun.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace H3Yun.Cli.Schemas;

/// <summary>A diagnostic of a schema file as the build reports it: file, 1-based line and column, severity, id, message.</summary>
internal sealed record SchemaDiagnostic(string Path, int Line, int Column, DiagnosticSeverity Severity, string Id, string Message)
{
    public string Format(CliConsole console) =>
        $"{console.Show(Path)}({Line},{Column}): {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
}

/// <summary>
/// Runs the generator itself (<see cref="H3FormGenerator"/>, the one the package's analyzers folder holds) over the
/// schema files through Roslyn's generator driver, as the compiler does in a build, so that <c>h3yun schema check</c>
/// reports exactly the build's diagnostics, cross-file ones included (a SchemaCode twice, an association to a form
/// the files lack), without a project or a build.
/// </summary>
internal static class SchemaChecker
{
    public static IReadOnlyList<SchemaDiagnostic> Check(IReadOnlyList<string> files, string? rootNamespace, CancellationToken cancellationToken)
    {
        var texts = files.Select(path => (AdditionalText)new FileText(path, Read(path))).ToImmutableArray();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new H3FormGenerator().AsSourceGenerator()],
            texts,
            new CSharpParseOptions(LanguageVersion.Latest),
            new BuildProperties(rootNamespace));
        driver = driver.RunGenerators(CSharpCompilation.Create("h3yun-schema-check"), cancellationToken);
        return driver.GetRunResult().Diagnostics
            .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning)
            .Select(diagnostic =>
            {
                var span = diagnostic.Location.GetLineSpan();
                return new SchemaDiagnostic(
                    span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, diagnostic.Severity, diagnostic.Id,
                    diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            })
            .OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Read before the driver runs, so that a file that cannot be read stops the command with its reason.</summary>
    private static SourceText Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return SourceText.From(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Could not read {path}: {ex.Message}", ex);
        }
    }

    /// <summary>A schema file as the compiler hands it to the generator.</summary>
    private sealed class FileText(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }

    /// <summary>The MSBuild properties the package's props file makes visible to the generator.</summary>
    private sealed class BuildProperties(string? rootNamespace) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(rootNamespace);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(null);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values(null);

        private sealed class Values(string? rootNamespace) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = rootNamespace ?? string.Empty;
                return key == "build_property.RootNamespace" && rootNamespace is not null;
            }
        }
    }
}
