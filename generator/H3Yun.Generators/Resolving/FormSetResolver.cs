using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using H3Yun.Generators.Diagnostics;
using H3Yun.Generators.Kinds;
using H3Yun.Generators.Model;
using H3Yun.Generators.Naming;

namespace H3Yun.Generators.Resolving;

/// <summary>
/// The checks that need every schema file of the project at once: one file per SchemaCode, unique class names per
/// namespace, associations that point at a known form; and the namespace of each form. It sees only location-free
/// forms, so that it reruns only when a form changes; its problems name an anchor, which the diagnostics step
/// looks up in the file's <see cref="SchemaLocations"/>.
/// </summary>
internal static class FormSetResolver
{
    public const string FallbackNamespace = "H3Yun.Forms";

    public static FormSet Resolve(ImmutableArray<FormSpec?> files, string? rootNamespace)
    {
        var defaultNamespace = rootNamespace is { Length: > 0 } && Identifiers.IsNamespace(rootNamespace) ? rootNamespace : FallbackNamespace;
        var problems = new List<FormProblem>();
        var bySchemaCode = new Dictionary<string, FormSpec>(StringComparer.Ordinal);
        var classNames = new HashSet<string>(StringComparer.Ordinal);
        var forms = new List<FormSpec>();

        foreach (var form in files.OfType<FormSpec>().OrderBy(static f => f.FilePath, StringComparer.Ordinal))
        {
            var file = FileName(form.FilePath);
            if (bySchemaCode.TryGetValue(form.SchemaCode, out var first))
            {
                problems.Add(new FormProblem(form.FilePath, SchemaLocations.SchemaCodeAnchor, SchemaDiagnostics.DuplicateSchemaCode(file, form.SchemaCode, FileName(first.FilePath))));
                continue;
            }

            var resolved = form with { Namespace = form.Namespace ?? defaultNamespace };
            var qualified = resolved.Namespace + "." + resolved.ClassName;
            // Each form also declares <ClassName>Repository, which may be another form's class name.
            if (classNames.Contains(qualified) || classNames.Contains(qualified + "Repository"))
            {
                var renamed = FormNamer.Disambiguated(resolved.ClassName, resolved.SchemaCode);
                problems.Add(new FormProblem(form.FilePath, SchemaLocations.ClassNameAnchor, SchemaDiagnostics.NameChanged(
                    form.ClassNameWritten, file, "The class", form.SchemaCode, renamed, resolved.ClassName,
                    $"another form in namespace {resolved.Namespace} is already named {resolved.ClassName}", "ClassName")));
                resolved = resolved with { ClassName = renamed };
            }

            classNames.Add(resolved.Namespace + "." + resolved.ClassName);
            classNames.Add(resolved.Namespace + "." + resolved.ClassName + "Repository");

            bySchemaCode.Add(form.SchemaCode, resolved);
            forms.Add(resolved);
        }

        var typed = forms.ConvertAll(form =>
            form with { Fields = ResolveAssociations(form, null, form.SchemaCode, form.Fields, bySchemaCode, problems) });
        return new FormSet(typed.ToEquatableArray(), problems.ToEquatableArray());
    }

    /// <summary>Types each association to its form's class when the project has that form, and warns when it does not.</summary>
    private static EquatableArray<FieldSpec> ResolveAssociations(
        FormSpec form, string? tableCode, string formCode, EquatableArray<FieldSpec> fields, Dictionary<string, FormSpec> known, List<FormProblem> problems)
    {
        var changed = false;
        var result = new FieldSpec[fields.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var field = fields[i];
            if (field.ChildTable is { } table)
            {
                field = field with { ChildTable = table with { Fields = ResolveAssociations(form, field.Code, table.SchemaCode, table.Fields, known, problems) } };
            }
            else if (field.AssociationSchemaCode is { } target && field.Kind is FieldKind.Association or FieldKind.AssociationList)
            {
                if (known.TryGetValue(target, out var targetForm))
                {
                    field = field with { AssociationTarget = targetForm.Type };
                }
                else
                {
                    problems.Add(new FormProblem(
                        form.FilePath, SchemaLocations.FieldAnchor(tableCode, field.Code), SchemaDiagnostics.UnknownAssociation(FileName(form.FilePath), formCode, field.Code, target)));
                }
            }

            changed |= !ReferenceEquals(field, fields[i]);
            result[i] = field;
        }

        return changed ? new EquatableArray<FieldSpec>(result) : fields;
    }

    private static string FileName(string path) => System.IO.Path.GetFileName(path);
}
