using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace H3Yun.Emulator.Schemas;

/// <summary>
/// Reads <c>*.h3form.json</c> files by the generator's rules, so that the emulator accepts exactly the files the
/// generator accepts (a conformance test in tests/H3Yun.Generators.Tests runs both over every schema file and
/// thousands of mutated ones): comments and trailing commas allowed, member names in any case (the first one
/// counts), system fields skipped, every member of the right JSON type, DataType by H3Yun's name or number.
/// A DataType H3Yun does not define is kept as <see cref="BizDataType.Unspecified"/>, whose values are stored as sent.
/// </summary>
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

        return Parse(text, path);
    }

    /// <summary>Reads a schema file's text; <paramref name="path"/> names it in errors.</summary>
    public static FormSchema Parse(string text, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(text, DocumentOptions);
            return ReadForm(document.RootElement, path, "$", isChild: false);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Schema file '{path}' is not valid JSON: {ex.Message}", ex);
        }
    }

    private static FormSchema ReadForm(JsonElement element, string path, string at, bool isChild)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, at, "expected an object");
        }

        var displayName = OptionalString(element, "DisplayName", path, at);
        OptionalString(element, "ClassName", path, at);
        if (OptionalString(element, "Namespace", path, at) is { } ns && !CSharpNames.IsNamespace(ns))
        {
            throw Invalid(path, at, $"Namespace '{ns}' is not a C# namespace");
        }

        var schemaCode = RequiredString(element, "SchemaCode", path, at) ?? throw Invalid(path, at, "SchemaCode is missing");
        if (Member(element, "Properties") is not { ValueKind: JsonValueKind.Array } properties)
        {
            throw Invalid(path, at, "Properties must be an array");
        }

        var fields = new List<FieldSchema>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var hasSeqNo = false;
        var index = 0;
        foreach (var property in properties.EnumerateArray())
        {
            if (ReadField(property, path, $"{at}.Properties[{index++}]", isChild, seen) is { } field)
            {
                fields.Add(field);
            }
            else
            {
                // Strict mode answers SeqNo only for forms whose schema lists it.
                hasSeqNo |= string.Equals(OptionalString(property, "Name", path, at), SystemFieldCodes.SeqNo, StringComparison.OrdinalIgnoreCase);
            }
        }

        return new FormSchema(schemaCode, displayName, fields) { HasSeqNo = hasSeqNo };
    }

    /// <summary>A field, or null for a system field, which exports of H3Yun schemas list and the emulator handles itself.</summary>
    private static FieldSchema? ReadField(JsonElement element, string path, string at, bool isChild, HashSet<string> seen)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, at, "expected an object");
        }

        var code = RequiredString(element, "Name", path, at) ?? throw Invalid(path, at, "Name (the field code) is missing");
        if (SystemFieldCodes.IsSystem(code))
        {
            return null;
        }

        var dataTypeText = DataTypeText(element, path, at);
        var displayName = OptionalString(element, "DisplayName", path, at);
        OptionalString(element, "PropertyName", path, at);
        var associationSchemaCode = OptionalString(element, "AssociationSchemaCode", path, at);
        var multiple = OptionalBoolean(element, "Multiple", path, at);
        OptionalBoolean(element, "Formula", path, at);
        if (Member(element, "Options") is { } options
            && (options.ValueKind != JsonValueKind.Array || options.EnumerateArray().Any(static o => o.ValueKind != JsonValueKind.String)))
        {
            throw Invalid(path, at, "Options must be an array of strings");
        }

        if (!seen.Add(code))
        {
            throw Invalid(path, at, $"field code '{code}' appears twice");
        }

        var dataType = ResolveDataType(dataTypeText ?? throw Invalid(path, at, "DataType is missing"), path, at);
        FormSchema? child = null;
        // A child table inside a child table is kept as raw JSON, as the generator keeps it; its ChildSchema is not read.
        if (dataType == BizDataType.BizObjectArray && !isChild)
        {
            child = Member(element, "ChildSchema") is { ValueKind: JsonValueKind.Object } childElement
                ? ReadForm(childElement, path, $"{at}.ChildSchema", isChild: true)
                : throw Invalid(path, at, $"child table '{code}' has no ChildSchema object");
        }

        return new FieldSchema(code, displayName, dataType, multiple, child) { AssociationSchemaCode = associationSchemaCode };
    }

    private static string? DataTypeText(JsonElement element, string path, string at) => Member(element, "DataType") switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
        { ValueKind: JsonValueKind.String } text => string.IsNullOrWhiteSpace(text.GetString()) ? null : text.GetString(),
        _ => throw Invalid(path, at, "DataType must be a type name such as \"ShortString\" or its number such as 14"),
    };

    /// <summary>
    /// A BizDataType by its number or its name in any case. An unknown number is a type H3Yun may have added (kept as
    /// sent); an unknown name is a typo, refused as the generator refuses it (H3Y0006).
    /// </summary>
    private static BizDataType ResolveDataType(string text, string path, string at)
    {
        if (BizDataTypes.TryParse(text, out var type))
        {
            return type;
        }

        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            ? BizDataType.Unspecified
            : throw Invalid(path, at, $"DataType '{text}' is not an H3Yun BizDataType" + (BizDataTypes.Closest(text) is { } closest ? $" (did you mean '{closest}'?)" : ""));
    }

    /// <summary>The first member of that name in any case, as the generator reads them; a JSON null counts as absent.</summary>
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

    /// <summary>A string member; null when absent or blank.</summary>
    private static string? OptionalString(JsonElement element, string name, string path, string at) => Member(element, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => string.IsNullOrWhiteSpace(value.GetString()) ? null : value.GetString(),
        _ => throw Invalid(path, at, $"{name} must be a string"),
    };

    private static string? RequiredString(JsonElement element, string name, string path, string at) =>
        OptionalString(element, name, path, at)?.Trim();

    private static bool OptionalBoolean(JsonElement element, string name, string path, string at) => Member(element, name) switch
    {
        null => false,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw Invalid(path, at, $"{name} must be true or false"),
    };

    private static InvalidDataException Invalid(string path, string at, string problem) =>
        new($"Schema file '{path}' at {at}: {problem}");

    /// <summary>C#'s rules for a namespace, which a schema's Namespace must follow because the generator declares it.</summary>
    private static class CSharpNames
    {
        private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
        {
            "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
            "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
            "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
            "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
            "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
            "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
            "using", "virtual", "void", "volatile", "while", "__arglist", "__makeref", "__reftype", "__refvalue",
        };

        public static bool IsNamespace(string name) => name.Split('.').All(IsIdentifier);

        private static bool IsIdentifier(string part) =>
            part.Length > 0 && IsStart(part[0]) && part.Skip(1).All(IsPart) && !Keywords.Contains(part);

        private static bool IsStart(char c) => c == '_' || char.GetUnicodeCategory(c) is
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;

        private static bool IsPart(char c) => IsStart(c) || char.GetUnicodeCategory(c) is
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format;
    }
}
