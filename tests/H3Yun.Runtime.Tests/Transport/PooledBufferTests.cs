using System.Buffers;
using System.Runtime.InteropServices;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// The client's two pooled buffers, the one it writes requests into and the one it reads answers into, hold the
/// tenant's data: they are sized from what is known, grow by doubling, are cleared when outgrown or done with, and
/// go back to the pool, also when a read fails. Each test runs synchronously on one thread, so that a buffer handed
/// back is the one the pool hands out next on that thread.
/// </summary>
public class PooledBufferTests
{
    [Fact]
    public void A_writer_advances_exactly_to_the_end_of_its_room_and_no_further()
    {
        using var buffer = new PooledBufferWriter();
        buffer.GetSpan(10);
        buffer.Advance(10);
        var room = buffer.GetSpan().Length;

        var error = Assert.Throws<InvalidOperationException>(() => buffer.Advance(room + 1));
        buffer.Advance(room);

        Assert.Equal($"Cannot advance past the end of the buffer ({room + 1} bytes, {room} free).", error.Message);
        Assert.Equal(10 + room, buffer.WrittenSpan.Length);
    }

    [Fact]
    public void A_writer_refuses_negative_sizes()
    {
        using var buffer = new PooledBufferWriter();

        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.GetSpan(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.GetMemory(-1));
    }

    [Fact]
    public void A_writer_hands_back_the_buffer_it_outgrew_and_the_one_it_ended_with()
    {
        var buffer = new PooledBufferWriter();
        var first = ArrayOf(buffer.GetMemory());
        buffer.Advance(first.Length);

        var second = ArrayOf(buffer.GetMemory(1));
        Assert.NotSame(first, second);
        Assert.Same(first, ArrayPool<byte>.Shared.Rent(first.Length));

        buffer.Dispose();
        buffer.Dispose();
        Assert.Same(second, ArrayPool<byte>.Shared.Rent(second.Length));
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(4095)]
    [InlineData(70_000)]
    public void A_declared_length_sizes_the_answers_buffer_once(int size)
    {
        var stream = new RecordingStream(size);

        using var body = Read(stream, declaredLength: size, limit: 1_000_000);

        var buffer = Assert.Single(stream.Buffers.Distinct());
        Assert.InRange(buffer.Length, size + 1, 2 * (size + 1));
        Assert.Equal(size, body.Length);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_answer_exactly_as_large_as_the_limit_is_read_into_one_buffer(bool declared)
    {
        var stream = new RecordingStream(1024);

        using var body = Read(stream, declaredLength: declared ? 1024 : null, limit: 1024);

        Assert.Single(stream.Buffers.Distinct());
        Assert.Equal(1024, body.Length);
    }

    [Fact]
    public void An_answer_of_unknown_length_starts_small_and_grows_by_doubling()
    {
        var stream = new RecordingStream(200_000);

        using var body = Read(stream, declaredLength: null, limit: 10_000_000);

        var buffers = stream.Buffers.Distinct().ToList();
        Assert.InRange(buffers[0].Length, 1, 16 * 1024);
        Assert.All(buffers.Zip(buffers.Skip(1)), pair => Assert.InRange(pair.Second.Length, pair.First.Length + 1, 2 * pair.First.Length));
        Assert.Equal(200_000, body.Length);
    }

    [Fact]
    public void Every_buffer_an_answer_passed_through_is_cleared_and_handed_back()
    {
        var stream = new RecordingStream(100_000);
        var body = Read(stream, declaredLength: null, limit: 1_000_000);
        var buffers = stream.Buffers.Distinct().ToList();

        Assert.All(buffers.SkipLast(1), outgrown => Assert.DoesNotContain(outgrown, b => b != 0));
        body.Dispose();
        var last = buffers[^1];
        Assert.DoesNotContain(last.AsSpan(0, 100_000).ToArray(), b => b != 0);
        Assert.Same(last, ArrayPool<byte>.Shared.Rent(last.Length));
    }

    [Fact]
    public void The_buffers_of_an_answer_over_the_limit_are_cleared_and_handed_back()
    {
        var stream = new RecordingStream(50_000);

        Assert.Throws<InvalidDataException>(() => Read(stream, declaredLength: null, limit: 20_000));

        var last = stream.Buffers[^1];
        Assert.All(stream.Buffers.Distinct(), buffer => Assert.DoesNotContain(buffer, b => b != 0));
        Assert.Same(last, ArrayPool<byte>.Shared.Rent(last.Length));
    }

    private static ResponseBody Read(Stream stream, long? declaredLength, int limit)
    {
        // The stream completes every read at once, so the whole read runs here, on the test's thread.
        var read = ResponseBody.ReadAsync(stream, declaredLength, limit, static size => new InvalidDataException($"over the limit at {size}"), CancellationToken.None);
        Assert.True(read.IsCompleted);
        return read.GetAwaiter().GetResult();
    }

    private static byte[] ArrayOf(Memory<byte> memory) =>
        MemoryMarshal.TryGetArray<byte>(memory, out var segment) ? segment.Array! : throw new InvalidOperationException("not an array");

    /// <summary>A body of non-zero bytes that notes the array behind every buffer it is asked to fill.</summary>
    private sealed class RecordingStream(int size) : Stream
    {
        private int _position;

        public List<byte[]> Buffers { get; } = [];

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => size;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Buffers.Add(ArrayOf(buffer));
            var count = Math.Min(buffer.Length, size - _position);
            buffer.Span[..count].Fill(0xA5);
            _position += count;
            return ValueTask.FromResult(count);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("read asynchronously");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
