using System.Globalization;

namespace H3Yun.Spreadsheets;

/// <summary>Converts one cell to its field's value in H3Yun's write format, or says what was expected.</summary>
internal static class CellConverter
{
    /// <summary>Whether a column of the kind can be read from cells.</summary>
    public static bool CanRead(BizDataType type) => type is BizDataType.String or BizDataType.ShortString or BizDataType.Bool
        or BizDataType.Double or BizDataType.Int or BizDataType.Long or BizDataType.DateTime or BizDataType.Unit
        or BizDataType.UnitArray or BizDataType.Association;

    /// <summary>Converts a cell; null (an empty cell) converts to null.</summary>
    /// <param name="field">The cell's field.</param>
    /// <param name="cell">The cell as read: a string, a double, a bool, a DateTime, or null.</param>
    /// <param name="value">The value in H3Yun's write format.</param>
    /// <param name="expected">What was expected, when the cell does not convert.</param>
    /// <returns>Whether the cell converts.</returns>
    public static bool TryConvert(SheetField field, object? cell, out object? value, out string? expected)
    {
        value = null;
        expected = null;
        if (cell is null || (cell is string s && string.IsNullOrWhiteSpace(s)))
        {
            return true;
        }

        switch (field.DataType)
        {
            case BizDataType.Bool:
                value = cell switch
                {
                    bool b => b,
                    double d when d is 0 or 1 => d == 1,
                    string t => t.Trim().ToUpperInvariant() switch
                    {
                        "是" or "TRUE" or "1" => true,
                        "否" or "FALSE" or "0" => false,
                        _ => null,
                    },
                    _ => null,
                };
                expected = value is null ? "是/否, true/false or 1/0" : null;
                break;
            case BizDataType.Double:
                value = cell switch
                {
                    double d when !double.IsNaN(d) && !double.IsInfinity(d) => (decimal)d,
                    string t when decimal.TryParse(t.Trim(), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var m) => m,
                    _ => null,
                };
                expected = value is null ? "a number" : null;
                break;
            case BizDataType.Int or BizDataType.Long:
                value = cell switch
                {
                    double d when d == Math.Floor(d) && Math.Abs(d) < 9.007199254740992E15 => (long)d,
                    string t when long.TryParse(t.Trim(), NumberStyles.Integer | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var l) => l,
                    _ => null,
                };
                if (value is long n && field.DataType == BizDataType.Int && n is < int.MinValue or > int.MaxValue)
                {
                    value = null;
                }

                expected = value is null ? "a whole number" : null;
                break;
            case BizDataType.DateTime:
                value = ReadDate(cell) is { } date ? date.ToString(H3Yun.Protocol.DateFormats.Write, CultureInfo.InvariantCulture) : null;
                expected = value is null ? "a date such as 2026/1/5, 2026-01-05, 2026年1月5日 (a time may follow) or an Excel date" : null;
                break;
            case BizDataType.Unit or BizDataType.Association when !field.Multiple:
                value = Text(cell) is { } id && !id.Contains(';', StringComparison.Ordinal) ? id : null;
                expected = value is null ? (field.DataType == BizDataType.Unit ? "one person's or department's id" : "one record's ObjectId") : null;
                break;
            case BizDataType.UnitArray or BizDataType.Unit or BizDataType.Association:
                // Any text is a list of ids, possibly of none.
                value = string.Join(";", Split(Text(cell)!));
                expected = null;
                break;
            case BizDataType.String or BizDataType.ShortString:
                return TryText(field, cell, out value, out expected);
            default:
                expected = $"nothing: a {field.DataType} field is not read from a spreadsheet";
                break;
        }

        return expected is null;
    }

    private static bool TryText(SheetField field, object cell, out object? value, out string? expected)
    {
        var text = Text(cell)!;
        value = null;
        expected = null;
        if (field.Options.Count == 0)
        {
            value = text;
            return true;
        }

        var parts = field.Multiple ? Split(text) : [text.Trim()];
        var unknown = parts.FirstOrDefault(part => !field.Options.Contains(part, StringComparer.Ordinal));
        if (unknown is not null)
        {
            expected = $"{(field.Multiple ? "options separated by ';', each one of" : "one of")} {string.Join(", ", field.Options)} (unknown: '{unknown}')";
            return false;
        }

        value = string.Join(";", parts);
        return true;
    }

    private static string[] Split(string text) =>
        text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string? Text(object cell) => cell switch
    {
        string s => s.Trim(),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTime dt => dt.ToString(H3Yun.Protocol.DateFormats.Write, CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture),
    };

    private static DateTime? ReadDate(object cell)
    {
        switch (cell)
        {
            case DateTime date:
                return date;
            case double serial:
                return FromSerial(serial);
            case string text:
                // A plain number is an Excel serial; any other text is read as H3Yun's dates are (2026/1/5, 2026-01-05,
                // 2026年1月5日, 2026.1.5, a time after any of them, ISO 8601).
                text = text.Trim();
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return FromSerial(number);
                }

                if (H3Yun.Protocol.DateFormats.TryParse(text, out var clock, out var instant))
                {
                    // An instant with an offset is H3Yun's clock time (China, UTC+8).
                    return instant is { } at ? at.ToOffset(TimeSpan.FromHours(8)).DateTime : clock;
                }

                return null;
            default:
                return null;
        }
    }

    // Excel's serials: 1 is 1900-01-01; 2958465 is 9999-12-31. Seconds are rounded, as Excel shows them.
    private static DateTime? FromSerial(double serial)
    {
        if (serial < 1 || serial >= 2958466 || double.IsNaN(serial))
        {
            return null;
        }

        var date = DateTime.FromOADate(serial);
        return new DateTime(date.Ticks - (date.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Unspecified).AddSeconds(date.Millisecond >= 500 ? 1 : 0);
    }
}
