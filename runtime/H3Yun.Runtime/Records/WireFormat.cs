using System.Globalization;
using System.Text.Json;

namespace H3Yun;

/// <summary>
/// Every decision about how a value looks on H3Yun's wire, in one place (reference §10: read liberally,
/// write conservatively). Readers and writers of records and filters call only this.
/// </summary>
internal static class WireFormat
{
    /// <summary>The one date format the client writes; H3Yun's own front end accepts exactly this.</summary>
    public const string DateTimeWriteFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The separator H3Yun uses for multi-value text (checkboxes, several people or records).</summary>
    public const char MultiValueSeparator = ';';

    // The real service answers "yyyy/M/d H:mm:ss"; the others are what clients and H3Yun's own tools send.
    private static readonly string[] DateTimeReadFormats =
    [
        "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d",
        "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm", "yyyy-M-d",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
    ];

    public static string FormatDateTime(DateTime value) =>
        value.ToString(DateTimeWriteFormat, CultureInfo.InvariantCulture);

    public static string JoinMultiValue(IEnumerable<string> values) =>
        string.Join(MultiValueSeparator, values);

    public static bool TryParseDateTime(string text, out DateTime value)
    {
        text = text.Trim();
        if (DateTime.TryParseExact(text, DateTimeReadFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return true;
        }

        // ISO 8601 with an offset: keep the clock time as written. H3Yun works in China time and the client never shifts zones.
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            value = withOffset.DateTime;
            return true;
        }

        value = default;
        return false;
    }

    public static bool TryReadDecimal(JsonElement element, out decimal value)
    {
        value = default;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetDecimal(out value),
            JsonValueKind.String => decimal.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    public static bool TryReadBoolean(JsonElement element, out bool value)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                value = true;
                return true;
            case JsonValueKind.False:
                value = false;
                return true;
            case JsonValueKind.String:
                return bool.TryParse(element.GetString()?.Trim(), out value);
            default:
                value = default;
                return false;
        }
    }

    /// <summary>Whether a member carries no value: JSON null, or an empty string where a number or date was expected.</summary>
    public static bool IsEmpty(JsonElement element) =>
        element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
        || (element.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(element.GetString()));

    /// <summary>Shows a received value in an error message, shortened so a hostile answer cannot flood a log.</summary>
    public static string Excerpt(JsonElement element)
    {
        var raw = element.GetRawText();
        return raw.Length <= 80 ? raw : string.Concat(raw.AsSpan(0, 77), "...");
    }
}
