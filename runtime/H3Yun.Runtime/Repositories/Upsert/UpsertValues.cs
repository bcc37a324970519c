using System.Globalization;
using System.Text;
using System.Text.Json;

namespace H3Yun;

/// <summary>
/// Compares an item's values with a stored record's, both as the client's serializer writes them: empty (absent,
/// null, blank text, no rows) equals empty, numbers compare by value, texts ordinally but for the form of their line
/// breaks, and a child row compares the
/// members the item gives (a stored row's id and the members only H3Yun sends are not the item's to change).
/// </summary>
internal static class UpsertValues
{
    /// <summary>Separates the parts of a composite key's text; no text a user types holds it.</summary>
    public const char KeySeparator = '\u001F';

    /// <summary>A key's text as people read it.</summary>
    public static string Display(string keyText) => keyText.Replace(KeySeparator.ToString(), " + ", StringComparison.Ordinal);

    /// <summary>The codes of the item's members whose values the stored record does not hold, in the item's order.</summary>
    public static List<string> Differences(JsonElement item, JsonElement stored)
    {
        var changed = new List<string>();
        foreach (var member in item.EnumerateObject())
        {
            stored.TryGetProperty(member.Name, out var current);
            if (!AreEqual(member.Value, current))
            {
                changed.Add(member.Name);
            }
        }

        return changed;
    }

    /// <summary>
    /// Texts compare ordinally, a line break equal to any other (CRLF, LF, CR): a browser sends CRLF, other systems LF,
    /// and an .xlsx cell cannot hold a CR (XML reads it as LF), so a difference of line breaks alone would update a
    /// record on every run without changing what anyone reads.
    /// </summary>
    public static bool SameText(string wanted, string current)
    {
        if (string.Equals(wanted, current, StringComparison.Ordinal))
        {
            return true;
        }

        return (wanted.Contains('\r', StringComparison.Ordinal) || current.Contains('\r', StringComparison.Ordinal))
            && string.Equals(LineFeeds(wanted), LineFeeds(current), StringComparison.Ordinal);

        static string LineFeeds(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
    }

    public static bool IsEmpty(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => true,
        JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()),
        JsonValueKind.Array => value.GetArrayLength() == 0,
        _ => false,
    };

    public static bool AreEqual(JsonElement wanted, JsonElement current)
    {
        if (IsEmpty(wanted) || IsEmpty(current))
        {
            return IsEmpty(wanted) && IsEmpty(current);
        }

        switch (wanted.ValueKind)
        {
            case JsonValueKind.Number:
                return current.ValueKind == JsonValueKind.Number && wanted.TryGetDecimal(out var a) && current.TryGetDecimal(out var b)
                    ? a == b
                    : wanted.GetRawText() == current.GetRawText();
            case JsonValueKind.String:
                return current.ValueKind == JsonValueKind.String && SameText(wanted.GetString()!, current.GetString()!);
            case JsonValueKind.Array:
                if (current.ValueKind != JsonValueKind.Array || current.GetArrayLength() != wanted.GetArrayLength())
                {
                    return false;
                }

                using (var rows = current.EnumerateArray())
                {
                    foreach (var row in wanted.EnumerateArray())
                    {
                        rows.MoveNext();
                        if (!AreEqual(row, rows.Current))
                        {
                            return false;
                        }
                    }
                }

                return true;
            case JsonValueKind.Object:
                return current.ValueKind == JsonValueKind.Object && Differences(wanted, current).Count == 0;
            default:
                return wanted.ValueKind == current.ValueKind;
        }
    }

    /// <summary>The key of a record or item as one text, or null when a key field is empty.</summary>
    public static string? KeyText(JsonElement record, IReadOnlyList<string> keyCodes)
    {
        var text = new StringBuilder();
        foreach (var code in keyCodes)
        {
            if (!record.TryGetProperty(code, out var value) || IsEmpty(value) || value.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
            {
                return null;
            }

            if (text.Length > 0)
            {
                text.Append(KeySeparator);
            }

            text.Append(Canonical(value));
        }

        return text.ToString();
    }

    /// <summary>The value of a key field as the matcher value of an <c>In</c> lookup.</summary>
    public static MatcherValue ToMatcherValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => MatcherValue.FromDecimal(value.GetDecimal()),
        JsonValueKind.True => MatcherValue.FromBoolean(true),
        JsonValueKind.False => MatcherValue.FromBoolean(false),
        _ => MatcherValue.FromString(value.GetString()),
    };

    private static string Canonical(JsonElement value) => value.ValueKind switch
    {
        // 1, 1.0 and 1.00 are one key.
        JsonValueKind.Number when value.TryGetDecimal(out var number) => (number / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        JsonValueKind.String => value.GetString()!,
        _ => value.GetRawText(),
    };
}
