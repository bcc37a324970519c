namespace H3Yun;

/// <summary>
/// Decimal digits for the writers' own number and date formatting, two at a time from a table of the hundred pairs
/// (a division fewer per digit), and how many digits a number has.
/// </summary>
internal static class AsciiDigits
{
    private static ReadOnlySpan<byte> Pairs =>
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    private static ReadOnlySpan<ulong> PowersOf10 =>
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
        100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
    ];

    /// <summary>Writes 0 to 99 as two digits at <paramref name="at"/>.</summary>
    public static void WritePair(Span<byte> utf8, int at, int number)
    {
        var pair = Pairs.Slice(number * 2, 2);
        utf8[at] = pair[0];
        utf8[at + 1] = pair[1];
    }

    /// <summary>Writes the digits of <paramref name="value"/> at the start of <paramref name="utf8"/> and returns how many.</summary>
    public static int Write(ulong value, Span<byte> utf8)
    {
        var length = Count(value);
        var position = length;
        for (; position >= 2; position -= 2)
        {
            WritePair(utf8, position - 2, (int)(value % 100));
            value /= 100;
        }

        if (position == 1)
        {
            utf8[0] = (byte)('0' + (int)value);
        }

        return length;
    }

    /// <summary>The number of decimal digits of <paramref name="value"/>, 1 for 0.</summary>
    public static int Count(ulong value)
    {
        // From the number of binary digits (log10 2 is about 1233 / 4096), then one fewer below that many digits' power.
        var estimate = ((System.Numerics.BitOperations.Log2(value | 1) + 1) * 1233) >> 12;
        return estimate + 1 - ((value | 1) < PowersOf10[estimate] ? 1 : 0);
    }
}
