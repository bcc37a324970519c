using System;
using System.Globalization;

namespace H3Yun.Emulator.Values;

/// <summary>Dates as H3Yun reads them back (<c>yyyy/M/d H:mm:ss</c>) and every format clients are known to write.</summary>
internal static class H3DateText
{
    public const string ReadFormat = "yyyy/M/d H:mm:ss";

    // Without an offset the text is China time, which is what H3Yun assumes for every date it is given.
    private static readonly string[] LocalFormats =
    [
        "yyyy/M/d H:mm:ss",
        "yyyy/M/d H:mm",
        "yyyy/M/d",
        "yyyy-M-d H:mm:ss",
        "yyyy-M-d H:mm",
        "yyyy-M-d",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm",
    ];

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    public static string Format(DateTime value) => value.ToString(ReadFormat, CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateTime value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (DateTime.TryParseExact(trimmed, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return true;
        }

        if (DateTimeOffset.TryParseExact(trimmed, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var withOffset))
        {
            value = ChinaTime.FromOffset(withOffset);
            return true;
        }

        return false;
    }
}
