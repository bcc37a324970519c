using System.Globalization;
using System.Text.Json;
using Microsoft.CodeAnalysis.CSharp;

namespace H3Yun.Generators.Tests;

/// <summary>
/// Decides, without the generator, whether a schema file must get an error, from the rules of docs/schema-files.md: JSON
/// (comments and trailing commas allowed) holding an object with a non-blank string SchemaCode and a Properties
/// array; DisplayName, ClassName and Namespace strings, the Namespace a C# namespace; each property (system fields
/// aside) an object with a non-blank string Name, a string or number DataType, string DisplayName, PropertyName and
/// AssociationSchemaCode, boolean Multiple and Formula, an array of strings as Options, and a code of its own; a
/// BizObjectArray of the form a ChildSchema object by the same rules (one inside a child table is kept as raw JSON).
/// </summary>
internal static class SchemaOracle
{
    private static readonly string[] SystemCodes =
    [
        "OBJECTID", "NAME", "CREATEDBY", "OWNERID", "OWNERDEPTID", "CREATEDTIME", "MODIFIEDBY", "MODIFIEDTIME",
        "WORKFLOWINSTANCEID", "STATUS", "SEQNO", "STATE", "PARENTOBJECTID", "PARENTPROPERTYNAME", "PARENTINDEX",
    ];

    public static string? InvalidReason(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return InvalidForm(document.RootElement, isChild: false);
        }
        catch (JsonException exception)
        {
            return "not JSON: " + exception.Message;
        }
    }

    private static string? InvalidForm(JsonElement form, bool isChild)
    {
        if (form.ValueKind != JsonValueKind.Object)
        {
            return "not an object";
        }

        if (WrongType(form, JsonValueKind.String, "DisplayName", "ClassName", "Namespace", "SchemaCode") is { } wrong)
        {
            return wrong;
        }

        if (Text(form, "Namespace") is { } ns && !ns.Split('.').All(part => SyntaxFacts.IsValidIdentifier(part) && SyntaxFacts.GetKeywordKind(part) == SyntaxKind.None))
        {
            return "Namespace is not a C# namespace";
        }

        if (Text(form, "SchemaCode") is null)
        {
            return "no SchemaCode";
        }

        if (Member(form, "Properties") is not { ValueKind: JsonValueKind.Array } properties)
        {
            return "no Properties";
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in properties.EnumerateArray())
        {
            if (property.ValueKind != JsonValueKind.Object)
            {
                return "a property is not an object";
            }

            if ((WrongType(property, JsonValueKind.String, "Name") ?? (Text(property, "Name") is null ? "a property without Name" : null)) is { } noName)
            {
                return noName;
            }

            var code = Text(property, "Name")!.Trim();
            if (SystemCodes.Contains(code.ToUpperInvariant()))
            {
                continue;
            }

            if ((WrongType(property, JsonValueKind.String, "DisplayName", "PropertyName", "AssociationSchemaCode")
                ?? WrongType(property, JsonValueKind.True, "Multiple", "Formula")
                ?? (Member(property, "DataType") is { ValueKind: not (JsonValueKind.String or JsonValueKind.Number) } ? "DataType is not a string or number" : null)
                ?? (Member(property, "Options") is { } options && (options.ValueKind != JsonValueKind.Array || options.EnumerateArray().Any(o => o.ValueKind != JsonValueKind.String)) ? "Options is not an array of strings" : null)) is { } wrongMember)
            {
                return wrongMember;
            }

            if (!codes.Add(code))
            {
                return "a field code twice";
            }

            var dataType = Member(property, "DataType") is { ValueKind: JsonValueKind.Number } number ? number.GetRawText() : Text(property, "DataType");
            if (dataType is null)
            {
                return "a property without DataType";
            }

            var trimmed = dataType.Trim();
            if (!int.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) && !DataTypeNames.Contains(trimmed))
            {
                return "an unknown DataType name";
            }

            var isChildTable = int.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n == 41 : string.Equals(trimmed, "BizObjectArray", StringComparison.OrdinalIgnoreCase);
            if (isChildTable && !isChild)
            {
                if (Member(property, "ChildSchema") is not { ValueKind: JsonValueKind.Object } child)
                {
                    return "a child table without ChildSchema";
                }

                if (InvalidForm(child, isChild: true) is { } reason)
                {
                    return "child schema: " + reason;
                }
            }
        }

        return null;
    }

    // The oracle's own list, written from H3Yun's documentation rather than taken from the generator it checks.
    private static readonly HashSet<string> DataTypeNames = new(
        "Bool DateTime Double Int Long String ShortString ByteArray Image File TimeSpan Unit UnitArray Html Xml BizObject BizObjectArray BizStructure BizStructureArray Association Map Address".Split(' '),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The first of <paramref name="names"/> present with another JSON type than <paramref name="kind"/> (True: a boolean).</summary>
    private static string? WrongType(JsonElement element, JsonValueKind kind, params string[] names) =>
        names.FirstOrDefault(name => Member(element, name) is { } value
            && (kind == JsonValueKind.True ? value.ValueKind is not (JsonValueKind.True or JsonValueKind.False) : value.ValueKind != kind)) is { } wrong
            ? wrong + " has the wrong JSON type"
            : null;

    /// <summary>A string member's value; null when absent or blank.</summary>
    private static string? Text(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.String } value && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString() : null;

    // The first member of that name in any case, as the schema format matches names; null counts as absent.
    private static JsonElement? Member(JsonElement element, string name)
    {
        foreach (var member in element.EnumerateObject())
        {
            if (string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return member.Value.ValueKind == JsonValueKind.Null ? null : member.Value;
            }
        }

        return null;
    }
}
