using System.Text;
using CsCheck;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// The client writes JSON into pooled buffers and keeps only the final bytes: whatever is written in whatever pieces
/// comes out whole, and a date written straight to UTF-8 is the text the string way writes.
/// </summary>
public class PooledWritingTests
{
    [Fact]
    public void Pieces_of_any_size_come_out_whole_and_in_order()
    {
        Gen.Int[0, 5000].Array[0, 40].Sample(
            sizes =>
            {
                using var buffer = new PooledBufferWriter();
                var expected = new List<byte>();
                var next = (byte)0;
                foreach (var size in sizes)
                {
                    var span = buffer.GetSpan(size);
                    Assert.True(span.Length >= Math.Max(size, 1));
                    for (var i = 0; i < size; i++)
                    {
                        span[i] = next;
                        expected.Add(next++);
                    }

                    buffer.Advance(size);
                }

                return buffer.WrittenSpan.SequenceEqual(expected.ToArray());
            },
            iter: 200);
    }

    [Fact]
    public void A_buffer_cannot_be_advanced_past_its_room_or_used_after_disposal()
    {
        var buffer = new PooledBufferWriter();
        var room = buffer.GetSpan().Length;

        Assert.Throws<InvalidOperationException>(() => buffer.Advance(room + 1));
        buffer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => buffer.GetSpan());
    }

    [Fact]
    public void A_date_written_as_UTF8_is_the_text_written_as_a_string()
    {
        Gen.Select(Gen.Long[DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks], Gen.Int[0, 2]).Sample(
            (ticks, kind) =>
            {
                var date = new DateTime(ticks, (DateTimeKind)kind);
                Span<byte> utf8 = stackalloc byte[WireFormat.DateTimeWriteLength];
                var written = WireFormat.FormatDateTime(date, H3YunTimeZones.ChinaStandardTime, utf8);
                return Encoding.UTF8.GetString(utf8[..written]) == WireFormat.FormatDateTime(date, H3YunTimeZones.ChinaStandardTime);
            },
            iter: 5_000);
    }

    [Theory]
    [InlineData(1, 1, 1, 0, 0, 0, "0001-01-01 00:00:00")]
    [InlineData(9999, 12, 31, 23, 59, 59, "9999-12-31 23:59:59")]
    [InlineData(2024, 2, 29, 9, 5, 7, "2024-02-29 09:05:07")]
    [InlineData(1999, 10, 10, 10, 10, 10, "1999-10-10 10:10:10")]
    public void A_date_at_the_bounds_is_written_digit_for_digit(int year, int month, int day, int hour, int minute, int second, string text)
    {
        Span<byte> utf8 = stackalloc byte[WireFormat.DateTimeWriteLength];
        var written = WireFormat.FormatDateTime(new DateTime(year, month, day, hour, minute, second).AddTicks(TimeSpan.TicksPerSecond - 1), H3YunTimeZones.ChinaStandardTime, utf8);

        Assert.Equal(text, Encoding.UTF8.GetString(utf8[..written]));
    }
}
