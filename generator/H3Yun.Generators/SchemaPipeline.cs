using System;
using System.Collections.Immutable;
using H3Yun.Generators.Model;
using H3Yun.Generators.Parsing;
using H3Yun.Generators.Resolving;
using Microsoft.CodeAnalysis;

namespace H3Yun.Generators;

/// <summary>
/// The steps both generators take over the project's schema files: select them, parse each, split the location-free
/// form from its locations, resolve the set. Each generator builds them in its own pipeline; the steps are these
/// static functions, which the benchmarks call too.
/// </summary>
internal static class SchemaPipeline
{
    /// <summary>The file-name ending that marks a schema file.</summary>
    public const string SchemaFileSuffix = ".h3form.json";

    private const string RootNamespaceOption = "build_property.RootNamespace";

    public static bool IsSchemaFile(AdditionalText file) => file.Path.EndsWith(SchemaFileSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every schema file, parsed.</summary>
    public static IncrementalValuesProvider<SchemaFile> ParsedFiles(IncrementalGeneratorInitializationContext context) =>
        context.AdditionalTextsProvider
            .Where(IsSchemaFile)
            .Select(static (file, cancellationToken) => SchemaFileParser.Parse(file.Path, file.GetText(cancellationToken), cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

    /// <summary>The project's forms, resolved: only location-free forms go in, so whitespace edits leave it cached.</summary>
    public static IncrementalValueProvider<FormSet> FormSet(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<SchemaFile> parsed)
    {
        var forms = parsed
            .Select(static (file, _) => file.Form)
            .WithTrackingName(TrackingNames.Form);
        var rootNamespace = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue(RootNamespaceOption, out var value) ? value : null)
            .WithTrackingName(TrackingNames.RootNamespace);
        return forms.Collect()
            .Combine(rootNamespace)
            .Select(static (input, _) => Resolve(input.Left, input.Right))
            .WithTrackingName(TrackingNames.Resolve);
    }

    public static FormSet Resolve(ImmutableArray<FormSpec?> forms, string? rootNamespace) => FormSetResolver.Resolve(forms, rootNamespace);
}
