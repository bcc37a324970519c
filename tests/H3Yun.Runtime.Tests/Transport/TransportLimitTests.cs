using System.Net;
using System.Net.Http.Headers;
using System.Text;
using static H3Yun.Runtime.Tests.ScriptedH3Yun;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// The transport's bounds hold on every endpoint: an answer that announces more than MaxResponseBytes is refused
/// before a byte of it is read, and the Timeout bounds a download's wait for its headers and for a refusal's body.
/// </summary>
public class TransportLimitTests
{
    [Fact]
    public async Task An_answer_that_announces_more_than_MaxResponseBytes_is_refused_without_reading_it()
    {
        var bytes = Encoding.UTF8.GetBytes(Bodies.Envelope("{}") + new string(' ', 1000));
        var body = new CountingStream(bytes);
        var h3yun = new ScriptedH3Yun().Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(body) { Headers = { ContentLength = bytes.Length } },
        }));
        var options = Options(maxRetryAttempts: 0);
        options.MaxResponseBytes = 200;
        using var client = h3yun.CreateClient(options);

        var error = await Bounded.FailsWith<H3YunProtocolException>(() => new BookRepository(client).LoadAsync("b-1"));

        Assert.Equal($"the answer is larger than MaxResponseBytes (200 bytes; at least {bytes.Length} arrived).", error.Problem);
        Assert.Equal(0, body.BytesRead);
    }

    [Fact]
    public async Task A_download_whose_headers_never_come_ends_at_the_Timeout()
    {
        var h3yun = new ScriptedH3Yun { Otherwise = Never() };
        using var client = h3yun.CreateClient(WithTimeout(Options(maxRetryAttempts: 0)));

        var error = await Bounded.FailsWith<H3YunTimeoutException>(() => client.DownloadAttachmentAsync("att-1"));

        Assert.Equal(OpenApiActions.DownloadBizObjectFile, error.ActionName);
    }

    [Fact]
    public async Task A_download_refused_with_an_envelope_whose_body_never_comes_ends_at_the_Timeout()
    {
        var h3yun = new ScriptedH3Yun
        {
            Otherwise = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StreamContent(new StallingStream()) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            }),
        };
        using var client = h3yun.CreateClient(WithTimeout(Options(maxRetryAttempts: 0)));

        var error = await Bounded.FailsWith<H3YunTimeoutException>(() => client.DownloadAttachmentAsync("att-1"));

        Assert.Equal(OpenApiActions.DownloadBizObjectFile, error.ActionName);
    }

    private static H3YunClientOptions WithTimeout(H3YunClientOptions options)
    {
        options.Timeout = TimeSpan.FromMilliseconds(300);
        return options;
    }

    /// <summary>A body that counts what was read of it.</summary>
    private sealed class CountingStream(byte[] content) : MemoryStream(content, writable: false)
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Counted(base.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Counted(base.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await base.ReadAsync(buffer, cancellationToken));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Counted(await base.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

        private int Counted(int read)
        {
            BytesRead += read;
            return read;
        }
    }

    /// <summary>A body that never sends a byte, until the read is cancelled.</summary>
    private sealed class StallingStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("read asynchronously");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
