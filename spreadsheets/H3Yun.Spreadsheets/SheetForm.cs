using System.Text.Json;

namespace H3Yun.Spreadsheets;

/// <summary>A form as the writer needs it: its code and display name, its fields, its child tables with their fields.</summary>
internal sealed record SheetForm(string SchemaCode, string? DisplayName, IReadOnlyList<SheetField> Fields, IReadOnlyList<SheetForm> Children)
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// Reads a schema file. The one place the writer reads schemas: the top-level fields come from
    /// <see cref="SheetSchema.Read"/>, the reader's own rules, so that what is written is matched by what reads it; the
    /// form's display name and its child tables (<c>ChildSchema</c> of each <c>BizObjectArray</c> field) are read here.
    /// </summary>
    /// <param name="path">The schema file.</param>
    /// <returns>The form.</returns>
    /// <exception cref="SpreadsheetException">The file does not read as a schema.</exception>
    public static SheetForm Read(string path)
    {
        var (schemaCode, fields) = SheetSchema.Read(path);
        using var document = JsonDocument.Parse(File.ReadAllText(path), Options);
        var children = new List<SheetForm>();
        if (Member(document.RootElement, "Properties") is { ValueKind: JsonValueKind.Array } properties)
        {
            foreach (var property in properties.EnumerateArray())
            {
                if (property.ValueKind == JsonValueKind.Object
                    && Text(property, "Name") is { } code
                    && fields.FirstOrDefault(f => f.Code == code) is { DataType: BizDataType.BizObjectArray } field
                    && Member(property, "ChildSchema") is { ValueKind: JsonValueKind.Object } child)
                {
                    children.Add(new SheetForm(code, field.DisplayName ?? Text(child, "DisplayName"), ChildFields(child), []));
                }
            }
        }

        return new SheetForm(schemaCode, Text(document.RootElement, "DisplayName"), fields, children);
    }

    private static List<SheetField> ChildFields(JsonElement child)
    {
        var fields = new List<SheetField>();
        if (Member(child, "Properties") is not { ValueKind: JsonValueKind.Array } properties)
        {
            return fields;
        }

        foreach (var property in properties.EnumerateArray())
        {
            if (property.ValueKind != JsonValueKind.Object || Text(property, "Name") is not { } code || fields.Exists(f => f.Code == code))
            {
                continue;
            }

            var type = Member(property, "DataType") switch
            {
                { ValueKind: JsonValueKind.String } text when BizDataTypes.TryParse(text.GetString() ?? string.Empty, out var parsed) => parsed,
                { ValueKind: JsonValueKind.Number } number when number.TryGetInt32(out var value) && BizDataTypes.TryParse(value.ToString(System.Globalization.CultureInfo.InvariantCulture), out var parsed) => parsed,
                _ => BizDataType.Unspecified,
            };
            var options = Member(property, "Options") is { ValueKind: JsonValueKind.Array } list
                ? list.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.String).Select(o => o.GetString()!).ToArray()
                : [];
            fields.Add(new SheetField(code, Text(property, "DisplayName"), type, Member(property, "Multiple") is { ValueKind: JsonValueKind.True }, options));
        }

        return fields;
    }

    private static JsonElement? Member(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var member in element.EnumerateObject())
        {
            if (string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return member.Value;
            }
        }

        return null;
    }

    private static string? Text(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;
}
