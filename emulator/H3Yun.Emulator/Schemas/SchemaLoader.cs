using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace H3Yun.Emulator.Schemas;

/// <summary>Reads <c>*.h3form.json</c> files; they are hand-edited, so comments and trailing commas are allowed.</summary>
internal static class SchemaLoader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static FormSchema LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"Cannot read schema file '{path}': {ex.Message}", ex);
        }

        try
        {
            using var document = JsonDocument.Parse(text, DocumentOptions);
            return ReadForm(document.RootElement, path, "$");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Schema file '{path}' is not valid JSON: {ex.Message}", ex);
        }
    }

    private static FormSchema ReadForm(JsonElement element, string path, string at)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, at, "expected an object");
        }

        var schemaCode = ReadString(element, "SchemaCode", path, at) ?? throw Invalid(path, at, "SchemaCode is missing");
        var displayName = ReadString(element, "DisplayName", path, at);
        if (!element.TryGetProperty("Properties", out var properties) || properties.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(path, at, "Properties must be an array");
        }

        var fields = new List<FieldSchema>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var property in properties.EnumerateArray())
        {
            var propertyAt = $"{at}.Properties[{index++}]";
            var field = ReadField(property, path, propertyAt);
            if (!seen.Add(field.Code))
            {
                throw Invalid(path, propertyAt, $"field code '{field.Code}' appears twice");
            }

            // Exports of H3Yun schemas list system fields among the properties; the emulator handles those itself.
            if (!SystemFields.IsMain(field.Code) && !SystemFields.ChildRow.Contains(field.Code))
            {
                fields.Add(field);
            }
        }

        return new FormSchema(schemaCode, displayName, fields) { HasSeqNo = seen.Contains(SystemFields.SeqNo) };
    }

    private static FieldSchema ReadField(JsonElement element, string path, string at)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, at, "expected an object");
        }

        var code = ReadString(element, "Name", path, at) ?? throw Invalid(path, at, "Name (the field code) is missing");
        var dataType = ReadDataType(element, path, at);
        var multiple = element.TryGetProperty("Multiple", out var multipleElement) && multipleElement.ValueKind == JsonValueKind.True;
        FormSchema? child = null;
        if (element.TryGetProperty("ChildSchema", out var childElement) && childElement.ValueKind != JsonValueKind.Null)
        {
            child = ReadForm(childElement, path, $"{at}.ChildSchema");
        }

        return new FieldSchema(code, ReadString(element, "DisplayName", path, at), dataType, multiple, child)
        {
            AssociationSchemaCode = ReadString(element, "AssociationSchemaCode", path, at),
        };
    }

    private static BizDataType ReadDataType(JsonElement element, string path, string at)
    {
        if (!element.TryGetProperty("DataType", out var value))
        {
            return BizDataType.Unspecified;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetInt32(out var number):
                return (BizDataType)number;
            case JsonValueKind.String:
                var text = value.GetString()!.Trim();
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var numeric))
                {
                    return (BizDataType)numeric;
                }

                if (Enum.TryParse<BizDataType>(text, ignoreCase: true, out var named))
                {
                    return named;
                }

                throw Invalid(path, at, $"unknown DataType '{text}'");
            default:
                throw Invalid(path, at, "DataType must be a type name such as \"ShortString\" or its number such as 14");
        }
    }

    private static string? ReadString(JsonElement element, string name, string path, string at)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw Invalid(path, at, $"{name} must be a string");
    }

    private static InvalidDataException Invalid(string path, string at, string problem) =>
        new($"Schema file '{path}' at {at}: {problem}");
}
