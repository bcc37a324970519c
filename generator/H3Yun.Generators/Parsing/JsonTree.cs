using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis.Text;

namespace H3Yun.Generators.Parsing;

internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>
/// A JSON value with the span of text it came from, so that diagnostics can point at the exact token. Built with
/// System.Text.Json's <see cref="Utf8JsonReader"/>, which does the parsing; this type only keeps positions.
/// </summary>
internal sealed class JsonNode
{
    public JsonNode(JsonKind kind, TextSpan span, string? text = null)
    {
        Kind = kind;
        Span = span;
        Text = text;
    }

    public JsonKind Kind { get; }

    /// <summary>The value's place in the file, in UTF-16 characters like Roslyn's <see cref="SourceText"/>.</summary>
    public TextSpan Span { get; internal set; }

    /// <summary>A string's value, a number's text, or <c>true</c>/<c>false</c>.</summary>
    public string? Text { get; }

    // Only objects and arrays get a list: a schema is mostly scalars, and the parser runs on every keystroke.
    public List<JsonMember> Members => _members ??= new List<JsonMember>();

    public List<JsonNode> Items => _items ??= new List<JsonNode>();

    private List<JsonMember>? _members;
    private List<JsonNode>? _items;

    /// <summary>Finds a member by name, ignoring case, as H3Yun's own JSON handling does.</summary>
    public JsonMember? Member(string name)
    {
        if (_members is null)
        {
            return null;
        }

        foreach (var member in _members)
        {
            if (string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return member;
            }
        }

        return null;
    }
}

internal sealed class JsonMember(string name, TextSpan nameSpan, JsonNode value)
{
    public string Name { get; } = name;

    public TextSpan NameSpan { get; } = nameSpan;

    public JsonNode Value { get; } = value;
}

/// <summary>Where and why a schema file is not valid JSON.</summary>
internal sealed class JsonSyntaxError(string message, TextSpan span)
{
    public string Message { get; } = message;

    public TextSpan Span { get; } = span;
}

