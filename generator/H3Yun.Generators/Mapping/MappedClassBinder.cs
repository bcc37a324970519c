using System;
using System.Collections.Generic;
using System.Linq;
using H3Yun.Generators.Diagnostics;
using H3Yun.Generators.Kinds;
using H3Yun.Generators.Model;

namespace H3Yun.Generators.Mapping;

/// <summary>A mapped property and the field it reads and writes; <see cref="Field"/> is null when the mapping has an error.</summary>
internal sealed record BoundProperty(MappedPropertySpec Property, FieldSpec? Field);

/// <summary>What to emit for a mapped class, and what is wrong with it; equatable, so that an unchanged binding emits nothing.</summary>
/// <param name="Class">The class.</param>
/// <param name="Form">The form it maps; null when the class can only get plain property bodies.</param>
/// <param name="Properties">The partial properties to implement; those with a field are tracked and sent.</param>
/// <param name="Emit">Whether anything can be emitted at all (the class is partial and top-level).</param>
/// <param name="Problems">The problems found, each at the attribute or a property.</param>
internal sealed record MappedClassBinding(
    MappedClassSpec Class, FormSpec? Form, EquatableArray<BoundProperty> Properties, bool Emit, EquatableArray<MappedProblem> Problems);

/// <summary>
/// Checks a mapped class against its form: the form exists, each code is a field of it, each property's type is
/// the field's stored type in <see cref="FieldKinds"/>. Every property is checked whatever else is wrong, so that one
/// build reports every problem.
/// </summary>
/// <remarks>
/// A property whose mapping is wrong still gets a plain body, so the only error the user sees is ours, not also
/// the compiler's "partial property has no implementation".
/// </remarks>
internal static class MappedClassBinder
{
    public static MappedClassBinding Bind(MappedClassForm input)
    {
        PlantedFault.ThrowIfPlanted(GeneratorStage.MappedClassBinder, input.Class.QualifiedName);
        var mapped = input.Class;
        var problems = new List<MappedProblem>();
        var shapeProblem = mapped.ShapeProblem
            ?? (input.GeneratedTwin is { } twin
                ? $"it is also the class generated from '{twin.File}' for form '{twin.SchemaCode}'; remove [H3Form] to add members to the generated class, or rename the class"
                : null);
        if (shapeProblem is not null)
        {
            problems.Add(new MappedProblem(MappedClassLocations.AttributeAnchor, MappingDiagnostics.ClassShape(mapped.ClassName, shapeProblem)));
        }

        if (mapped.OtherBaseType is { } baseType && shapeProblem is null)
        {
            problems.Add(new MappedProblem(MappedClassLocations.AttributeAnchor, MappingDiagnostics.ClassHasBase(mapped.ClassName, baseType)));
        }

        var form = input.Form;
        if (form is null)
        {
            problems.Add(new MappedProblem(
                MappedClassLocations.AttributeAnchor, MappingDiagnostics.UnknownForm(mapped.ClassName, mapped.SchemaCode ?? string.Empty, input.Suggestion ?? string.Empty)));
        }

        var bound = new List<BoundProperty>();
        var claimed = new Dictionary<string, MappedPropertySpec>(StringComparer.Ordinal);
        foreach (var property in mapped.Properties)
        {
            if (!property.IsPartialDefinition)
            {
                problems.Add(new MappedProblem(property.Name, MappingDiagnostics.PropertyNotPartial(property.Name, mapped.ClassName, TypeText(property.Type))));
            }

            var field = form is null ? null : Check(mapped, form, property, claimed, problems);
            if (property.IsPartialDefinition)
            {
                bound.Add(new BoundProperty(property, field));
            }
        }

        var canEmit = shapeProblem is null;
        var usable = canEmit && form is not null && mapped.OtherBaseType is null;
        return new MappedClassBinding(
            mapped,
            usable ? form : null,
            canEmit ? (usable ? bound : bound.ConvertAll(static b => b with { Field = null })).ToEquatableArray() : EquatableArray<BoundProperty>.Empty,
            canEmit,
            problems.ToEquatableArray());
    }

    private static FieldSpec? Check(
        MappedClassSpec mapped, FormSpec form, MappedPropertySpec property, Dictionary<string, MappedPropertySpec> claimed, List<MappedProblem> problems)
    {
        var code = property.FieldCode ?? string.Empty;
        var field = form.Fields.FirstOrDefault(f => f.Code == code);
        if (field is null)
        {
            var fix = SystemFields.IsSystemMember(code)
                ? $"'{code}' is a system field, which every record already has as an inherited property; remove this property."
                : ClosestCodes.Suggest(code, form.Fields.Select(static f => (f.Code, f.DisplayName)));
            problems.Add(new MappedProblem(property.Name, MappingDiagnostics.UnknownField(property.Name, mapped.ClassName, code, form.SchemaCode, fix)));
            return null;
        }

        if (claimed.TryGetValue(field.Code, out var first))
        {
            problems.Add(new MappedProblem(property.Name, MappingDiagnostics.DuplicateField(first.Name, property.Name, mapped.ClassName, field.Code)));
            return null;
        }

        // A property may see a field in a richer shape than its stored one (a date as an instant).
        field = field with { Kind = FieldKinds.MappedVariant(field.Kind, property.Type) };
        var kind = FieldKinds.For(field.Kind);
        string? fix2 = null;
        if (!kind.Mappable)
        {
            fix2 = $"Child tables cannot be mapped in your own class yet; use the generated class {form.ClassName}.";
        }
        else if (property.Type != kind.StoredType && !(property.IsNullableOblivious && property.Type + "?" == kind.StoredType))
        {
            fix2 = $"Declare it as '{TypeText(kind.StoredType)}'; a field that was not loaded, or was cleared, is null.";
        }

        if (fix2 is not null)
        {
            problems.Add(new MappedProblem(property.Name, MappingDiagnostics.TypeMismatch(
                property.Name, mapped.ClassName, TypeText(property.Type), field.Code, field.DisplayName, field.DataType, form.SchemaCode, fix2)));
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
