using System.Globalization;
using System.Text.Json;

namespace H3Yun;

/// <summary>
/// Every decision about how a value looks on H3Yun's wire, in one place (docs/protocol.md#value-formats: read liberally,
/// write conservatively). Readers and writers of records and filters call only this.
/// </summary>
internal static class WireFormat
{
    /// <summary>The one date format the client writes; H3Yun's own front end accepts exactly this.</summary>
    public const string DateTimeWriteFormat = DateFormats.Write;

    /// <summary>The longest text <see cref="DateTimeWriteFormat"/> gives.</summary>
    public const int DateTimeWriteLength = 19;

    /// <summary>The separator H3Yun uses for multi-value text (checkboxes, several people or records).</summary>
    public const char MultiValueSeparator = ';';

#if NET9_0_OR_GREATER
    // The characters below 0x80 that char.IsWhiteSpace counts as white space.
    private static readonly System.Buffers.SearchValues<byte> AsciiWhiteSpace = System.Buffers.SearchValues.Create("\t\n\v\f\r "u8);
#endif

    /// <summary>
    /// The clock time in H3Yun's zone: UTC and local times are converted, an unspecified time is taken as already in
    /// it (what H3Yun itself answers). The result's kind is unspecified, as every date the client reads.
    /// </summary>
    public static DateTime ToZoneClock(DateTime value, TimeZoneInfo zone) => value.Kind switch
    {
        DateTimeKind.Utc => DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(value, zone), DateTimeKind.Unspecified),
        DateTimeKind.Local => DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(value, TimeZoneInfo.Local, zone), DateTimeKind.Unspecified),
        _ => value,
    };

    /// <summary>The clock time in H3Yun's zone of an instant.</summary>
    public static DateTime ToZoneClock(DateTimeOffset value, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(value, zone).DateTime, DateTimeKind.Unspecified);

    /// <summary>The instant a clock time in H3Yun's zone stands for.</summary>
    public static DateTimeOffset FromZoneClock(DateTime clock, TimeZoneInfo zone) =>
        new(DateTime.SpecifyKind(clock, DateTimeKind.Unspecified), zone.GetUtcOffset(DateTime.SpecifyKind(clock, DateTimeKind.Unspecified)));

    public static string FormatDateTime(DateTime value, TimeZoneInfo zone) =>
        ToZoneClock(value, zone).ToString(DateTimeWriteFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes a date as <see cref="FormatDateTime(DateTime, TimeZoneInfo)"/> does, as UTF-8, without a string, digit by
    /// digit: the format is fixed, and a custom format string is parsed again on every call.
    /// </summary>
    public static int FormatDateTime(DateTime value, TimeZoneInfo zone, Span<byte> utf8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(utf8.Length, DateTimeWriteLength, nameof(utf8));
        var clock = ToZoneClock(value, zone);
        // The year, month and day come from one calendar computation, not one each; the time from the ticks once.
        var (year, month, day) = clock;
        var seconds = (int)((ulong)clock.Ticks % TimeSpan.TicksPerDay / TimeSpan.TicksPerSecond);
        var hours = seconds / 3600;
        seconds -= hours * 3600;
        var minutes = seconds / 60;
        seconds -= minutes * 60;
        AsciiDigits.WritePair(utf8, 0, year / 100);
        AsciiDigits.WritePair(utf8, 2, year % 100);
        utf8[4] = (byte)'-';
        AsciiDigits.WritePair(utf8, 5, month);
        utf8[7] = (byte)'-';
        AsciiDigits.WritePair(utf8, 8, day);
        utf8[10] = (byte)' ';
        AsciiDigits.WritePair(utf8, 11, hours);
        utf8[13] = (byte)':';
        AsciiDigits.WritePair(utf8, 14, minutes);
        utf8[16] = (byte)':';
        AsciiDigits.WritePair(utf8, 17, seconds);
        return DateTimeWriteLength;
    }

    public static string FormatDateTime(DateTimeOffset value, TimeZoneInfo zone) =>
        ToZoneClock(value, zone).ToString(DateTimeWriteFormat, CultureInfo.InvariantCulture);

    public static string JoinMultiValue(IEnumerable<string> values) =>
        string.Join(MultiValueSeparator, values);

    /// <summary>Reads a date as a clock time in H3Yun's zone; a text with an offset or <c>Z</c> is converted to it.</summary>
    public static bool TryParseDateTime(string text, TimeZoneInfo zone, out DateTime value)
    {
        if (DateFormats.TryParse(text, out value, out var instant))
        {
            if (instant is { } withOffset)
            {
                value = ToZoneClock(withOffset, zone);
            }

            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Reads a date member: a string in any format <see cref="TryParseDateTime"/> knows.</summary>
    public static bool TryReadDateTime(JsonElement element, TimeZoneInfo zone, out DateTime value)
    {
        value = default;
        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

#if NET9_0_OR_GREATER
        if (TryGetUnescapedUtf8(element, out var utf8) && Utf8DateText.TryParse(utf8, out value))
        {
            return true;
        }
#endif
        return TryParseDateTime(element.GetString()!, zone, out value);
    }

    public static bool TryReadDecimal(JsonElement element, out decimal value)
    {
        value = default;
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                return element.TryGetDecimal(out value);
            case JsonValueKind.String:
#if NET9_0_OR_GREATER
                if (TryGetUnescapedUtf8(element, out var utf8))
                {
                    return decimal.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
                }
#endif
                return decimal.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            default:
                return false;
        }
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
    public static bool IsEmpty(JsonElement element)
    {
        if (element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

#if NET9_0_OR_GREATER
        // Decided from the bytes unless the first character that is not ASCII white space is not ASCII: char.IsWhiteSpace knows those.
        if (TryGetUnescapedUtf8(element, out var utf8))
        {
            var value = utf8.IndexOfAnyExcept(AsciiWhiteSpace);
            if (value < 0 || utf8[value] < 0x80)
            {
                return value < 0;
            }
        }
#endif
        return string.IsNullOrWhiteSpace(element.GetString());
    }

#if NET9_0_OR_GREATER
    /// <summary>The text of a JSON string where it lies in the answer, when it has no escape to undo.</summary>
    private static bool TryGetUnescapedUtf8(JsonElement element, out ReadOnlySpan<byte> utf8)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element);
        utf8 = raw[1..^1];
        return !utf8.Contains((byte)'\\');
    }
#endif

    /// <summary>Shows a received value in an error message, shortened so a hostile answer cannot flood a log.</summary>
    public static string Excerpt(JsonElement element)
    {
        var raw = element.GetRawText();
        return raw.Length <= 80 ? raw : string.Concat(raw.AsSpan(0, 77), "...");
    }
}
