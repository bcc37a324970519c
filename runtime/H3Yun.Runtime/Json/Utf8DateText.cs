namespace H3Yun;

/// <summary>
/// Reads the two date shapes H3Yun answers with, <c>yyyy/M/d H:mm:ss</c> and <c>yyyy-MM-dd HH:mm:ss</c> (and their
/// dates alone), straight from the UTF-8 of the answer, without making a string of each date. It accepts exactly
/// what <see cref="WireFormat.TryParseDateTime"/> accepts for these shapes, with the same result; anything else it
/// leaves to that method, which knows every format.
/// </summary>
internal static class Utf8DateText
{
    /// <summary>Reads <paramref name="utf8"/> when it is one of the shapes, as a clock time (kind unspecified).</summary>
    /// <returns><see langword="false"/> when it is not; the text may still be a date in another format.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out DateTime value)
    {
        value = default;
        var at = 0;
        if (!Digits(utf8, ref at, 4, 4, out var year) || at >= utf8.Length || utf8[at] is not ((byte)'/' or (byte)'-'))
        {
            return false;
        }

        var separator = utf8[at++];
        if (!Digits(utf8, ref at, 1, 2, out var month) || at >= utf8.Length || utf8[at++] != separator || !Digits(utf8, ref at, 1, 2, out var day))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        if (at < utf8.Length
            && (utf8[at++] != (byte)' ' || !Digits(utf8, ref at, 1, 2, out hour)
                || !Colon(utf8, ref at) || !Digits(utf8, ref at, 2, 2, out minute)
                || !Colon(utf8, ref at) || !Digits(utf8, ref at, 2, 2, out second)
                || at != utf8.Length))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return true;
    }

    private static bool Colon(ReadOnlySpan<byte> utf8, ref int at) => at < utf8.Length && utf8[at++] == (byte)':';

    private static bool Digits(ReadOnlySpan<byte> utf8, ref int at, int min, int max, out int number)
    {
        number = 0;
        var start = at;
        while (at < utf8.Length && at - start < max && utf8[at] is >= (byte)'0' and <= (byte)'9')
        {
            number = (number * 10) + (utf8[at++] - '0');
        }

        return at - start >= min;
    }
}
