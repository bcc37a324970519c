using System.Globalization;
using System.Text.Json;

namespace H3Yun.Spreadsheets;

/// <summary>
/// Turns a value H3Yun answered into the cell <see cref="CellConverter"/> reads back as that same value. Reading is
/// liberal, as the runtime client's is: numbers or numeric strings, arrays or <c>;</c>-joined strings, people and
/// records as bare ids, as <c>{ObjectId, Name}</c>, or as display names with the ids in a <c>…Object</c> companion.
/// </summary>
internal static class CellWriter
{
    // Doubles hold every whole number up to 2^53 exactly; larger ones are written as text, which the reader parses exactly.
    private const long MaxExactWhole = 9_007_199_254_740_992;

    // Excel has no dates before 1900, and its serials before 1900-03-01 count a day that never was (1900-02-29).
    private static readonly DateTime FirstExcelDate = new(1900, 3, 1);

    /// <summary>
    /// Whether a field is written: only the kinds the reader reads back exactly. Attachments, images, addresses,
    /// locations, rich text, child tables (written on sheets of their own) and multiple associations or people in a
    /// Unit field are not.
    /// </summary>
    public static bool CanWrite(SheetField field) =>
        CellConverter.CanRead(field.DataType) && !(field.Multiple && field.DataType is BizDataType.Unit or BizDataType.Association);

    /// <summary>A field's value in a record, as the reader returns it: a string, a decimal, a long, a bool, a DateTime (to the second), or null.</summary>
    /// <param name="record">The record or child row as H3Yun answered it.</param>
    /// <param name="field">The field.</param>
    /// <returns>The value; a value that does not read as its kind is returned as its text, so that it is seen rather than lost.</returns>
    public static object? Value(JsonElement record, SheetField field)
    {
        var value = Member(record, field.Code);
        switch (field.DataType)
        {
            case BizDataType.Bool:
                return value switch
                {
                    null => null,
                    { ValueKind: JsonValueKind.True } => true,
                    { ValueKind: JsonValueKind.False } => false,
                    { ValueKind: JsonValueKind.Number } number => number.GetRawText() is not ("0" or "0.0"),
                    { } other => Text(other)?.Trim().ToUpperInvariant() switch
                    {
                        "TRUE" or "1" or "是" => true,
                        "FALSE" or "0" or "否" => false,
                        _ => Text(other),
                    },
                };
            case BizDataType.Double:
                return value switch
                {
                    null => null,
                    { ValueKind: JsonValueKind.Number } number when number.TryGetDecimal(out var exact) => exact,
                    { } other when Text(other) is { } text && decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
                    { } other => Text(other),
                };
            case BizDataType.Int or BizDataType.Long:
                return value switch
                {
                    null => null,
                    { ValueKind: JsonValueKind.Number } number when number.TryGetInt64(out var whole) => whole,
                    { } other when Text(other) is { } text && decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                        && parsed == decimal.Truncate(parsed) && parsed is >= long.MinValue and <= long.MaxValue => (long)parsed,
                    { } other => Text(other),
                };
            case BizDataType.DateTime:
                if (value is not { } date || Text(date) is not { } dateText || string.IsNullOrWhiteSpace(dateText))
                {
                    return null;
                }

                if (!H3Yun.Protocol.DateFormats.TryParse(dateText, out var clock, out var instant))
                {
                    return dateText;
                }

                // An instant with an offset is H3Yun's clock time (China, UTC+8); the reader keeps whole seconds.
                clock = instant is { } at ? at.ToOffset(TimeSpan.FromHours(8)).DateTime : clock;
                return new DateTime(clock.Ticks - (clock.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Unspecified);
            case BizDataType.Unit or BizDataType.Association:
                return Reference(value, Member(record, field.Code + SystemFieldCodes.CompanionSuffix));
            case BizDataType.UnitArray:
                return References(value, Member(record, field.Code + SystemFieldCodes.CompanionSuffix));
            default:
                return value switch
                {
                    null => null,
                    { ValueKind: JsonValueKind.Array } array => string.Join(";", array.EnumerateArray().Select(Text).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim())),
                    { } other when field.Multiple && Text(other) is { } joined => string.Join(";", joined.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
                    { } other => Text(other),
                };
        }
    }

    /// <summary>The .xlsx cell of a value: numbers as numbers, dates as dates, booleans as booleans; what a cell of that type would not hold exactly, as text.</summary>
    /// <param name="value">A value from <see cref="Value"/>.</param>
    /// <returns>The cell: a string, a double, a bool, a DateTime, or null.</returns>
    public static object? XlsxCell(object? value) => value switch
    {
        decimal number when (decimal)(double)number == number => (double)number,
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        long whole when whole is >= -MaxExactWhole and <= MaxExactWhole => (double)whole,
        long whole => whole.ToString(CultureInfo.InvariantCulture),
        DateTime date when date >= FirstExcelDate => date,
        DateTime date => date.ToString(H3Yun.Protocol.DateFormats.Write, CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>The CSV text of a value: invariant numbers, dates as <c>yyyy-MM-dd HH:mm:ss</c>, TRUE/FALSE as Excel writes them.</summary>
    /// <param name="value">A value from <see cref="Value"/>.</param>
    /// <returns>The text; empty for null.</returns>
    public static string CsvCell(object? value) => value switch
    {
        null => string.Empty,
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        long whole => whole.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "TRUE" : "FALSE",
        DateTime date => date.ToString(H3Yun.Protocol.DateFormats.Write, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>A member of an object, or null when missing or JSON null.</summary>
    /// <param name="record">The object.</param>
    /// <param name="name">The member's name.</param>
    /// <returns>The value.</returns>
    public static JsonElement? Member(JsonElement record, string name) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };

    private static string? Reference(JsonElement? value, JsonElement? companion) =>
        companion is { ValueKind: JsonValueKind.Object } unit ? Id(unit)
        : value is { ValueKind: JsonValueKind.Object } inline ? Id(inline)
        : value is { } bare ? Text(bare)
        : null;

    private static string? References(JsonElement? value, JsonElement? companion)
    {
        var source = companion is { ValueKind: JsonValueKind.Array } ? companion : value;
        return source switch
        {
            null => null,
            { ValueKind: JsonValueKind.Array } array => string.Join(";", array.EnumerateArray()
                .Select(item => item.ValueKind == JsonValueKind.Object ? Id(item) : Text(item))
                .Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!.Trim())),
            { } other when Text(other) is { } joined => string.Join(";", joined.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
            _ => null,
        };
    }

    private static string? Id(JsonElement item) => Member(item, SystemFieldCodes.ObjectId) is { } id ? Text(id) : null;
}
