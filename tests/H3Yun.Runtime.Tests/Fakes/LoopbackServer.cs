using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// A real TCP server on a loopback address that answers each HTTP request it receives with the next scripted reply,
/// byte for byte: a well-formed answer, a cut-off one, a reset, a stall. It stands in for a broken H3Yun or proxy
/// where an <see cref="HttpMessageHandler"/> cannot, because the failure lives in the socket.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<Reply> _replies = new();
    private readonly ConcurrentBag<TcpClient> _connections = [];
    private readonly List<ReceivedRequest> _requests = [];
    private readonly Task _accepting;

    private LoopbackServer(IPAddress address)
    {
        _listener = new TcpListener(address, 0);
        _listener.Start();
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        BaseAddress = new Uri($"http://{address}:{port}");
        _accepting = AcceptAsync();
    }

    /// <summary>Where the server listens, as a BaseAddress for the client.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<ReceivedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts a server; <paramref name="address"/> may be any loopback address, such as 127.0.0.2 for a second host.</summary>
    public static LoopbackServer Start(string address = "127.0.0.1") => new(IPAddress.Parse(address));

    /// <summary>Queues the reply to the next request that has none yet. A request with no reply queued is reset.</summary>
    public LoopbackServer Then(Reply reply)
    {
        _replies.Enqueue(reply);
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        try
        {
            await _accepting;
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener ends the accept loop with one of these.
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var connection = await _listener.AcceptTcpClientAsync(_stopping.Token);
            _connections.Add(connection);
            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        try
        {
            var stream = connection.GetStream();
            while (await ReadRequestAsync(stream) is { } request)
            {
                lock (_requests)
                {
                    _requests.Add(request);
                }

                var reply = _replies.TryDequeue(out var next) ? next : Reply.Reset();
                if (!await reply.SendAsync(connection, stream, _stopping.Token))
                {
                    return;
                }
            }
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away or the server is stopping; either ends this connection.
        }
        finally
        {
            connection.Dispose();
        }
    }

    private async Task<ReceivedRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one, _stopping.Token) == 0)
            {
                return null;
            }

            head.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString([.. head]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var body = new byte[headers.TryGetValue("Content-Length", out var length) ? int.Parse(length, System.Globalization.CultureInfo.InvariantCulture) : 0];
        await stream.ReadExactlyAsync(body, _stopping.Token);
        var requestLine = lines[0].Split(' ');
        return new ReceivedRequest(requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString(body));
    }

    private static bool EndsWithBlankLine(List<byte> head) =>
        head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';
}

/// <summary>A request as it arrived on the socket.</summary>
internal sealed record ReceivedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>What happens to the connection after a reply's bytes are written.</summary>
internal enum ReplyEnding
{
    /// <summary>The connection stays open for the next request.</summary>
    KeepAlive,

    /// <summary>The server closes the connection normally (FIN).</summary>
    Close,

    /// <summary>The server resets the connection (RST, SO_LINGER 0).</summary>
    Reset,

    /// <summary>The server keeps the connection open and sends nothing more, until it is stopped.</summary>
    Stall,
}

/// <summary>The raw bytes a <see cref="LoopbackServer"/> answers one request with, and how it ends the connection after.</summary>
internal sealed record Reply(byte[] Bytes, ReplyEnding Ending)
{
    public const string Json = "application/json; charset=utf-8";

    /// <summary>A well-formed HTTP/1.1 answer with a Content-Length.</summary>
    public static Reply Http(int status, string body, string? contentType = Json, params string[] headers) =>
        Http(status, Encoding.UTF8.GetBytes(body), contentType, headers);

    /// <summary>A well-formed HTTP/1.1 answer with a Content-Length, from bytes.</summary>
    public static Reply Http(int status, byte[] body, string? contentType = Json, params string[] headers) =>
        new([.. Head(status, [.. ContentType(contentType), $"Content-Length: {body.Length}", .. headers]), .. body], ReplyEnding.KeepAlive);

    /// <summary>An OpenApi envelope with <c>Successful: true</c>.</summary>
    public static Reply Success(string returnDataJson = "{}") =>
        Http(200, $$"""{"Successful":true,"ErrorMessage":null,"Logined":false,"ReturnData":{{returnDataJson}},"DataType":0}""");

