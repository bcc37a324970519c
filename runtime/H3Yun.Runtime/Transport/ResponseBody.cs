using System.Buffers;

namespace H3Yun;

/// <summary>
/// The bytes of one answer, in a buffer rented from the shared pool: an answer is read into it once, parsed where it
/// lies and handed back, so that reading a 500-row window holds its body once and leaves no garbage of its size.
/// A declared Content-Length sizes the buffer at once; an answer without one grows it by doubling, within the limit.
/// Disposing clears the bytes (they are the tenant's data) and returns the buffer; nothing may read them after.
/// </summary>
internal sealed class ResponseBody : IDisposable
{
    private const int UnknownLengthStart = 16 * 1024;

    private byte[]? _buffer;

    private ResponseBody(byte[] buffer) => _buffer = buffer;

    /// <summary>The bytes read.</summary>
    public ReadOnlyMemory<byte> Memory => Buffer.AsMemory(0, Length);

    /// <summary>The number of bytes read.</summary>
    public int Length { get; private set; }

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(ResponseBody));

    /// <summary>Reads <paramref name="stream"/> to its end.</summary>
    /// <param name="stream">The answer's content.</param>
    /// <param name="declaredLength">The Content-Length, when the answer has one; a wrong one costs a copy, nothing more.</param>
    /// <param name="limit">The most bytes accepted.</param>
    /// <param name="tooLarge">The exception for an answer over the limit, given how many bytes arrived.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The body, for the caller to dispose.</returns>
    public static async Task<ResponseBody> ReadAsync(Stream stream, long? declaredLength, int limit, Func<long, Exception> tooLarge, CancellationToken cancellationToken)
    {
        // One byte more than declared, so that the read that finds the end needs no room of its own.
        var initial = declaredLength is { } length ? (int)Math.Min(length + 1, (long)limit + 1) : (int)Math.Min(UnknownLengthStart, (long)limit + 1);
        var body = new ResponseBody(ArrayPool<byte>.Shared.Rent(Math.Max(initial, 1)));
        try
        {
            while (true)
            {
                if (body.Length == body.Buffer.Length)
                {
                    body.Grow(limit);
                }

                var read = await stream.ReadAsync(body.Buffer.AsMemory(body.Length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return body;
                }

                body.Length += read;
                if (body.Length > limit)
                {
                    throw tooLarge(body.Length);
                }
            }
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            buffer.AsSpan(0, Length).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Grow(int limit)
    {
        // Never more than one byte past the limit: that byte is how an answer over it is recognised.
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)Buffer.Length * 2, (long)limit + 1));
        Buffer.AsSpan(0, Length).CopyTo(larger);
        var old = Buffer;
        _buffer = larger;
        old.AsSpan(0, Length).Clear();
        ArrayPool<byte>.Shared.Return(old);
    }
}
