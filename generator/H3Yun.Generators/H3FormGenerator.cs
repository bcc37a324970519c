using System;
using System.Threading;
using H3Yun.Generators.Emitting;
using H3Yun.Generators.Model;
using H3Yun.Generators.Parsing;
using H3Yun.Generators.Resolving;
using Microsoft.CodeAnalysis;

namespace H3Yun.Generators;

/// <summary>
/// Turns every <c>*.h3form.json</c> additional file into a typed record class and repository. The pipeline:
/// select schema files, parse each into an equatable <see cref="FormSpec"/>, resolve the set (duplicates, names,
/// namespaces), then emit one source file per form and report diagnostics.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class H3FormGenerator : IIncrementalGenerator
{
    /// <summary>The file-name ending that marks a schema file.</summary>
    public const string SchemaFileSuffix = ".h3form.json";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var schemaFiles = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(SchemaFileSuffix, StringComparison.OrdinalIgnoreCase))
            .Select(static (file, cancellationToken) => SchemaFileParser.Parse(file.Path, file.GetText(cancellationToken), cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        var rootNamespace = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var value) ? value : null)
            .WithTrackingName(TrackingNames.RootNamespace);

        var formSet = schemaFiles.Collect()
            .Combine(rootNamespace)
            .Select(static (input, _) => FormSetResolver.Resolve(input.Left, input.Right))
            .WithTrackingName(TrackingNames.Resolve);

        var forms = formSet
            .SelectMany(static (set, _) => set.Forms)
            .WithTrackingName(TrackingNames.Forms);

        context.RegisterSourceOutput(schemaFiles, static (output, file) => Report(output, file.Diagnostics));
        context.RegisterSourceOutput(formSet, static (output, set) => Report(output, set.Diagnostics));
        context.RegisterSourceOutput(forms, static (output, form) => Emit(output, form));

        var mappedClasses = context.SyntaxProvider
            .ForAttributeWithMetadataName(Mapping.MappedClassReader.FormAttribute, static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax, Mapping.MappedClassReader.Read)
            .Where(static mapped => mapped is not null)
            .WithTrackingName(TrackingNames.MappedClasses);
        context.RegisterSourceOutput(mappedClasses.Combine(formSet), static (output, input) => Mapping.MappedClassOutput.Emit(output, input.Left!, input.Right));
    }

    private static void Emit(SourceProductionContext output, FormSpec form)
    {
        try
        {
            output.AddSource(FormEmitter.HintName(form), FormEmitter.Emit(form));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The generator must never throw into the compiler; a failure becomes a diagnostic on the schema file.
            output.ReportDiagnostic(DiagnosticInfo.Create(
                Diagnostics.DiagnosticDescriptors.InternalError, form.SchemaCodeLocation, System.IO.Path.GetFileName(form.FilePath), exception.Message).ToDiagnostic());
        }
    }

    private static void Report(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}

/// <summary>The names of the pipeline steps, for incremental-caching tests.</summary>
public static class TrackingNames
{
    /// <summary>Parsing one schema file.</summary>
    public const string Parse = nameof(Parse);

    /// <summary>Reading the project's root namespace.</summary>
    public const string RootNamespace = nameof(RootNamespace);

    /// <summary>Resolving the set of forms.</summary>
    public const string Resolve = nameof(Resolve);

    /// <summary>The forms to emit, one by one.</summary>
    public const string Forms = nameof(Forms);

    /// <summary>The user's classes marked [H3Form].</summary>
    public const string MappedClasses = nameof(MappedClasses);
}
