using Microsoft.CodeAnalysis;

namespace H3Yun.Generators.Diagnostics;

/// <summary>
/// The diagnostics about C# code that names forms and fields: classes mapped with <c>[H3Form]</c>/<c>[H3Field]</c>
/// (H3Y01xx, reported by the generator) and field codes written as string literals (H3Y02xx, reported by the analyzer).
/// </summary>
internal static partial class DiagnosticDescriptors
{
    private const string MappingCategory = "H3Yun.Mapping";
    private const string UsageCategory = "H3Yun.Usage";

    public static readonly DiagnosticDescriptor UnknownMappedForm = Create(
        "H3Y0101", DiagnosticSeverity.Error, "[H3Form] names a form the project does not have",
        "Class '{0}' is mapped to form '{1}', which no *.h3form.json file in the project declares. {2}",
        MappingCategory);

    public static readonly DiagnosticDescriptor UnknownMappedField = Create(
        "H3Y0102", DiagnosticSeverity.Error, "[H3Field] names a field the form does not have",
        "Property '{0}' of class '{1}' is mapped to field '{2}', which form '{3}' does not have. {4}",
        MappingCategory);

    public static readonly DiagnosticDescriptor MappedTypeMismatch = Create(
        "H3Y0103", DiagnosticSeverity.Error, "Property type cannot hold the field's DataType",
        "Property '{0}' of class '{1}' is declared as '{2}', which cannot hold field '{3}' ({4}, DataType {5}) of form '{6}'. {7}",
        MappingCategory);

    public static readonly DiagnosticDescriptor MappedClassShape = Create(
        "H3Y0104", DiagnosticSeverity.Error, "[H3Form] class cannot be implemented",
        "Class '{0}' is marked [H3Form] but cannot be implemented because {1}. Declare it as a top-level, non-generic, non-abstract partial class.",
        MappingCategory);

    public static readonly DiagnosticDescriptor MappedPropertyNotPartial = Create(
        "H3Y0105", DiagnosticSeverity.Error, "[H3Field] property is not a partial property",
        "Property '{0}' of class '{1}' is marked [H3Field] but is not a partial property declaration, so the generator cannot track its changes. Declare it as 'public partial {2} {0} {{ get; set; }}' (C# 13 or later).",
        MappingCategory);

    public static readonly DiagnosticDescriptor MappedClassHasBase = Create(
        "H3Y0106", DiagnosticSeverity.Error, "[H3Form] class already has a base class",
        "Class '{0}' derives from '{1}', but a mapped class derives from H3Yun.H3BizObject, which the generator adds. Remove the base class.",
        MappingCategory);

    public static readonly DiagnosticDescriptor DuplicateMappedField = Create(
        "H3Y0107", DiagnosticSeverity.Error, "Field mapped by two properties",
        "Properties '{0}' and '{1}' of class '{2}' are both mapped to field '{3}'; only '{0}' is read and written. Map each field once.",
        MappingCategory);

    public static readonly DiagnosticDescriptor UnknownFieldCode = Create(
        "H3Y0201", DiagnosticSeverity.Error, "Unknown field code",
        "'{0}' is not a field of form '{1}' ({2}). {3}",
        UsageCategory);
}
