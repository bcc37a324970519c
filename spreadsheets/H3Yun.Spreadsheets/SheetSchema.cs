using System.Text.Json;

namespace H3Yun.Spreadsheets;

/// <summary>A field of the form a spreadsheet is read into.</summary>
internal sealed record SheetField(string Code, string? DisplayName, BizDataType DataType, bool Multiple, IReadOnlyList<string> Options);

/// <summary>
/// Reads a <c>*.h3form.json</c> file by the rules of the generator and of H3Yun.Sync's SchemaFileReader: comments and
/// trailing commas allowed, member names in any case, <c>DataType</c> a name or a number read by the shared
/// <see cref="BizDataTypes"/>. It keeps what a spreadsheet needs besides: the option texts.
/// </summary>
internal static class SheetSchema
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads the top-level fields of a schema file.</summary>
    /// <param name="path">The schema file.</param>
    /// <returns>The form's code and fields.</returns>
    /// <exception cref="SpreadsheetException">The file does not read as a schema.</exception>
    public static (string SchemaCode, IReadOnlyList<SheetField> Fields) Read(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), Options);
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            throw new SpreadsheetException($"The schema file '{path}' does not read as JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var form = document.RootElement;
            if (form.ValueKind != JsonValueKind.Object || Text(form, "SchemaCode") is not { } schemaCode)
            {
                throw new SpreadsheetException($"The schema file '{path}': $ has no SchemaCode.");
            }

            if (Member(form, "Properties") is not { ValueKind: JsonValueKind.Array } properties)
            {
                throw new SpreadsheetException($"The schema file '{path}': $ has no Properties array.");
            }

            var fields = new List<SheetField>();
            var index = 0;
            foreach (var property in properties.EnumerateArray())
            {
                var at = $"$.Properties[{index++}]";
                var code = property.ValueKind == JsonValueKind.Object ? Text(property, "Name") : null;
                if (code is null)
                {
                    throw new SpreadsheetException($"The schema file '{path}': {at} has no Name (the field code).");
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
                if (!fields.Exists(f => f.Code == code))
                {
                    fields.Add(new SheetField(code, Text(property, "DisplayName"), type, Member(property, "Multiple") is { ValueKind: JsonValueKind.True }, options));
                }
            }

            return (schemaCode, fields);
        }
    }

    private static JsonElement? Member(JsonElement element, string name)
    {
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
