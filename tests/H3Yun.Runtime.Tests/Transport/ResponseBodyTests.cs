using CsCheck;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// An answer is read once into one pooled buffer: whatever its size, whether its Content-Length is right, wrong or
/// missing, and however the network cuts it, the bytes read are exactly the bytes sent, and an answer over the limit
/// is refused as soon as the limit is passed.
/// </summary>
public class ResponseBodyTests
{
    private const int Limit = 300_000;

    [Fact]
    public async Task Any_answer_within_the_limit_is_read_exactly()
    {
        await Gen.Select(Gen.Int[0, Limit], Gen.Int[0, 3], Gen.Int[1, 70_000], Gen.Int[0, 1_000])
            .SampleAsync(
                async (size, declared, chunk, error) =>
                {
                    var sent = Content(size);
                    long? length = declared switch { 0 => null, 1 => size, 2 => Math.Max(0, size - error), _ => size + error };
                    using var body = await ResponseBody.ReadAsync(new Trickle(sent, chunk), length, Limit, TooLarge, CancellationToken.None);

                    Assert.Equal(size, body.Length);
                    Assert.True(body.Memory.Span.SequenceEqual(sent), "the bytes read differ from the bytes sent");
                },
                iter: 60);
    }

    [Theory]
    [InlineData(Limit + 1, false)]
    [InlineData(Limit + 1, true)]
    [InlineData(3 * Limit, false)]
    public async Task An_answer_over_the_limit_is_refused_without_reading_it_all(int size, bool declared)
    {
        var stream = new Trickle(Content(size), 4096);

        var error = await Assert.ThrowsAsync<InvalidDataException>(
            () => ResponseBody.ReadAsync(stream, declared ? size : null, Limit, TooLarge, CancellationToken.None));

        Assert.StartsWith("over the limit at ", error.Message, StringComparison.Ordinal);
        Assert.InRange(stream.Position, Limit + 1, Limit + 4096 + 1);
    }

    [Fact]
    public async Task A_disposed_body_cannot_be_read()
    {
        var body = await ResponseBody.ReadAsync(new MemoryStream([1, 2, 3]), 3, Limit, TooLarge, CancellationToken.None);
        body.Dispose();
        body.Dispose();

        Assert.Throws<ObjectDisposedException>(() => body.Memory);
    }

    private static InvalidDataException TooLarge(long size) => new($"over the limit at {size}");

    private static byte[] Content(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A network stream: it hands out at most <c>chunk</c> bytes per read.</summary>
    private sealed class Trickle(byte[] content, int chunk) : MemoryStream(content, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
