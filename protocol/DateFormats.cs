using System;
using System.Globalization;

namespace H3Yun.Protocol;

/// <summary>
/// How dates look on H3Yun's wire. Every date is a clock time in H3Yun's zone (China, UTC+8) unless the text carries
/// an offset. Written one way; read in every format H3Yun answers or a client is known to send.
/// </summary>
/// <remarks>docs/protocol.md#date-formats.</remarks>
internal static class DateFormats
{
    /// <summary>The format this project writes: in records, filters and the emulator's answers to writes.</summary>
    public const string Write = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The format H3Yun's reads answer with, which the emulator answers with too.</summary>
    public const string Answer = "yyyy/M/d H:mm:ss";

    /// <summary>The formats read as a clock time in H3Yun's zone (no offset).</summary>
    public static readonly string[] ClockFormats =
    [
        "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d", "yyyy/M/d H:mm:ss.FFFFFFF",
        "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm", "yyyy-M-d", "yyyy-M-d H:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm",
    ];

    /// <summary>
    /// Reads a date: a clock time in one of <see cref="ClockFormats"/> (or any other the invariant culture reads), or
    /// an ISO 8601 instant with an offset or <c>Z</c>, which the caller converts to H3Yun's zone.
    /// </summary>
    /// <param name="text">The text, trimmed here.</param>
    /// <param name="clock">The clock time when the text has no offset.</param>
    /// <param name="instant">The instant when the text has an offset.</param>
    /// <returns>Whether the text is a date.</returns>
    public static bool TryParse(string text, out DateTime clock, out DateTimeOffset? instant)
    {
        text = text.Trim();
        instant = null;
        if (DateTime.TryParseExact(text, ClockFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out clock))
        {
            return true;
        }

        if (HasOffset(text))
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                instant = parsed;
                return true;
            }

            return false;
        }

        // Read liberally: any other date the invariant culture can read ("May 1, 2024 9:30 AM") is a clock time too.
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out clock) && clock.Kind == DateTimeKind.Unspecified;
    }

    // "…Z", "…+08:00", "…+0800", "…-05": an offset after the time of day (a date's own '-' separators come before it).
    private static bool HasOffset(string text)
    {
        if (text.Length > 0 && text[text.Length - 1] is 'Z' or 'z')
        {
            return true;
        }

        var firstColon = text.IndexOf(':');
        var sign = text.LastIndexOfAny(['+', '-']);
        return firstColon >= 0 && sign > firstColon && text.Length - sign - 1 is >= 2 and <= 5;
    }
}
