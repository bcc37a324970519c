using System.Globalization;

namespace H3Yun.Sync.Windows;

/// <summary>
/// H3Yun's clock: China Standard Time (UTC+8, no daylight saving), whole seconds. Every time the copy stores or compares
/// (cursors, windows, the copied dates) is in it, without an offset, as H3Yun writes it.
/// </summary>
internal static class ChinaTime
{
    /// <summary>H3Yun's offset from UTC.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    private static readonly string[] ReadFormats =
    [
        "yyyy/M/d H:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d", "yyyy-MM-dd",
        "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
    ];

    /// <summary>An instant as H3Yun's clock, cut to the whole second.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The China time, kind unspecified.</returns>
    public static DateTime FromInstant(DateTimeOffset instant)
    {
        var local = instant.ToOffset(Offset).DateTime;
        return DateTime.SpecifyKind(new DateTime(local.Ticks - (local.Ticks % TimeSpan.TicksPerSecond)), DateTimeKind.Unspecified);
    }

    /// <summary>Writes a time as <c>yyyy-MM-dd HH:mm:ss</c>, the form the copy stores cursors in.</summary>
    /// <param name="value">The time.</param>
    /// <returns>The text.</returns>
    public static string Format(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Reads a time in every form H3Yun is known to answer with; a value with an offset is converted.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The China time.</param>
    /// <returns>Whether it read.</returns>
    public static bool TryParse(string? text, out DateTime value)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            value = default;
            return false;
        }

        if (DateTime.TryParseExact(trimmed, ReadFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            value = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
            return true;
        }

        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
            && (trimmed.EndsWith('Z') || trimmed.Contains('+', StringComparison.Ordinal) || trimmed.LastIndexOf('-') > 9))
        {
            value = DateTime.SpecifyKind(withOffset.ToOffset(Offset).DateTime, DateTimeKind.Unspecified);
            return true;
        }

        value = default;
        return false;
    }
}
