using System;
using System.Linq;
using H3Yun.Generators.Diagnostics;
using H3Yun.Generators.Emitting;
using H3Yun.Generators.Model;
using Microsoft.CodeAnalysis;

namespace H3Yun.Generators;

/// <summary>
/// Turns every <c>*.h3form.json</c> additional file into a typed record class and repository: parse each file into
/// a location-free <see cref="FormSpec"/>, resolve the set (duplicates, names, namespaces, associations), emit one
/// source file per form. Diagnostics take their own path, where the locations join them, so that an edit that only
/// moves text re-emits nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class H3FormGenerator : IIncrementalGenerator
{
    /// <summary>The file-name ending that marks a schema file.</summary>
    public const string SchemaFileSuffix = SchemaPipeline.SchemaFileSuffix;

    private const string ImplicitUsingsOption = "build_property.ImplicitUsings";
    private const string H3YunImplicitUsingsOption = "build_property.H3YunImplicitUsings";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = SchemaPipeline.ParsedFiles(context);
        var formSet = SchemaPipeline.FormSet(context, parsed);
        var forms = formSet
            .SelectMany(static (set, _) => set.Forms)
            .WithTrackingName(TrackingNames.Forms);
        context.RegisterSourceOutput(forms, static (output, form) => Emit(output, form));

        var repositories = formSet
            .Select(static (set, _) => set.Forms.Select(static form => form.Type.Qualified + "Repository").ToEquatableArray())
            .WithTrackingName(TrackingNames.Repositories);
        context.RegisterSourceOutput(repositories, static (output, names) => RegistrationEmitter.Emit(output, "H3YunFormRepositories", names));

        var implicitUsings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => GlobalUsingsEmitter.Enabled(
                options.GlobalOptions.TryGetValue(ImplicitUsingsOption, out var implicitUsings) ? implicitUsings : null,
                options.GlobalOptions.TryGetValue(H3YunImplicitUsingsOption, out var ours) ? ours : null))
            .WithTrackingName(TrackingNames.ImplicitUsings);
        var globalUsings = formSet
            .Select(static (set, _) => GlobalUsingsEmitter.Namespaces(set))
            .Combine(implicitUsings)
            .Select(static (input, _) => input.Right ? input.Left : EquatableArray<string>.Empty)
            .WithTrackingName(TrackingNames.GlobalUsings);
        context.RegisterSourceOutput(globalUsings, static (output, namespaces) =>
        {
            if (namespaces.Count > 0)
            {
                output.AddSource(GlobalUsingsEmitter.HintName, GlobalUsingsEmitter.Emit(namespaces));
            }
        });

        var fileDiagnostics = parsed
            .Select(static (file, _) => file.Diagnostics)
            .WithTrackingName(TrackingNames.FileDiagnostics);
        var setDiagnostics = parsed
            .Select(static (file, _) => file.Locations)
            .Combine(formSet.Select(static (set, _) => set.Problems).WithTrackingName(TrackingNames.Problems))
            .Select(static (input, _) => input.Left.Locate(input.Right).ToEquatableArray())
            .WithTrackingName(TrackingNames.SetDiagnostics);
        context.RegisterSourceOutput(fileDiagnostics, static (output, diagnostics) => Report(output, diagnostics));
        context.RegisterSourceOutput(setDiagnostics, static (output, diagnostics) => Report(output, diagnostics));
    }

    /// <summary>The generated file of one form; internal so that the benchmarks time exactly this.</summary>
    internal static string Emit(FormSpec form) => FormEmitter.Emit(form);

    private static void Emit(SourceProductionContext output, FormSpec form)
    {
        try
        {
            output.AddSource(FormEmitter.HintName(form), Emit(form));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The generator must never throw into the compiler; a failure becomes a diagnostic on the schema file.
            output.ReportDiagnostic(SchemaDiagnostics.InternalError(System.IO.Path.GetFileName(form.FilePath), exception)
                .At(LocationInfo.File(form.FilePath)).ToDiagnostic());
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
