using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace H3Yun.Protocol;

/// <summary>A form or child table as its <c>*.h3form.json</c> file describes it.</summary>
/// <param name="SchemaCode">The form's (or child table's) SchemaCode.</param>
/// <param name="DisplayName">The display name, if given.</param>
/// <param name="ClassName">The class name, if given.</param>
/// <param name="Fields">The fields other than child tables, in file order, each code once (the first wins).</param>
/// <param name="Children">The child tables, in file order.</param>
/// <param name="SourceJson">The object's JSON text as written.</param>
internal sealed record SchemaFileForm(
    string SchemaCode,
    string? DisplayName,
    string? ClassName,
    IReadOnlyList<SchemaFileField> Fields,
    IReadOnlyList<SchemaFileChild> Children,
    string SourceJson);

/// <summary>A field of a schema file.</summary>
/// <param name="Code">The field code (<c>Name</c>).</param>
/// <param name="DisplayName">The display name, if given.</param>
/// <param name="PropertyName">The C# property name, if given.</param>
/// <param name="DataType">The BizDataType number; a number H3Yun may have added since is kept as written.</param>
/// <param name="Multiple">Whether the field holds several values.</param>
/// <param name="Options">The option texts of a radio, dropdown or checkbox; empty otherwise.</param>
/// <param name="AssociationSchemaCode">The associated form of an association, if given.</param>
internal sealed record SchemaFileField(
    string Code,
    string? DisplayName,
    string? PropertyName,
    int DataType,
    bool Multiple,
    IReadOnlyList<string> Options,
    string? AssociationSchemaCode)
{
    /// <summary>The type, or <see cref="BizDataType.Unspecified"/> for a number H3Yun does not define.</summary>
    public BizDataType Type => BizDataTypes.TryParse(DataType.ToString(CultureInfo.InvariantCulture), out var type) ? type : BizDataType.Unspecified;
}

/// <summary>A child table: the field that holds it and its own schema.</summary>
/// <param name="Field">The <c>BizObjectArray</c> field (its code is the child's SchemaCode).</param>
/// <param name="Form">The child table's schema.</param>
internal sealed record SchemaFileChild(SchemaFileField Field, SchemaFileForm Form);

/// <summary>A schema file that does not read, with where and why.</summary>
internal sealed class SchemaFileException : Exception
{
    public SchemaFileException(string message)
        : base(message)
    {
    }

    public SchemaFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SchemaFileException()
    {
    }
}

/// <summary>
/// Reads <c>*.h3form.json</c> files by the generator's rules, once for every library that reads them at run time
/// (H3Yun.Sync, H3Yun.Spreadsheets): comments and trailing commas allowed, member names in any case, <c>DataType</c>
/// a name or a number (<see cref="BizDataTypes"/>), option texts kept. <see cref="JsonDocument"/> keeps it free of
/// reflection, so its users stay trim- and AOT-safe. Compiled into a project that sets
/// <c>H3YunProtocolSchemaFiles</c> (protocol/H3Yun.Protocol.props).
/// </summary>
internal static class SchemaFileReader
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads every <c>*.h3form.json</c> file of a folder and its subfolders (not under bin or obj), in path order.</summary>
    /// <param name="folder">The folder, which must exist.</param>
    /// <returns>The forms, each SchemaCode once.</returns>
    /// <exception cref="SchemaFileException">A file does not read as a schema, or two files describe one form.</exception>
    public static IReadOnlyList<SchemaFileForm> ReadFolder(string folder)
    {
        var forms = new List<SchemaFileForm>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.h3form.json", SearchOption.AllDirectories).OrderBy(static p => p, StringComparer.Ordinal))
        {
            if (Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar).Any(static part => part is "bin" or "obj"))
            {
                continue;
            }

            forms.Add(Read(File.ReadAllText(path), path));
        }

        var duplicate = forms.GroupBy(static form => form.SchemaCode, StringComparer.Ordinal).FirstOrDefault(static group => group.Count() > 1);
        return duplicate is null
            ? forms
            : throw new SchemaFileException($"Two schema files in '{folder}' describe the form {duplicate.Key}; keep one.");
    }

    /// <summary>Reads one schema file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The form.</returns>
    /// <exception cref="SchemaFileException">The file cannot be read or is not a schema.</exception>
    public static SchemaFileForm ReadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SchemaFileException($"The schema file '{path}' cannot be read: {ex.Message}", ex);
        }

        return Read(json, path);
    }

    /// <summary>Reads one schema file's text.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="source">The file's path, for messages.</param>
    /// <returns>The form.</returns>
    /// <exception cref="SchemaFileException">The text is not a schema.</exception>
    public static SchemaFileForm Read(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            return ReadForm(document.RootElement, source, "$");
        }
        catch (JsonException ex)
        {
            throw new SchemaFileException($"The schema file '{source}' is not valid JSON: {ex.Message}", ex);
        }
    }

    private static SchemaFileForm ReadForm(JsonElement form, string source, string path)
    {
        if (form.ValueKind != JsonValueKind.Object)
        {
            throw Bad(source, path, "is not a JSON object");
        }

        var schemaCode = Text(form, "SchemaCode") ?? throw Bad(source, path, "has no SchemaCode");
        if (Member(form, "Properties") is not { ValueKind: JsonValueKind.Array } properties)
        {
            throw Bad(source, path, "has no Properties array");
        }

        var fields = new List<SchemaFileField>();
        var children = new List<SchemaFileChild>();
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

                children.Add(new SchemaFileChild(field, ReadForm(child, source, at + ".ChildSchema")));
            }
            else if (!fields.Exists(existing => existing.Code == field.Code))
            {
                fields.Add(field);
            }
        }

        return new SchemaFileForm(schemaCode, Text(form, "DisplayName"), Text(form, "ClassName"), fields, children, form.GetRawText());
    }

    private static SchemaFileField ReadField(JsonElement property, string source, string path)
    {
        if (property.ValueKind != JsonValueKind.Object)
        {
            throw Bad(source, path, "is not a JSON object");
        }

        var code = Text(property, "Name") ?? throw Bad(source, path, "has no Name (the field code)");
        var type = Member(property, "DataType") switch
        {
            { ValueKind: JsonValueKind.String } text => BizDataTypes.TryParse(text.GetString() ?? string.Empty, out var parsed) ? (int)parsed : (int?)null,
            // A number H3Yun may have added since is kept as written.
            { ValueKind: JsonValueKind.Number } number when number.TryGetInt32(out var value) => value,
            _ => null,
        };
        if (type is not { } dataType)
        {
            throw Bad(source, path, $"(field {code}) has no DataType H3Yun defines");
        }

        var options = Member(property, "Options") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Where(static o => o.ValueKind == JsonValueKind.String).Select(static o => o.GetString()!).ToArray()
            : [];
        return new SchemaFileField(
            code,
            Text(property, "DisplayName"),
            Text(property, "PropertyName"),
            dataType,
            Member(property, "Multiple") is { ValueKind: JsonValueKind.True },
            options,
            Text(property, "AssociationSchemaCode"));
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

    private static SchemaFileException Bad(string source, string path, string problem) =>
        new($"The schema file '{source}': {path} {problem}.");
}
