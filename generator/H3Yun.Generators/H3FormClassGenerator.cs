using System;
using System.Collections.Generic;
using System.Linq;
using H3Yun.Generators.Diagnostics;
using H3Yun.Generators.Emitting;
using H3Yun.Generators.Mapping;
using H3Yun.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace H3Yun.Generators;

/// <summary>
/// Implements users' classes marked <c>[H3Form]</c>: read each class into a location-free
/// <see cref="MappedClassSpec"/>, look its form up in a location-free <see cref="FormIndex"/>, bind its properties,
/// emit. The locations travel on their own path to the diagnostics, so typing above a class re-emits nothing and an
/// edit of another form's schema rebinds nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class H3FormClassGenerator : IIncrementalGenerator
{
    /// <summary>The attribute that marks a mapped class.</summary>
    public const string FormAttribute = "H3Yun.H3FormAttribute";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var index = SchemaPipeline.FormSet(context, SchemaPipeline.ParsedFiles(context))
            .Select(static (set, _) => new FormIndex(set.Forms))
            .WithTrackingName(TrackingNames.FormIndex);

        var classes = context.SyntaxProvider
            .ForAttributeWithMetadataName(FormAttribute, static (node, _) => node is TypeDeclarationSyntax, MappedClassReader.Read)
            .Where(static input => input is not null)
            .Select(static (input, _) => input!)
            .WithTrackingName(TrackingNames.MappedClasses);
        var bindings = classes
            .Select(static (input, _) => input.Spec)
            .WithTrackingName(TrackingNames.MappedClassSpecs)
            .Combine(index)
            .Select(static (input, _) => input.Right.Lookup(input.Left))
            .WithTrackingName(TrackingNames.MappedClassForms)
            .Select(static (input, _) => Bind(input))
            .WithTrackingName(TrackingNames.Bindings);
        context.RegisterSourceOutput(bindings, static (output, binding) => Emit(output, binding));

        var repositories = bindings
            .Where(static binding => binding.Emit && binding.Form is not null)
            .Select(static (binding, _) => binding.Class.QualifiedName + "Repository")
            .Collect()
            .Select(static (names, _) => names.Sort(StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.MappedRepositories);
        context.RegisterSourceOutput(repositories, static (output, names) => RegistrationEmitter.Emit(output, "H3YunMappedClassRepositories", names));

        var diagnostics = classes
            .Select(static (input, _) => input.Locations)
            .Collect()
            .Combine(bindings.Select(static (binding, _) => (binding.Class.QualifiedName, binding.Problems)).Collect())
            .Select(static (input, _) => Locate(input.Left, input.Right))
            .WithTrackingName(TrackingNames.MappingDiagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, found) =>
        {
            foreach (var diagnostic in found)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });
    }

    private static MappedClassBinding Bind(MappedClassForm input)
    {
        try
        {
            return MappedClassBinder.Bind(input);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The generator must never throw into the compiler; a failure becomes a diagnostic on the attribute.
            var problem = new MappedProblem(MappedClassLocations.AttributeAnchor, SchemaDiagnostics.InternalError(input.Class.ClassName, exception));
            return new MappedClassBinding(input.Class, null, EquatableArray<BoundProperty>.Empty, Emit: false, new[] { problem }.ToEquatableArray());
        }
    }

    private static void Emit(SourceProductionContext output, MappedClassBinding binding)
    {
        if (!binding.Emit)
        {
            return;
        }

        try
        {
            output.AddSource(MappedClassEmitter.HintName(binding.Class), MappedClassEmitter.Emit(binding));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            output.ReportDiagnostic(SchemaDiagnostics.InternalError(binding.Class.ClassName, exception).At(null).ToDiagnostic());
        }
    }

    private static EquatableArray<DiagnosticInfo> Locate(
        System.Collections.Immutable.ImmutableArray<MappedClassLocations> locations,
        System.Collections.Immutable.ImmutableArray<(string QualifiedName, EquatableArray<MappedProblem> Problems)> problems)
    {
        var byClass = new Dictionary<string, MappedClassLocations>(StringComparer.Ordinal);
        foreach (var entry in locations)
        {
            byClass[entry.QualifiedName] = entry;
        }

        return problems
            .SelectMany(entry => entry.Problems.Select(problem => problem.Message.At(
                byClass.TryGetValue(entry.QualifiedName, out var found) ? found.Find(problem.Anchor) ?? found.Find(MappedClassLocations.AttributeAnchor) : null)))
            .ToEquatableArray();
    }
}
