using System.Collections.Generic;
using System.Linq;
using H3Yun.Generators.Diagnostics;
using H3Yun.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace H3Yun.Generators.Parsing;

/// <summary>The file being parsed, its diagnostics, and typed reads of members that report a wrong JSON type where it is.</summary>
internal sealed class ParseContext(string path, SourceText text)
{
    private readonly List<DiagnosticInfo> _diagnostics = new();

    public string Path { get; } = path;

    public SourceText Text { get; } = text;

    public SchemaFile Result(FormSpec? form) => new(Path, form, _diagnostics.ToEquatableArray());

    public LocationInfo Locate(TextSpan span)
    {
        var bounded = TextSpan.FromBounds(System.Math.Min(span.Start, Text.Length), System.Math.Min(span.End, Text.Length));
        return new LocationInfo(Path, bounded, Text.Lines.GetLinePositionSpan(bounded));
    }

    /// <summary>Reports at <paramref name="span"/>; the file's name is appended as the last argument, so every message can name it.</summary>
    public void Report(DiagnosticDescriptor descriptor, TextSpan span, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, Locate(span), [.. arguments, System.IO.Path.GetFileName(Path)]));

    /// <summary>A non-empty string member; null (without a report) when absent or empty, with <paramref name="span"/> set when present.</summary>
    public string? RequiredString(JsonNode node, string name, out TextSpan? span)
    {
        var value = OptionalString(node, name, out span);
        return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }

    public string? OptionalString(JsonNode node, string name, out TextSpan? span)
    {
        var member = node.Member(name);
        span = member?.Value.Span;
        if (member is null || member.Value.Kind == JsonKind.Null)
        {
            return null;
        }

        if (member.Value.Kind != JsonKind.String)
        {
            WrongType(member, "a string");
            return null;
        }

        return string.IsNullOrWhiteSpace(member.Value.Text) ? null : member.Value.Text;
    }

    /// <summary>A string or number member as text (DataType may be either).</summary>
    public string? ScalarText(JsonNode node, string name, out TextSpan? span)
    {
        var member = node.Member(name);
        span = member?.Value.Span;
        if (member is null || member.Value.Kind == JsonKind.Null)
        {
            return null;
        }

        if (member.Value.Kind is not (JsonKind.String or JsonKind.Number))
        {
            WrongType(member, "a BizDataType name such as \"ShortString\" or its number such as 14");
            return null;
        }

        return string.IsNullOrWhiteSpace(member.Value.Text) ? null : member.Value.Text;
    }

    public bool OptionalBoolean(JsonNode node, string name)
    {
        var member = node.Member(name);
        if (member is null || member.Value.Kind == JsonKind.Null)
        {
            return false;
        }

        if (member.Value.Kind != JsonKind.Boolean)
        {
            WrongType(member, "true or false");
            return false;
        }

        return member.Value.Text == "true";
    }

    public EquatableArray<string> OptionalStrings(JsonNode node, string name, out TextSpan? span)
    {
        var member = node.Member(name);
        span = member?.Value.Span;
        if (member is null || member.Value.Kind == JsonKind.Null)
        {
            return EquatableArray<string>.Empty;
        }

        if (member.Value.Kind != JsonKind.Array || member.Value.Items.Any(static item => item.Kind != JsonKind.String))
        {
            WrongType(member, "an array of strings");
            return EquatableArray<string>.Empty;
        }

        return member.Value.Items.Select(static item => item.Text!).ToEquatableArray();
    }

    private void WrongType(JsonMember member, string expected) =>
        Report(DiagnosticDescriptors.WrongJsonType, member.Value.Span, member.Name, System.IO.Path.GetFileName(Path), expected);
}
