using H3Yun.Generators.Model;
using D = H3Yun.Generators.Diagnostics.DiagnosticDescriptors;

namespace H3Yun.Generators.Diagnostics;

/// <summary>One factory per diagnostic about <c>[H3Form]</c> classes, so that each message gets its arguments in order.</summary>
internal static class MappingDiagnostics
{
    public static DiagnosticMessage UnknownForm(string className, string schemaCode, string fix) => Make(D.UnknownMappedForm, className, schemaCode, fix);

    public static DiagnosticMessage UnknownField(string property, string className, string code, string form, string fix) =>
        Make(D.UnknownMappedField, property, className, code, form, fix);

    public static DiagnosticMessage TypeMismatch(
        string property, string className, string declared, string code, string displayName, string dataType, string form, string fix) =>
        Make(D.MappedTypeMismatch, property, className, declared, code, displayName, dataType, form, fix);

    public static DiagnosticMessage ClassShape(string className, string problem) => Make(D.MappedClassShape, className, problem);

    public static DiagnosticMessage PropertyNotPartial(string property, string className, string type) => Make(D.MappedPropertyNotPartial, property, className, type);

    public static DiagnosticMessage ClassHasBase(string className, string baseType) => Make(D.MappedClassHasBase, className, baseType);

    public static DiagnosticMessage DuplicateField(string first, string second, string className, string code) =>
        Make(D.DuplicateMappedField, first, second, className, code);

    private static DiagnosticMessage Make(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, params string[] arguments) =>
        new(descriptor, arguments.ToEquatableArray());
}
