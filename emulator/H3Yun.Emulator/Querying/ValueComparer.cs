using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using H3Yun.Emulator.Protocol;
using H3Yun.Emulator.Values;

namespace H3Yun.Emulator.Querying;

/// <summary>
/// Compares a stored value with a filter value the way the SQL behind H3Yun would: as numbers, dates or booleans
/// when both sides are such (clients send numbers and dates as strings as often as not), else as ordinal text.
/// </summary>
internal static class ValueComparer
{
    /// <summary>The ordering of two values; null when either is missing, since SQL comparisons with NULL are never true.</summary>
    public static int? Compare(JsonNode? left, JsonNode? right, bool asDate)
    {
        var leftText = Text(left);
        var rightText = Text(right);
        if (leftText is null || rightText is null)
        {
            return null;
        }

        if (asDate && H3DateText.TryParse(leftText, out var leftDate) && H3DateText.TryParse(rightText, out var rightDate))
        {
            return leftDate.CompareTo(rightDate);
        }

        if (CompareNumbers(leftText, rightText) is { } byNumber)
        {
            return byNumber;
        }

        if (H3DateText.TryParse(leftText, out leftDate) && H3DateText.TryParse(rightText, out rightDate))
        {
            return leftDate.CompareTo(rightDate);
        }

        if (LenientJson.TryReadBool(left, out var leftFlag) && LenientJson.TryReadBool(right, out var rightFlag))
        {
            return leftFlag.CompareTo(rightFlag);
        }

        return string.CompareOrdinal(leftText, rightText);
    }

    /// <summary>
    /// Whether a value compares with every other as its ordinal text: it reads as no number, date or boolean, so
    /// <see cref="Compare"/> never takes another branch for it, and it equals exactly the values of the same text.
    /// </summary>
    public static bool ComparesAsText(JsonNode? node) =>
        Text(node) is { } text
        && !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        && !(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        && !H3DateText.TryParse(text, out _)
        && !LenientJson.TryReadBool(node, out _);

    public static bool AreEqual(JsonNode? left, JsonNode? right, bool asDate) =>
        left is null || right is null
            ? left is null && right is null
            : Compare(left, right, asDate) == 0;

    /// <summary>Orders for sorting: missing values first, as SQL sorts NULL ascending.</summary>
    public static int CompareForSort(JsonNode? left, JsonNode? right, bool asDate) => (left, right) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        _ => Compare(left, right, asDate) ?? 0,
    };

    /// <summary>The text of a scalar; a multi-value array reads as its ";"-joined form, as H3Yun stores it.</summary>
    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonArray array => string.Join(';', array.Select(Text)),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => null,
            _ => value.ToJsonString(),
        },
        _ => node.ToJsonString(),
    };

    /// <summary>decimal first, so values that differ beyond double's precision (long ids, money) still compare exactly.</summary>
    private static int? CompareNumbers(string left, string right)
    {
        const NumberStyles Style = NumberStyles.Float;
        var culture = CultureInfo.InvariantCulture;
        if (decimal.TryParse(left, Style, culture, out var leftExact) && decimal.TryParse(right, Style, culture, out var rightExact))
        {
            return leftExact.CompareTo(rightExact);
        }

        return double.TryParse(left, Style, culture, out var leftNumber) && double.IsFinite(leftNumber)
            && double.TryParse(right, Style, culture, out var rightNumber) && double.IsFinite(rightNumber)
            ? leftNumber.CompareTo(rightNumber)
            : null;
    }
}
