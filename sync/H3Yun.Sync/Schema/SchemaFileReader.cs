using System.Text.Json;

namespace H3Yun.Sync.Schema;

/// <summary>
/// Reads the project's <c>*.h3form.json</c> files into what the copy needs. The rules are the generator's: comments
/// and trailing commas are allowed, member names match in any case, and <c>DataType</c> is a name or a number.
/// <see cref="JsonDocument"/> keeps this free of reflection, so the library stays trim- and AOT-safe.
/// </summary>
internal static class SchemaFileReader
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads every <c>*.h3form.json</c> file of a folder and its subfolders.</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>The forms, by SchemaCode.</returns>
    /// <exception cref="H3YunSyncException">The folder is missing, or a file does not read as a schema.</exception>
    public static IReadOnlyList<SyncForm> ReadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new H3YunSyncException($"The schema folder '{Path.GetFullPath(folder)}' does not exist. Pull the forms' schemas with 'h3yun schema pull', or name the folder.");
        }

        var forms = new List<SyncForm>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.h3form.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            forms.Add(Read(File.ReadAllText(path), path));
        }

        var duplicate = forms.GroupBy(form => form.SchemaCode, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        return duplicate is null
            ? forms
            : throw new H3YunSyncException($"Two schema files in '{folder}' describe the form {duplicate.Key}; keep one.");
    }

    /// <summary>Reads one schema file's text.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="source">The file's path, for messages.</param>
    /// <returns>The form.</returns>
    /// <exception cref="H3YunSyncException">The text is not a schema.</exception>
    public static SyncForm Read(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            return ReadForm(document.RootElement, source, "$");
        }
        catch (JsonException ex)
        {
            throw new H3YunSyncException($"The schema file '{source}' is not valid JSON: {ex.Message}", ex);
        }
    }

    private static SyncForm ReadForm(JsonElement form, string source, string path)
    {
        if (form.ValueKind != JsonValueKind.Object)
        {
            throw Bad(source, path, "is not a JSON object");
        }

        var schemaCode = Text(form, "SchemaCode") is { Length: > 0 } code ? code : throw Bad(source, path, "has no SchemaCode");
        if (Member(form, "Properties") is not { ValueKind: JsonValueKind.Array } properties)
        {
            throw Bad(source, path, "has no Properties array");
        }

        var fields = new List<SyncField>();
        var children = new List<SyncChild>();
        var index = 0;
        foreach (var property in properties.EnumerateArray())
        {
            var at = $"{path}.Properties[{index++}]";
            var field = ReadField(property, source, at);
            if (field.DataType == (int)BizDataType.BizObjectArray)
            {
                if (Member(property, "ChildSchema") is not { ValueKind: JsonValueKind.Object } child)
                {
                    throw Bad(source, at, $"is the child table {field.Code} but has no ChildSchema");
                }

                children.Add(new SyncChild(field, ReadForm(child, source, at + ".ChildSchema")));
            }
            else if (!fields.Exists(existing => existing.Code == field.Code))
            {
                fields.Add(field);
            }
        }

        return new SyncForm(schemaCode, Text(form, "DisplayName"), Text(form, "ClassName"), fields, children, form.GetRawText());
    }

    private static SyncField ReadField(JsonElement property, string source, string path)
    {
        if (property.ValueKind != JsonValueKind.Object)
        {
            throw Bad(source, path, "is not a JSON object");
        }

        var code = Text(property, "Name") is { Length: > 0 } name ? name : throw Bad(source, path, "has no Name (the field code)");
        var dataType = Member(property, "DataType");
        var known = dataType switch
        {
            { ValueKind: JsonValueKind.String } text => BizDataTypes.TryParse(text.GetString() ?? string.Empty, out var parsed) ? (int)parsed : (int?)null,
            // A number H3Yun may have added since is kept: its values are copied as JSON.
            { ValueKind: JsonValueKind.Number } number when number.TryGetInt32(out var value) => value,
            _ => null,
        };
        if (known is not { } type)
        {
            throw Bad(source, path, $"(field {code}) has no DataType H3Yun defines");
        }

        var multiple = Member(property, "Multiple") is { ValueKind: JsonValueKind.True };
        return new SyncField(code, Text(property, "DisplayName"), Text(property, "PropertyName"), type, multiple);
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

    private static H3YunSyncException Bad(string source, string path, string problem) =>
        new($"The schema file '{source}': {path} {problem}.");
}