    /// <summary>A chunked answer: the body in chunks of <paramref name="chunkSize"/> bytes, then the last chunk.</summary>
    public static Reply Chunked(int status, byte[] body, int chunkSize, string? contentType = Json)
    {
        var bytes = new List<byte>(Head(status, [.. ContentType(contentType), "Transfer-Encoding: chunked"]));
        foreach (var chunk in body.Chunk(chunkSize))
        {
            bytes.AddRange(Encoding.ASCII.GetBytes($"{chunk.Length:X}\r\n"));
            bytes.AddRange(chunk);
            bytes.AddRange("\r\n"u8.ToArray());
        }

        bytes.AddRange("0\r\n\r\n"u8.ToArray());
        return new([.. bytes], ReplyEnding.KeepAlive);
    }

    /// <summary>An answer whose body ends when the server closes the connection: no Content-Length, no chunks.</summary>
    public static Reply UntilClose(int status, byte[] body, string? contentType = Json) =>
        new([.. Head(status, [.. ContentType(contentType), "Connection: close"]), .. body], ReplyEnding.Close);

    /// <summary>Bytes exactly as given, then <paramref name="ending"/>.</summary>
    public static Reply Raw(string text, ReplyEnding ending) => new(Encoding.UTF8.GetBytes(text), ending);

    /// <summary>Bytes exactly as given, then <paramref name="ending"/>.</summary>
    public static Reply Raw(byte[] bytes, ReplyEnding ending) => new(bytes, ending);

    /// <summary>No answer: the connection is reset as soon as the request arrived.</summary>
    public static Reply Reset() => new([], ReplyEnding.Reset);

    /// <summary>No answer, and the connection stays open.</summary>
    public static Reply Stall() => new([], ReplyEnding.Stall);

    /// <summary>The same reply, with another ending: for example the headers of an answer, then a stall.</summary>
    public Reply EndingWith(ReplyEnding ending) => this with { Ending = ending };

    /// <summary>Only the first <paramref name="count"/> bytes of the reply, then <paramref name="ending"/>.</summary>
    public Reply CutAfter(int count, ReplyEnding ending) => new(Bytes[..count], ending);

    /// <summary>The reply up to the end of its headers, then <paramref name="ending"/>.</summary>
    public Reply HeadersOnly(ReplyEnding ending) => CutAfterBody(0, ending);

    /// <summary>The headers and the first <paramref name="bodyBytes"/> bytes of the body, then <paramref name="ending"/>.</summary>
    public Reply CutAfterBody(int bodyBytes, ReplyEnding ending) =>
        CutAfter(Bytes.AsSpan().IndexOf("\r\n\r\n"u8) + 4 + bodyBytes, ending);

    /// <summary>Writes the reply; returns whether the connection stays open for another request.</summary>
    internal async Task<bool> SendAsync(TcpClient connection, NetworkStream stream, CancellationToken stopping)
    {
        await stream.WriteAsync(Bytes, stopping);
        await stream.FlushAsync(stopping);
        switch (Ending)
        {
            case ReplyEnding.KeepAlive:
                return true;
            case ReplyEnding.Close:
                connection.Client.Shutdown(SocketShutdown.Send);
                await DrainAsync(stream, stopping);
                return false;
            case ReplyEnding.Reset:
                connection.Client.LingerState = new LingerOption(enable: true, seconds: 0);
                connection.Client.Close();
                return false;
            default:
                await Task.Delay(Timeout.Infinite, stopping);
                return false;
        }
    }

    // Closing while the client still sends would reset the connection and could discard the bytes just written.
    private static async Task DrainAsync(NetworkStream stream, CancellationToken stopping)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        bound.CancelAfter(TimeSpan.FromSeconds(5));
        var buffer = new byte[1024];
        while (await stream.ReadAsync(buffer, bound.Token) > 0)
        {
        }
    }

    private static string[] ContentType(string? contentType) => contentType is null ? [] : [$"Content-Type: {contentType}"];

    private static byte[] Head(int status, string[] headers) =>
        Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {ReasonPhrase(status)}\r\n{string.Concat(headers.Select(static h => h + "\r\n"))}\r\n");

    private static string ReasonPhrase(int status) =>
        Enum.IsDefined(typeof(HttpStatusCode), status) ? ((HttpStatusCode)status).ToString() : "Status";
}
