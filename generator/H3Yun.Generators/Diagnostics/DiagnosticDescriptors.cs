using Microsoft.CodeAnalysis;

namespace H3Yun.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports about schema files. Each message takes the file's name as its first
/// argument ({0}) and names the form, the field and the fix; <see cref="SchemaDiagnostics"/> has a factory per ID.
/// Each ID has a page, <c>docs/diagnostics/H3Y0001.md</c> and so on, which its help link opens.
/// </summary>
internal static partial class DiagnosticDescriptors
{
    private const string Category = "H3Yun.Schema";
    private const string HelpLinkBase = "https://github.com/h3yun-generators/h3yun-generators/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor MalformedJson = Create(
        "H3Y0001", DiagnosticSeverity.Error, "Schema file is not valid JSON", "'{0}' is not valid JSON: {1}. Fix the JSON syntax at the marked position.");

    public static readonly DiagnosticDescriptor MissingSchemaCode = Create(
        "H3Y0002", DiagnosticSeverity.Error, "Form has no SchemaCode", "'{0}' declares no SchemaCode. Add \"SchemaCode\": \"<form code>\" (the id= value of the form designer's address).");

    public static readonly DiagnosticDescriptor MissingProperties = Create(
        "H3Y0003", DiagnosticSeverity.Error, "Form has no Properties", "Form '{1}' in '{0}' declares no Properties array. Add \"Properties\": [ {{ \"Name\": \"F0000001\", \"DisplayName\": \"...\", \"DataType\": \"ShortString\" }} ].");

    public static readonly DiagnosticDescriptor MissingFieldCode = Create(
        "H3Y0004", DiagnosticSeverity.Error, "Property has no Name", "A property of form '{1}' in '{0}' has no Name. Add \"Name\": \"<field code>\", such as F0000001.");

    public static readonly DiagnosticDescriptor MissingDataType = Create(
        "H3Y0005", DiagnosticSeverity.Error, "Property has no DataType", "Field '{2}' of form '{1}' in '{0}' has no DataType. Add \"DataType\": \"ShortString\" (or the BizDataType number, such as 14).");

    public static readonly DiagnosticDescriptor UnknownDataType = Create(
        "H3Y0006", DiagnosticSeverity.Error, "Unknown DataType", "Field '{2}' of form '{1}' in '{0}' has DataType '{3}', which is not an H3Yun BizDataType, so the field is not generated.{4} Use one of: {5}.");

    public static readonly DiagnosticDescriptor UnknownDataTypeNumber = Create(
        "H3Y0016", DiagnosticSeverity.Warning, "Unknown DataType number", "Field '{2}' of form '{1}' in '{0}' has DataType {3}, a number no known BizDataType has; the property keeps the raw JSON. If H3Yun has added this type, report it so that the generator can model it.");

    public static readonly DiagnosticDescriptor DuplicateFieldCode = Create(
        "H3Y0007", DiagnosticSeverity.Error, "Field code declared twice", "Form '{1}' in '{0}' declares the field code '{2}' more than once; only the first is generated. Remove or correct the duplicate.");

    public static readonly DiagnosticDescriptor DuplicateSchemaCode = Create(
        "H3Y0008", DiagnosticSeverity.Error, "SchemaCode declared by two files", "SchemaCode '{1}' is declared by '{2}' and again by '{0}'; only the first is generated. Keep one schema file per form.");

    public static readonly DiagnosticDescriptor WrittenNameChanged = Create(
        "H3Y0009", DiagnosticSeverity.Warning, "Name written in the schema cannot be used", "{1} of form '{2}' in '{0}' is generated as '{3}' instead of '{4}' because {5}. Change {6} in the schema file.");

    public static readonly DiagnosticDescriptor OptionsNotAllowed = Create(
        "H3Y0010", DiagnosticSeverity.Warning, "Options on a field that cannot have them", "Field '{2}' of form '{1}' in '{0}' lists Options, but a {3} field cannot have options; they are ignored. Remove them or use DataType ShortString.");

    public static readonly DiagnosticDescriptor UnknownAssociation = Create(
        "H3Y0011", DiagnosticSeverity.Warning, "Association to a form the project does not have", "Field '{2}' of form '{1}' in '{0}' associates with form '{3}', which no schema file in the project declares; the property holds the record id as a string. Add that form's schema file to type it.");

    public static readonly DiagnosticDescriptor MissingChildSchema = Create(
        "H3Y0012", DiagnosticSeverity.Error, "Child table has no ChildSchema", "Child table '{2}' of form '{1}' in '{0}' has no ChildSchema; it is not generated. Add \"ChildSchema\": {{ \"SchemaCode\": \"...\", \"Properties\": [...] }}.");

    public static readonly DiagnosticDescriptor RawFallback = Create(
        "H3Y0013", DiagnosticSeverity.Warning, "Field type kept as raw JSON", "Field '{2}' of form '{1}' in '{0}' has DataType {3}, which H3Yun's OpenApi does not define a value format for; the property keeps the raw JSON (JsonElement). Read and assign the JsonElement, or correct the DataType if the field is of a typed kind.");

    public static readonly DiagnosticDescriptor WrongJsonType = Create(
        "H3Y0014", DiagnosticSeverity.Error, "Schema member has the wrong JSON type", "'{1}' in '{0}' should be {2}. Correct the value.");

    public static readonly DiagnosticDescriptor NameChosen = Create(
        "H3Y0015", DiagnosticSeverity.Info, "Generated name chosen to avoid a clash", "{1} of form '{2}' in '{0}' is generated as '{3}' instead of '{4}' because {5}. Set {6} in the schema file to choose another name.");

    public static readonly DiagnosticDescriptor InternalError = Create(
        "H3Y9999", DiagnosticSeverity.Error, "The generator failed on a schema file", "H3Yun.Generators could not process '{0}': {1}. Please report this with the schema file.");

    private static DiagnosticDescriptor Create(string id, DiagnosticSeverity severity, string title, string message, string category = Category) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
}
