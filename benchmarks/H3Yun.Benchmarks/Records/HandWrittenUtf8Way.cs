using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace H3Yun.Benchmarks.Records;

/// <summary>
/// The floor of writing the benchmark record: one method that knows every field, writing UTF-8 straight into a
/// buffer, the names as constant bytes with their quotes and colon, numbers and dates formatted in place, text
/// transcoded once by the inbox transcoder and escaped only where JSON requires it. No checks of the writer's state,
/// no generality: what no writer that transcodes with <see cref="Utf8.FromUtf16"/> can beat, so that the generated
/// record's ratio to the samples' way can be read against it (the runtime's own transcoder now beats it).
/// </summary>
internal static class HandWrittenUtf8Way
{
    /// <summary>What JSON must escape in a text: the quotation mark, the reverse solidus and the controls.</summary>
    internal static readonly SearchValues<char> ToEscape = SearchValues.Create("\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    public static byte[] WriteBizObject(BenchOrderPoco o)
    {
        var w = new Writer(ArrayPool<byte>.Shared.Rent(16 * 1024));
        try
        {
            w.Raw("{"u8);
            w.String("\"F0000001\":"u8, o.Text01);
            w.String(",\"F0000002\":"u8, o.Text02);
            w.String(",\"F0000003\":"u8, o.Text03);
            w.String(",\"F0000004\":"u8, o.Text04);
            w.String(",\"F0000005\":"u8, o.Text05);
            w.String(",\"F0000006\":"u8, o.Text06);
            w.String(",\"F0000007\":"u8, o.Text07);
            w.String(",\"F0000008\":"u8, o.Text08);
            w.String(",\"F0000009\":"u8, o.Text09);
            w.String(",\"F0000010\":"u8, o.Text10);
            w.String(",\"F0000011\":"u8, o.Text11);
            w.String(",\"F0000012\":"u8, o.Text12);
            w.String(",\"F0000013\":"u8, o.Text13);
            w.String(",\"F0000014\":"u8, o.Text14);
            w.String(",\"F0000015\":"u8, o.Text15);
            w.String(",\"F0000016\":"u8, o.Text16);
            w.String(",\"F0000017\":"u8, o.Memo1);
            w.String(",\"F0000018\":"u8, o.Memo2);
            w.String(",\"F0000019\":"u8, o.Memo3);
            w.String(",\"F0000020\":"u8, o.Memo4);
            w.Number(",\"F0000021\":"u8, o.Amount01);
            w.Number(",\"F0000022\":"u8, o.Amount02);
            w.Number(",\"F0000023\":"u8, o.Amount03);
            w.Number(",\"F0000024\":"u8, o.Amount04);
            w.Number(",\"F0000025\":"u8, o.Amount05);
            w.Number(",\"F0000026\":"u8, o.Amount06);
            w.Number(",\"F0000027\":"u8, o.Amount07);
            w.Number(",\"F0000028\":"u8, o.Amount08);
            w.Number(",\"F0000029\":"u8, o.Amount09);
            w.Number(",\"F0000030\":"u8, o.Amount10);
            w.Number(",\"F0000031\":"u8, o.Count1);
            w.Number(",\"F0000032\":"u8, o.Count2);
            w.Number(",\"F0000033\":"u8, o.Count3);
            w.Number(",\"F0000034\":"u8, o.Count4);
            w.Number(",\"F0000035\":"u8, o.Serial);
            w.Date(",\"F0000036\":"u8, o.Date1);
            w.Date(",\"F0000037\":"u8, o.Date2);
            w.Date(",\"F0000038\":"u8, o.Date3);
            w.Date(",\"F0000039\":"u8, o.Date4);
            w.Date(",\"F0000040\":"u8, o.Date5);
            w.Date(",\"F0000041\":"u8, o.Date6);
            w.Boolean(",\"F0000042\":"u8, o.Flag1);
            w.Boolean(",\"F0000043\":"u8, o.Flag2);
            w.Boolean(",\"F0000044\":"u8, o.Flag3);
            w.Boolean(",\"F0000045\":"u8, o.Flag4);
            w.String(",\"F0000046\":"u8, o.Person1);
            w.String(",\"F0000047\":"u8, o.Person2);
            w.String(",\"F0000048\":"u8, o.Person3);
            w.String(",\"F0000049\":"u8, o.Customer1);
            w.String(",\"F0000050\":"u8, o.Customer2);
            w.Raw(",\"D000BenchLines\":["u8);
            var first = true;
            foreach (var line in o.Lines ?? [])
            {
                w.Raw(first ? "{"u8 : ",{"u8);
                first = false;
                w.String("\"F0000101\":"u8, line.Product);
                w.String(",\"F0000102\":"u8, line.Sku);
                w.String(",\"F0000103\":"u8, line.Note);
                w.Number(",\"F0000104\":"u8, line.Price);
                w.Number(",\"F0000105\":"u8, line.Discount);
                w.Number(",\"F0000106\":"u8, line.Quantity);
                w.Date(",\"F0000107\":"u8, line.Delivery);
                w.Boolean(",\"F0000108\":"u8, line.Gift);
                w.Raw("}"u8);
            }

            w.Raw("]}"u8);
            return w.Written.ToArray();
        }
        finally
        {
            w.Return();
        }
    }

    private struct Writer(byte[] buffer)
    {
        private byte[] _buffer = buffer;
        private int _length;

        public readonly ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

        public void Raw(ReadOnlySpan<byte> bytes)
        {
            Ensure(bytes.Length);
            bytes.CopyTo(_buffer.AsSpan(_length));
            _length += bytes.Length;
        }

        public void String(ReadOnlySpan<byte> name, string? value)
        {
            if (value is null)
            {
                Null(name);
                return;
            }

            Ensure(name.Length + (value.Length * 6) + 2);
            Raw(name);
            _buffer[_length++] = (byte)'"';
            var text = value.AsSpan();
            while (!text.IsEmpty)
            {
                var plain = text.IndexOfAny(ToEscape);
                var run = plain < 0 ? text : text[..plain];
                if (Utf8.FromUtf16(run, _buffer.AsSpan(_length), out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
                {
                    throw new ArgumentException("The text is not valid UTF-16.", nameof(value));
                }

                _length += written;
                if (plain < 0)
                {
                    break;
                }

                Escape(text[plain]);
                text = text[(plain + 1)..];
            }

            _buffer[_length++] = (byte)'"';
        }

        public void Number(ReadOnlySpan<byte> name, decimal? value)
        {
            if (value is not { } number)
            {
                Null(name);
                return;
            }

            Ensure(name.Length + 32);
            Raw(name);
            _length += FormatDecimal(number, _buffer.AsSpan(_length));
        }

        public void Number(ReadOnlySpan<byte> name, long? value)
        {
            if (value is not { } number)
            {
                Null(name);
                return;
            }

            Ensure(name.Length + 20);
            Raw(name);
            number.TryFormat(_buffer.AsSpan(_length), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
            _length += written;
        }

        public void Boolean(ReadOnlySpan<byte> name, bool? value)
        {
            if (value is not { } flag)
            {
                Null(name);
                return;
            }

            Raw(name);
            Raw(flag ? "true"u8 : "false"u8);
        }

        // yyyy-MM-dd HH:mm:ss, the clock as it is (the benchmark's dates are already H3Yun's clock).
        public void Date(ReadOnlySpan<byte> name, DateTime? value)
        {
            if (value is not { } date)
            {
                Null(name);
                return;
            }

            Ensure(name.Length + 21);
            Raw(name);
            var text = _buffer.AsSpan(_length, 21);
            text[0] = (byte)'"';
            Digits(text.Slice(1, 4), date.Year);
            text[5] = (byte)'-';
            Digits(text.Slice(6, 2), date.Month);
            text[8] = (byte)'-';
            Digits(text.Slice(9, 2), date.Day);
            text[11] = (byte)' ';
            Digits(text.Slice(12, 2), date.Hour);
            text[14] = (byte)':';
            Digits(text.Slice(15, 2), date.Minute);
            text[17] = (byte)':';
            Digits(text.Slice(18, 2), date.Second);
            text[20] = (byte)'"';
            _length += 21;
        }

        public void Return() => ArrayPool<byte>.Shared.Return(_buffer);

        // What decimal's "G" writes (every digit of the scale, 12.50 stays 12.50), from the 64-bit mantissa that every
        // amount of a form has; others are left to decimal's own formatter.
        private static int FormatDecimal(decimal number, Span<byte> into)
        {
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(number, bits);
            if (bits[2] != 0 || bits[3] < 0)
            {
                number.TryFormat(into, out var formatted, default, System.Globalization.CultureInfo.InvariantCulture);
                return formatted;
            }

            var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
            var scale = (bits[3] >> 16) & 0xFF;
            Span<byte> digits = stackalloc byte[20];
            mantissa.TryFormat(digits, out var count, default, System.Globalization.CultureInfo.InvariantCulture);
            digits = digits[..count];
            if (scale == 0)
            {
                digits.CopyTo(into);
                return count;
            }

            if (count > scale)
            {
                digits[..(count - scale)].CopyTo(into);
                into[count - scale] = (byte)'.';
                digits[(count - scale)..].CopyTo(into[(count - scale + 1)..]);
                return count + 1;
            }

            into[0] = (byte)'0';
            into[1] = (byte)'.';
            into.Slice(2, scale - count).Fill((byte)'0');
            digits.CopyTo(into[(2 + scale - count)..]);
            return scale + 2;
        }

        private static void Digits(Span<byte> into, int value)
        {
            for (var i = into.Length - 1; i >= 0; i--, value /= 10)
            {
                into[i] = (byte)('0' + (value % 10));
            }
        }

        private void Null(ReadOnlySpan<byte> name)
        {
            Raw(name);
            Raw("null"u8);
        }

        private void Escape(char c)
        {
            var escaped = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => $"\\u{(int)c:X4}",
            };
            _length += Encoding.ASCII.GetBytes(escaped, _buffer.AsSpan(_length));
        }

        private void Ensure(int more)
        {
            if (_length + more > _buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + more));
                _buffer.AsSpan(0, _length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }
        }
    }
}
