using System;
using System.Collections.Generic;
using System.Linq;
using H3Yun.Generators.Diagnostics;
using H3Yun.Generators.Emitting;
using H3Yun.Generators.Model;
using H3Yun.Generators.Parsing;

namespace H3Yun.Generators.Mapping;

/// <summary>A mapped property and the field it reads and writes; <see cref="Field"/> is null when the mapping has an error.</summary>
internal sealed record BoundProperty(MappedPropertySpec Property, FieldSpec? Field);

/// <summary>What to emit for a mapped class, and what is wrong with it.</summary>
/// <param name="Class">The class.</param>
/// <param name="Form">The form it maps; null when the class can only get plain property bodies.</param>
/// <param name="Properties">The partial properties to implement; those with a field are tracked and sent.</param>
/// <param name="Emit">Whether anything can be emitted at all (the class is partial and top-level).</param>
/// <param name="Diagnostics">The problems found.</param>
internal sealed record MappedClassBinding(
    MappedClassSpec Class, FormSpec? Form, IReadOnlyList<BoundProperty> Properties, bool Emit, IReadOnlyList<DiagnosticInfo> Diagnostics);

/// <summary>
/// Checks a mapped class against the project's forms: the form exists, each code is a field of it, each property's
/// type is the one the generated model would have for that field (<see cref="FieldShapes.For"/>).
/// </summary>
/// <remarks>
/// A property whose mapping is wrong still gets a plain body, so the only error the user sees is ours, not also
/// the compiler's "partial property has no implementation".
/// </remarks>
internal static class MappedClassBinder
{
    public static MappedClassBinding Bind(MappedClassSpec mapped, FormSet forms)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var partials = mapped.Properties.Where(static p => p.IsPartialDefinition).ToArray();
        var plain = partials.Select(static p => new BoundProperty(p, null)).ToArray();
        var generated = forms.Forms.FirstOrDefault(f => $"global::{f.Namespace}.{f.ClassName}" == mapped.QualifiedName);
        var shapeProblem = mapped.ShapeProblem
            ?? (generated is null ? null : $"it is also the class generated from '{System.IO.Path.GetFileName(generated.FilePath)}' for form '{generated.SchemaCode}'; remove [H3Form] to add members to the generated class, or rename the class");
        if (shapeProblem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MappedClassShape, mapped.AttributeLocation, mapped.ClassName, shapeProblem));
            return new MappedClassBinding(mapped, null, [], Emit: false, diagnostics);
        }

        foreach (var property in mapped.Properties.Where(static p => !p.IsPartialDefinition))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MappedPropertyNotPartial, property.CodeLocation, property.Name, mapped.ClassName, TypeText(property.Type)));
        }

        if (mapped.OtherBaseType is { } baseType)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MappedClassHasBase, mapped.AttributeLocation, mapped.ClassName, baseType));
            return new MappedClassBinding(mapped, null, plain, Emit: true, diagnostics);
        }

        var form = forms.Forms.FirstOrDefault(f => f.SchemaCode == mapped.SchemaCode);
        if (form is null)
        {
            var suggestion = ClosestCodes.Suggest(mapped.SchemaCode ?? string.Empty, forms.Forms.Select(static f => (f.SchemaCode, f.DisplayName)), "form");
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnknownMappedForm, mapped.AttributeLocation, mapped.ClassName, mapped.SchemaCode ?? string.Empty,
                forms.Forms.Count == 0 ? "Add the form's schema file to the project." : suggestion));
            return new MappedClassBinding(mapped, null, plain, Emit: true, diagnostics);
        }

        var bound = new List<BoundProperty>();
        var claimed = new Dictionary<string, MappedPropertySpec>(StringComparer.Ordinal);
        foreach (var property in partials)
        {
            bound.Add(new BoundProperty(property, Check(mapped, form, property, claimed, diagnostics)));
        }

        return new MappedClassBinding(mapped, form, bound, Emit: true, diagnostics);
    }

    private static FieldSpec? Check(
        MappedClassSpec mapped, FormSpec form, MappedPropertySpec property, Dictionary<string, MappedPropertySpec> claimed, List<DiagnosticInfo> diagnostics)
    {
        var code = property.FieldCode ?? string.Empty;
        var field = form.Fields.FirstOrDefault(f => f.Code == code);
        if (field is null)
        {
            var fix = BizDataTypes.SystemFieldCodes.Contains(code)
                ? $"'{code}' is a system field, which every record already has as an inherited property; remove this property."
                : ClosestCodes.Suggest(code, form.Fields.Select(static f => (f.Code, f.DisplayName)));
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownMappedField, property.CodeLocation, property.Name, mapped.ClassName, code, form.SchemaCode, fix));
            return null;
        }

        if (claimed.TryGetValue(field.Code, out var first))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateMappedField, property.CodeLocation, first.Name, property.Name, mapped.ClassName, field.Code));
            return null;
        }

        string? fix2 = null;
        if (field.Kind == FieldKind.ChildTable)
        {
            fix2 = $"Child tables cannot be mapped in your own class yet; use the generated class {form.ClassName}.";
        }
        else
        {
            var expected = FieldShapes.For(field.Kind, mapped.QualifiedName).PropertyType;
            var fits = property.Type == expected || (property.IsNullableOblivious && property.Type + "?" == expected);
            if (!fits)
            {
                fix2 = $"Declare it as '{TypeText(expected)}'; a field that was not loaded, or was cleared, is null.";
            }
        }

        if (fix2 is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.MappedTypeMismatch, property.CodeLocation, property.Name, mapped.ClassName, TypeText(property.Type),
                field.Code, field.DisplayName, field.DataType, form.SchemaCode, fix2));
            return null;
        }

        claimed.Add(field.Code, property);
        return field;
    }

    /// <summary>A type as a reader writes it: without <c>global::</c> and the namespaces every C# file imports.</summary>
    private static string TypeText(string qualified) =>
        qualified.Replace("global::System.Collections.Generic.", string.Empty)
            .Replace("global::System.Text.Json.", string.Empty)
            .Replace("global::System.", string.Empty)
            .Replace("global::", string.Empty);
}
