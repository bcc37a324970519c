using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using H3Yun.Generators.Diagnostics;
using H3Yun.Generators.Model;
using H3Yun.Generators.Naming;

namespace H3Yun.Generators.Resolving;

/// <summary>
/// The checks that need every schema file of the project at once: one file per SchemaCode, unique class names per
/// namespace, associations that point at a known form; and the namespace of each form.
/// </summary>
internal static class FormSetResolver
{
    public const string FallbackNamespace = "H3Yun.Forms";

    public static FormSet Resolve(ImmutableArray<SchemaFile> files, string? rootNamespace)
    {
        var defaultNamespace = rootNamespace is { Length: > 0 } && Identifiers.IsNamespace(rootNamespace) ? rootNamespace : FallbackNamespace;
        var diagnostics = new List<DiagnosticInfo>();
        var bySchemaCode = new Dictionary<string, FormSpec>(StringComparer.Ordinal);
        var classNames = new HashSet<string>(StringComparer.Ordinal);
        var forms = new List<FormSpec>();

        foreach (var form in files.Select(static f => f.Form).OfType<FormSpec>().OrderBy(static f => f.FilePath, StringComparer.Ordinal))
        {
            if (bySchemaCode.TryGetValue(form.SchemaCode, out var first))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.DuplicateSchemaCode, form.SchemaCodeLocation, form.SchemaCode, FileName(first.FilePath), FileName(form.FilePath)));
                continue;
            }

            var resolved = form with { Namespace = form.Namespace ?? defaultNamespace };
            var qualified = resolved.Namespace + "." + resolved.ClassName;
            // Each form also declares <ClassName>Repository, which may be another form's class name.
            if (classNames.Contains(qualified) || classNames.Contains(qualified + "Repository"))
            {
                var renamed = resolved.ClassName + "_" + (Identifiers.FromText(resolved.SchemaCode) ?? "Form").TrimStart('_');
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.NameChanged, form.ClassNameLocation, "The class", form.SchemaCode, renamed, resolved.ClassName,
                    $"another form in namespace {resolved.Namespace} is already named {resolved.ClassName}", "ClassName", FileName(form.FilePath)));
                resolved = resolved with { ClassName = renamed };
            }

            classNames.Add(resolved.Namespace + "." + resolved.ClassName);
            classNames.Add(resolved.Namespace + "." + resolved.ClassName + "Repository");

            bySchemaCode.Add(form.SchemaCode, resolved);
            forms.Add(resolved);
        }

        var typed = forms.ConvertAll(form => form with { Fields = ResolveAssociations(form.SchemaCode, form.Fields, bySchemaCode, diagnostics, FileName(form.FilePath)) });
        return new FormSet(typed.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>Types each association to its form's class when the project has that form, and warns when it does not.</summary>
    private static EquatableArray<FieldSpec> ResolveAssociations(
        string formCode, EquatableArray<FieldSpec> fields, Dictionary<string, FormSpec> known, List<DiagnosticInfo> diagnostics, string fileName) =>
        fields.Select(field =>
        {
            if (field.ChildTable is { } table)
            {
                return field with { ChildTable = table with { Fields = ResolveAssociations(table.SchemaCode, table.Fields, known, diagnostics, fileName) } };
            }

            if (field.AssociationSchemaCode is not { } target || field.Kind is not (FieldKind.Association or FieldKind.AssociationList))
            {
                return field;
            }

            if (known.TryGetValue(target, out var targetForm))
            {
                return field with { AssociationType = $"global::{targetForm.Namespace}.{targetForm.ClassName}" };
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownAssociation, field.Location, formCode, field.Code, target, fileName));
            return field;
        }).ToEquatableArray();

    private static string FileName(string path) => System.IO.Path.GetFileName(path);
}
