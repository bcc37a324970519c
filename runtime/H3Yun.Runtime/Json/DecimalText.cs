using System.Buffers.Text;
using System.Runtime.CompilerServices;

namespace H3Yun;

/// <summary>
/// Formats a <see cref="decimal"/> as <see cref="Utf8Formatter"/> does (every digit of its scale: 12.50 stays 12.50),
/// from the 64-bit mantissa that every amount of a form has, right to left straight into the destination, two digits
/// at a time: the general formatter was a fifth of writing a record. Negative numbers and mantissas past 64 bits are
/// left to it (<c>RecordJsonWriterTests</c> compare the two).
/// </summary>
internal static class DecimalText
{
    /// <summary>Writes <paramref name="value"/> into <paramref name="utf8"/>, which has room for 31 bytes, and returns how many it wrote.</summary>
    public static int Format(decimal value, Span<byte> utf8)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        if (bits[2] != 0 || bits[3] < 0)
        {
            return General(value, utf8);
        }

        var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (bits[3] >> 16) & 0xFF;
        var whole = AsciiDigits.Count(mantissa) - scale;

        // "0.05" for a mantissa of 5 and a scale of 2: the fraction's leading zeros come from the mantissa running out.
        var length = scale == 0 ? whole : Math.Max(whole, 1) + 1 + scale;
        var position = length;
        if (scale > 0)
        {
            position = Digits(utf8, position, ref mantissa, scale);
            utf8[--position] = (byte)'.';
        }

        Digits(utf8, position, ref mantissa, position);
        return length;
    }

    // Apart, so that the general formatter is not inlined into every writer of an amount with the rest.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int General(decimal value, Span<byte> utf8)
    {
        Utf8Formatter.TryFormat(value, utf8, out var formatted);
        return formatted;
    }

    // Writes count digits of the mantissa's lowest ending before position, taking them off it; returns where they start.
    private static int Digits(Span<byte> utf8, int position, ref ulong mantissa, int count)
    {
        for (; count >= 2; count -= 2)
        {
            position -= 2;
            AsciiDigits.WritePair(utf8, position, (int)(mantissa % 100));
            mantissa /= 100;
        }

        if (count == 1)
        {
            utf8[--position] = (byte)('0' + (int)(mantissa % 10));
            mantissa /= 10;
        }

        return position;
    }
}