/// <summary>Reads a schema file into <see cref="JsonNode"/>s. Comments and trailing commas are allowed.</summary>
internal static class JsonTreeReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    public static JsonNode? Read(string text, out JsonSyntaxError? error)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var positions = new CharPositions(text, bytes.Length);
        var reader = new Utf8JsonReader(bytes, Options);
        try
        {
            // A final block without a token (an empty file, or comments alone) throws here rather than answering false.
            reader.Read();
            var root = ReadValue(ref reader, positions);
            error = TrailingContent(ref reader, text, positions);

            // A complete value followed by anything else is still read: the error stands and fails the build, but the
            // form is generated, so that one stray character does not also break every line of code that uses it.
            return root;
        }
        catch (JsonException exception)
        {
            var failedAt = exception.LineNumber is { } line && exception.BytePositionInLine is { } column
                ? ByteOffset(bytes, line, column)
                : reader.BytesConsumed;
            var start = positions.CharAt(failedAt);
            error = new JsonSyntaxError(Describe(exception), new TextSpan(start, start < text.Length ? 1 : 0));
            return null;
        }
    }

    private static JsonSyntaxError? TrailingContent(ref Utf8JsonReader reader, string text, CharPositions positions)
    {
        var end = reader.BytesConsumed;
        try
        {
            if (!reader.Read())
            {
                return null;
            }

            end = reader.TokenStartIndex;
        }
        catch (JsonException)
        {
            // Not even a token: the garbage starts after the white space and comments that follow the value.
            end = reader.BytesConsumed;
        }

        var start = Math.Min(positions.CharAt(end), text.Length);
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return new JsonSyntaxError("there is more after the end of the JSON object", new TextSpan(start, Math.Max(0, text.Length - start)));
    }

    private static JsonNode ReadValue(ref Utf8JsonReader reader, CharPositions positions)
    {
        // Positions are asked for in file order (a value's start before its end), which keeps CharPositions linear.
        var start = positions.CharAt(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new JsonNode(JsonKind.Object, default);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = KnownName(ref reader) ?? reader.GetString() ?? string.Empty;
                    var nameSpan = positions.Span(reader.TokenStartIndex, reader.TokenStartIndex + reader.ValueSpan.Length + 2);
                    reader.Read();
                    obj.Members.Add(new JsonMember(name, nameSpan, ReadValue(ref reader, positions)));
                }

                obj.Span = positions.SpanFrom(start, reader.BytesConsumed);
                return obj;
            case JsonTokenType.StartArray:
                var array = new JsonNode(JsonKind.Array, default);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    array.Items.Add(ReadValue(ref reader, positions));
                }

                array.Span = positions.SpanFrom(start, reader.BytesConsumed);
                return array;
            case JsonTokenType.String:
                return new JsonNode(JsonKind.String, positions.SpanFrom(start, reader.TokenStartIndex + reader.ValueSpan.Length + 2), reader.GetString());
            case JsonTokenType.Number:
                return new JsonNode(JsonKind.Number, positions.SpanFrom(start, reader.TokenStartIndex + reader.ValueSpan.Length), Encoding.UTF8.GetString(reader.ValueSpan.ToArray()));
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new JsonNode(JsonKind.Boolean, positions.SpanFrom(start, reader.TokenStartIndex + reader.ValueSpan.Length), reader.TokenType == JsonTokenType.True ? "true" : "false");
            default:
                return new JsonNode(JsonKind.Null, positions.SpanFrom(start, reader.TokenStartIndex + reader.ValueSpan.Length));
        }
    }

    // The schema format's member names, so that the thousands of them in a project are not each a new string.
    private static readonly (byte[] Utf8, string Name)[] KnownNames =
    [
        .. new[]
        {
            "Name", "DisplayName", "DataType", "PropertyName", "Options", "Multiple", "AssociationSchemaCode", "Formula",
            "ChildSchema", "SchemaCode", "ClassName", "Namespace", "Properties",
        }.Select(static name => (Encoding.UTF8.GetBytes(name), name)),
    ];

    private static string? KnownName(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return null;
        }

        foreach (var (utf8, name) in KnownNames)
        {
            if (reader.ValueSpan.SequenceEqual(utf8))
            {
                return name;
            }
        }

        return null;
    }

    private static long ByteOffset(byte[] bytes, long line, long column)
    {
        long offset = 0;
        for (var seen = 0L; seen < line && offset < bytes.Length; offset++)
        {
            if (bytes[offset] == (byte)'\n')
            {
                seen++;
            }
        }

        return Math.Min(offset + column, bytes.Length);
    }

    // System.Text.Json appends its own "LineNumber: … | BytePositionInLine: …"; the diagnostic's location says that better.
    private static string Describe(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message.Substring(0, cut) : message).TrimEnd('.', ' ');
    }

    /// <summary>
    /// Maps UTF-8 byte offsets, which the reader reports, to the UTF-16 offsets Roslyn uses, with a cursor that moves
    /// forward as the reader does: no table per file, and linear time for offsets asked for in order.
    /// </summary>
    private sealed class CharPositions(string text, int byteCount)
    {
        private int _byte;
        private int _char;

        /// <summary>The character that contains the byte at <paramref name="byteOffset"/>, or the end of the text.</summary>
        public int CharAt(long byteOffset)
        {
            var target = (int)Math.Max(0, Math.Min(byteOffset, byteCount));
            if (target < _byte)
            {
                (_byte, _char) = (0, 0);
            }

            while (_char < text.Length)
            {
                var (width, chars) = Width(_char);
                if (_byte + width > target)
                {
                    break;
                }

                _byte += width;
                _char += chars;
            }

            return target >= byteCount ? text.Length : _char;
        }

        public TextSpan Span(long startByte, long endByte)
        {
            var start = CharAt(startByte);
            return TextSpan.FromBounds(start, Math.Max(start, CharAt(endByte)));
        }

        public TextSpan SpanFrom(int start, long endByte) => TextSpan.FromBounds(start, Math.Max(start, CharAt(endByte)));

        private (int Bytes, int Chars) Width(int at)
        {
            var c = text[at];
            if (char.IsHighSurrogate(c) && at + 1 < text.Length && char.IsLowSurrogate(text[at + 1]))
            {
                return (4, 2);
            }

            return (c < 0x80 ? 1 : c < 0x800 ? 2 : 3, 1);
        }
    }
}
