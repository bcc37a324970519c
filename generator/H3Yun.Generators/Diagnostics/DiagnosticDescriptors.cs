using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace H3Yun.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports about schema files. Each message names the file or form, the field and
/// the fix; the README has a row per ID with an example.
/// </summary>
internal static partial class DiagnosticDescriptors
{
    private const string Category = "H3Yun.Schema";
    private const string HelpLinkBase = "https://github.com/h3yun-generators/H3Yun.Generators/blob/main/README.md#";

    public static readonly DiagnosticDescriptor MalformedJson = Error(
        "H3Y0001", "Schema file is not valid JSON", "'{0}' is not valid JSON: {1}. Fix the JSON syntax at the marked position.");

    public static readonly DiagnosticDescriptor MissingSchemaCode = Error(
        "H3Y0002", "Form has no SchemaCode", "'{0}' declares no SchemaCode. Add \"SchemaCode\": \"<form code>\" (the id= value of the form designer's address).");

    public static readonly DiagnosticDescriptor MissingProperties = Error(
        "H3Y0003", "Form has no Properties", "Form '{0}' in '{1}' declares no Properties array. Add \"Properties\": [ {{ \"Name\": \"F0000001\", \"DisplayName\": \"...\", \"DataType\": \"ShortString\" }} ].");

    public static readonly DiagnosticDescriptor MissingFieldCode = Error(
        "H3Y0004", "Property has no Name", "A property of form '{0}' in '{1}' has no Name. Add \"Name\": \"<field code>\", such as F0000001.");

    public static readonly DiagnosticDescriptor MissingDataType = Error(
        "H3Y0005", "Property has no DataType", "Field '{1}' of form '{0}' in '{2}' has no DataType. Add \"DataType\": \"ShortString\" (or the BizDataType number, such as 14).");

    public static readonly DiagnosticDescriptor UnknownDataType = Warning(
        "H3Y0006", "Unknown DataType", "Field '{1}' of form '{0}' in '{4}' has DataType '{2}', which is not an H3Yun BizDataType; the property keeps the raw JSON. Use one of: {3}.");

    public static readonly DiagnosticDescriptor DuplicateFieldCode = Error(
        "H3Y0007", "Field code declared twice", "Form '{0}' in '{2}' declares the field code '{1}' more than once; only the first is generated. Remove or correct the duplicate.");

    public static readonly DiagnosticDescriptor DuplicateSchemaCode = Error(
        "H3Y0008", "SchemaCode declared by two files", "SchemaCode '{0}' is declared by '{1}' and again by '{2}'; only the first is generated. Keep one schema file per form.");

    public static readonly DiagnosticDescriptor NameChanged = Warning(
        "H3Y0009", "Generated name changed", "{0} of form '{1}' in '{6}' is generated as '{2}' instead of '{3}' because {4}. Set {5} in the schema file to choose the name.");

    public static readonly DiagnosticDescriptor OptionsNotAllowed = Warning(
        "H3Y0010", "Options on a field that cannot have them", "Field '{1}' of form '{0}' in '{3}' lists Options, but a {2} field cannot have options; they are ignored. Remove them or use DataType ShortString.");

    public static readonly DiagnosticDescriptor UnknownAssociation = Warning(
        "H3Y0011", "Association to a form the project does not have", "Field '{1}' of form '{0}' in '{3}' associates with form '{2}', which no schema file in the project declares; the property holds the record id as a string. Add that form's schema file to type it.");

    public static readonly DiagnosticDescriptor MissingChildSchema = Error(
        "H3Y0012", "Child table has no ChildSchema", "Child table '{1}' of form '{0}' in '{2}' has no ChildSchema; it is not generated. Add \"ChildSchema\": {{ \"SchemaCode\": \"...\", \"Properties\": [...] }}.");

    public static readonly DiagnosticDescriptor RawFallback = Warning(
        "H3Y0013", "Field type kept as raw JSON", "Field '{1}' of form '{0}' in '{3}' has DataType {2}, which H3Yun's OpenApi does not define a value format for; the property keeps the raw JSON (JsonElement). Read and assign the JsonElement, or correct the DataType if the field is of a typed kind.");

    public static readonly DiagnosticDescriptor WrongJsonType = Error(
        "H3Y0014", "Schema member has the wrong JSON type", "'{0}' in '{1}' should be {2}. Correct the value.");

    public static readonly DiagnosticDescriptor InternalError = Error(
        "H3Y9999", "The generator failed on a schema file", "H3Yun.Generators could not process '{0}': {1}. Please report this with the schema file.");

    private static readonly Dictionary<string, DiagnosticDescriptor> All = new[]
    {
        MalformedJson, MissingSchemaCode, MissingProperties, MissingFieldCode, MissingDataType, UnknownDataType,
        DuplicateFieldCode, DuplicateSchemaCode, NameChanged, OptionsNotAllowed, UnknownAssociation, MissingChildSchema,
        RawFallback, WrongJsonType, InternalError,
    }.ToDictionary(static d => d.Id);

    public static DiagnosticDescriptor ById(string id) => All.TryGetValue(id, out var descriptor) ? descriptor : CodeDescriptors().First(d => d.Id == id);

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        Create(id, title, message, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        Create(id, title, message, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id.ToLowerInvariant());
}
