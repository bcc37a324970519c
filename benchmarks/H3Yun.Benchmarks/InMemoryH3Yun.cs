using System.Net;
using System.Net.Http.Headers;

namespace H3Yun.Benchmarks;

/// <summary>
/// Answers every request with the same body, streamed as a socket would deliver it: with a Content-Length, or
/// without one (chunked, as from a server that streams its answer), so that reading it costs what reading a real
/// answer costs, minus the network.
/// </summary>
internal sealed class InMemoryH3Yun(byte[] body, bool knownLength) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public static readonly Uri Address = new("https://h3yun.benchmark/");

    public static readonly Uri InvokeEndpoint = new(Address, "OpenApi/Invoke");

    public HttpClient CreateHttpClient() => new(this, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    public H3YunClient CreateClient() => new(CreateHttpClient(), new H3YunClientOptions
    {
        BaseAddress = Address,
        EngineCode = "benchmark-engine",
        EngineSecret = "benchmark-secret",
        RequestsPerSecond = null,
        MaxResponseBytes = 64 * 1024 * 1024,
    });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The request body is read as a server would; its cost is the same for every way compared.
        if (request.Content is { } content)
        {
            await content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        Stream stream = new MemoryStream(body, writable: false);
        var answer = new StreamContent(knownLength ? stream : new UnknownLengthStream(stream));
        answer.Headers.ContentType = Json;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = answer, RequestMessage = request };
    }

    /// <summary>A stream that cannot seek, so that its length is not known before it is read.</summary>
    private sealed class UnknownLengthStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
