using System.Net;
using System.Net.Sockets;
using System.Text;

namespace H3Yun.Benchmarks;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 that answers every POST with the same bytes, over kept-alive connections:
/// as little server as there can be, so that what is measured against it is the client's cost plus the loopback's.
/// </summary>
internal sealed class LoopbackH3Yun : IAsyncDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _answer;
    private readonly Task _accepting;

    public LoopbackH3Yun(string body)
    {
        var content = Encoding.UTF8.GetBytes(body);
        _answer = [.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {content.Length}\r\n\r\n"), .. content];
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _accepting.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping is what ended the loop.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var connection = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            _ = ServeAsync(connection);
        }
    }

    // Reads each request's headers and Content-Length bytes of body, then answers; the client's next request follows.
    private async Task ServeAsync(TcpClient connection)
    {
        using (connection)
        {
            connection.NoDelay = true;
            var stream = connection.GetStream();
            var buffer = new byte[64 * 1024];
            var filled = 0;
            try
            {
                while (true)
                {
                    int headerEnd;
                    while ((headerEnd = buffer.AsSpan(0, filled).IndexOf(HeaderEnd)) < 0)
                    {
                        var read = await stream.ReadAsync(buffer.AsMemory(filled), _stop.Token).ConfigureAwait(false);
                        if (read == 0)
                        {
                            return;
                        }

                        filled += read;
                    }

                    var requestLength = headerEnd + HeaderEnd.Length + ContentLength(buffer.AsSpan(0, headerEnd));
                    while (filled < requestLength)
                    {
                        var read = await stream.ReadAsync(buffer.AsMemory(filled), _stop.Token).ConfigureAwait(false);
                        if (read == 0)
                        {
                            return;
                        }

                        filled += read;
                    }

                    await stream.WriteAsync(_answer, _stop.Token).ConfigureAwait(false);
                    buffer.AsSpan(requestLength, filled - requestLength).CopyTo(buffer);
                    filled -= requestLength;
                }
            }
            catch (Exception error) when (error is IOException or OperationCanceledException or SocketException)
            {
                // The client closed the connection, or the server is stopping.
            }
        }
    }

    private static int ContentLength(ReadOnlySpan<byte> headers)
    {
        var text = Encoding.ASCII.GetString(headers);
        const string Name = "content-length:";
        var at = text.IndexOf(Name, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return 0;
        }

        var end = text.IndexOf('\r', at);
        return int.Parse(text.AsSpan(at + Name.Length, (end < 0 ? text.Length : end) - at - Name.Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
