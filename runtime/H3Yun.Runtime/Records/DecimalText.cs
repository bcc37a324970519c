using System.Buffers.Text;

namespace H3Yun;

/// <summary>
/// Formats a <see cref="decimal"/> as <see cref="Utf8Formatter"/> does (every digit of its scale: 12.50 stays 12.50),
/// from the 64-bit mantissa that every amount of a form has: the general formatter was a fifth of writing a record.
/// Negative numbers and mantissas past 64 bits are left to it (<c>DecimalTextTests</c> compare the two).
/// </summary>
internal static class DecimalText
{
    private const int MaxMantissaDigits = 20;

    /// <summary>Writes <paramref name="value"/> into <paramref name="utf8"/>, which has room for 31 bytes, and returns how many it wrote.</summary>
    public static int Format(decimal value, Span<byte> utf8)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        if (bits[2] != 0 || bits[3] < 0)
        {
            Utf8Formatter.TryFormat(value, utf8, out var formatted);
            return formatted;
        }

        var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (bits[3] >> 16) & 0xFF;
        Span<byte> digits = stackalloc byte[MaxMantissaDigits];
        Utf8Formatter.TryFormat(mantissa, digits, out var count);
        digits = digits[..count];
        if (scale == 0)
        {
            digits.CopyTo(utf8);
            return count;
        }

        var whole = count - scale;
        if (whole > 0)
        {
            digits[..whole].CopyTo(utf8);
            utf8[whole] = (byte)'.';
            digits[whole..].CopyTo(utf8[(whole + 1)..]);
            return count + 1;
        }

        utf8[0] = (byte)'0';
        utf8[1] = (byte)'.';
        utf8.Slice(2, -whole).Fill((byte)'0');
        digits.CopyTo(utf8[(2 - whole)..]);
        return scale + 2;
    }
}
