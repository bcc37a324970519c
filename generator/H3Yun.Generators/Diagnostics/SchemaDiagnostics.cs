using H3Yun.Generators.Model;
using H3Yun.Protocol;
using D = H3Yun.Generators.Diagnostics.DiagnosticDescriptors;

namespace H3Yun.Generators.Diagnostics;

/// <summary>
/// One factory per schema diagnostic, so that every message gets its arguments in its descriptor's order and the
/// file's name always first. Callers add the place: a token's span in the parser, an anchor in the resolver.
/// </summary>
internal static class SchemaDiagnostics
{
    public static DiagnosticMessage MalformedJson(string file, string problem) => Make(D.MalformedJson, file, problem);

    public static DiagnosticMessage MissingSchemaCode(string file) => Make(D.MissingSchemaCode, file);

    public static DiagnosticMessage MissingProperties(string file, string form) => Make(D.MissingProperties, file, form);

    public static DiagnosticMessage MissingFieldCode(string file, string form) => Make(D.MissingFieldCode, file, form);

    public static DiagnosticMessage MissingDataType(string file, string form, string field) => Make(D.MissingDataType, file, form, field);

    public static DiagnosticMessage UnknownDataType(string file, string form, string field, string dataType, string? closest) =>
        Make(D.UnknownDataType, file, form, field, dataType, closest is null ? "" : $" Did you mean '{closest}'?", BizDataTypes.KnownNames);

    public static DiagnosticMessage UnknownDataTypeNumber(string file, string form, string field, string dataType) =>
        Make(D.UnknownDataTypeNumber, file, form, field, dataType);

    public static DiagnosticMessage DuplicateFieldCode(string file, string form, string field) => Make(D.DuplicateFieldCode, file, form, field);

    public static DiagnosticMessage DuplicateSchemaCode(string file, string schemaCode, string firstFile) =>
        Make(D.DuplicateSchemaCode, file, schemaCode, firstFile);

    /// <summary>A name the schema wrote had to change (warning), or a derived one did (information only).</summary>
    /// <param name="written">Whether the schema wrote the name (PropertyName, ClassName) rather than the generator deriving it.</param>
    /// <param name="file">The schema file.</param>
    /// <param name="what">What is named, such as <c>Field 'F1'</c> or <c>ClassName</c>.</param>
    /// <param name="form">The form's SchemaCode.</param>
    /// <param name="generated">The name generated instead.</param>
    /// <param name="wanted">The name asked for or derived.</param>
    /// <param name="reason">Why it changed, to follow "because".</param>
    /// <param name="member">The schema member that chooses the name.</param>
    public static DiagnosticMessage NameChanged(bool written, string file, string what, string form, string generated, string wanted, string reason, string member) =>
        Make(written ? D.WrittenNameChanged : D.NameChosen, file, what, form, generated, wanted, reason, member);

    public static DiagnosticMessage OptionsNotAllowed(string file, string form, string field, string dataType) =>
        Make(D.OptionsNotAllowed, file, form, field, dataType);

    public static DiagnosticMessage UnknownAssociation(string file, string form, string field, string target) =>
        Make(D.UnknownAssociation, file, form, field, target);

    public static DiagnosticMessage MissingChildSchema(string file, string form, string field) => Make(D.MissingChildSchema, file, form, field);

    public static DiagnosticMessage RawFallback(string file, string form, string field, string dataType) => Make(D.RawFallback, file, form, field, dataType);

    public static DiagnosticMessage WrongJsonType(string file, string member, string expected) => Make(D.WrongJsonType, file, member, expected);

    /// <summary>The generator failed on <paramref name="subject"/> (a schema file or a mapped class): a bug to report.</summary>
    public static DiagnosticMessage InternalError(string subject, System.Exception exception) =>
        Make(D.InternalError, subject, exception.GetType().Name + ": " + exception.Message);

    private static DiagnosticMessage Make(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, params string[] arguments) =>
        new(descriptor, arguments.ToEquatableArray());
}
