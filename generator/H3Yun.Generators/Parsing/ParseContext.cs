using System.Collections.Generic;
using H3Yun.Generators.Diagnostics;
using H3Yun.Generators.Model;
using Microsoft.CodeAnalysis.Text;

namespace H3Yun.Generators.Parsing;

/// <summary>The file being parsed, its diagnostics and anchors, and typed reads of members that report a wrong JSON type where it is.</summary>
internal sealed class ParseContext(string path, SourceText text)
{
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly List<AnchoredLocation> _anchors = new();

    public string Path { get; } = path;

    /// <summary>The file's name, the first argument of every schema diagnostic.</summary>
    public string FileName { get; } = System.IO.Path.GetFileName(path);

    public SourceText Text { get; } = text;

    public SchemaFile Result(FormSpec? form) =>
        new(Path, form, new SchemaLocations(Path, _anchors.ToEquatableArray()), _diagnostics.ToEquatableArray());

    public LocationInfo Locate(TextSpan span)
    {
        var bounded = TextSpan.FromBounds(System.Math.Min(span.Start, Text.Length), System.Math.Min(span.End, Text.Length));
        return new LocationInfo(Path, bounded, Text.Lines.GetLinePositionSpan(bounded));
    }

    public void Report(TextSpan span, DiagnosticMessage message) => _diagnostics.Add(message.At(Locate(span)));

    /// <summary>Remembers where an anchor is, for the problems the resolver finds later.</summary>
    public void Anchor(string anchor, TextSpan span) => _anchors.Add(new AnchoredLocation(anchor, Locate(span)));

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

        if (member.Value.Kind != JsonKind.Array || !AllStrings(member.Value.Items))
        {
            WrongType(member, "an array of strings");
            return EquatableArray<string>.Empty;
        }

        var texts = new string[member.Value.Items.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = member.Value.Items[i].Text!;
        }

        return new EquatableArray<string>(texts);
    }

    public void WrongType(JsonMember member, string expected) =>
        Report(member.Value.Span, SchemaDiagnostics.WrongJsonType(FileName, member.Name, expected));

    private static bool AllStrings(List<JsonNode> items)
    {
        foreach (var item in items)
        {
            if (item.Kind != JsonKind.String)
            {
                return false;
            }
        }

        return true;
    }
}
