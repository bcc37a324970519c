using System.Globalization;
using System.Text.Json;
using H3Yun.Sync.Schema;
using H3Yun.Sync.Windows;

namespace H3Yun.Sync.Storage;

/// <summary>
/// The value of each column, read from a record as H3Yun sent it. Reading is liberal, as the runtime client's is
/// (numbers or numeric strings, arrays or <c>;</c>-joined strings, ids alone or with <c>…Object</c> companions or as
/// <c>{ObjectId, Name}</c>); a value that does not read as its column's kind leaves the column NULL, and the record's
/// <c>_json</c> keeps it exactly as sent, so no value is lost.
/// </summary>
internal static partial class RowValues
{
    /// <summary>
    /// A JSON string's text. A lone UTF-16 surrogate (<c>\uD800</c>–<c>\uDFFF</c> without its pair) is valid JSON but no
    /// text; H3Yun's answer is not trusted to lack one: the column gets U+FFFD in its place, and <c>_json</c> keeps
    /// the record as sent.
    /// </summary>
    internal static string StringOf(JsonElement text)
    {
        try
        {
            return text.GetString()!;
        }
        catch (InvalidOperationException)
        {
            using var repaired = JsonDocument.Parse(LoneSurrogate().Replace(text.GetRawText(), "\\uFFFD"));
            return repaired.RootElement.GetString()!;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")]
    private static partial System.Text.RegularExpressions.Regex LoneSurrogate();

    /// <summary>The value of one column: string, long, decimal, bool, DateTime (China time) or JSON text (string), or null.</summary>
    /// <param name="record">The record or child row.</param>
    /// <param name="column">The column.</param>
    /// <returns>The value.</returns>
    public static object? Read(JsonElement record, LayoutColumn column)
    {
        var field = column.Field;
        var value = Member(record, field.Code);
        return field.Shape switch
        {
            FieldShape.Text => Text(value),
            FieldShape.TextList => TextList(value),
            FieldShape.Decimal => Decimal(value),
            FieldShape.Integer => Integer(value),
            FieldShape.Boolean => Boolean(value),
            FieldShape.Timestamp => Text(value) is { } text && ChinaTime.TryParse(text, out var date) ? date : null,
            FieldShape.Reference => Reference(value, Member(record, field.Code + "Object"), column.Role),
            FieldShape.ReferenceList => References(value, Member(record, field.Code + "Object"), column.Role),
            _ => Json(value),
        };
    }

    /// <summary>A member of an object, or null.</summary>
    /// <param name="record">The object.</param>
    /// <param name="name">The member's name.</param>
    /// <returns>The value, or null when missing or JSON null.</returns>
    public static JsonElement? Member(JsonElement record, string name) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    private static string? Text(JsonElement? value) => value switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } text => StringOf(text),
        { } other => other.GetRawText(),
    };

    private static string? TextList(JsonElement? value) => value switch
    {
        null => null,
        { ValueKind: JsonValueKind.Array } array => array.GetRawText(),
        { ValueKind: JsonValueKind.String } text => JsonArray(StringOf(text).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
        { } other => JsonArray([other.GetRawText()]),
    };

    private static decimal? Decimal(JsonElement? value) => Text(value) is { } text
        && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static long? Integer(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Number } number when number.TryGetInt64(out var whole) => whole,
        _ => Decimal(value) is { } number && number == decimal.Truncate(number) && number is >= long.MinValue and <= long.MaxValue ? (long)number : null,
    };

    private static bool? Boolean(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } text => StringOf(text).Trim().ToUpperInvariant() switch
        {
            "TRUE" or "1" => true,
            "FALSE" or "0" => false,
            _ => null,
        },
        { ValueKind: JsonValueKind.Number } number => number.GetRawText() != "0",
        _ => null,
    };

    private static string? Reference(JsonElement? value, JsonElement? companion, ColumnRole role)
    {
        // H3Yun answers system people with display names and the ids in <code>Object; a value may also be {ObjectId, Name} or a bare id.
        var (id, name) = companion is { ValueKind: JsonValueKind.Object } unit
            ? (Text(Member(unit, "ObjectId")), Text(Member(unit, "Name")) ?? Text(value))
            : value is { ValueKind: JsonValueKind.Object } inline
                ? (Text(Member(inline, "ObjectId")), Text(Member(inline, "Name")))
                : (Text(value), null);
        return role == ColumnRole.Value ? id : name;
    }

    private static string? References(JsonElement? value, JsonElement? companion, ColumnRole role)
    {
        var source = companion is { ValueKind: JsonValueKind.Array } ? companion : value;
        if (source is null)
        {
            return null;
        }

        var ids = new List<string?>();
        var names = new List<string?>();
        if (source is { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object)
                {
                    ids.Add(Text(Member(item, "ObjectId")));
                    names.Add(Text(Member(item, "Name")));
                }
                else
                {
                    ids.Add(Text(item));
                    names.Add(null);
                }
            }
        }
        else if (source is { ValueKind: JsonValueKind.String } text)
        {
            foreach (var id in StringOf(text).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                ids.Add(id);
                names.Add(null);
            }
        }
        else
        {
            return role == ColumnRole.Value ? JsonArray([source.Value.GetRawText()]) : null;
        }

        return JsonArray(role == ColumnRole.Value ? ids : names);
    }

    private static string? Json(JsonElement? value)
    {
        if (value is not { } element)
        {
            return null;
        }

        // Address and location travel as JSON inside a string; copy the JSON itself so that it can be queried.
        if (element.ValueKind == JsonValueKind.String && StringOf(element) is var text && text.TrimStart() is ['{' or '[', ..])
        {
            try
            {
                using var inner = JsonDocument.Parse(text);
                return inner.RootElement.GetRawText();
            }
            catch (JsonException)
            {
                // not JSON after all: kept as a JSON string below
            }
        }

        return element.GetRawText();
    }

    private static string JsonArray(IEnumerable<string?> items)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                if (item is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    writer.WriteStringValue(item);
                }
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
