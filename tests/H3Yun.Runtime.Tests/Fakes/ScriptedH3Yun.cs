using System.Net;
using System.Text;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// An in-memory H3Yun whose answers are scripts: a status with headers, a failure thrown by the network, a body that
/// breaks half-way, an answer that never comes, or code that runs while the request is being answered. Once the
/// queued answers are used up it repeats <see cref="Otherwise"/>, so that tests can count retries.
/// </summary>
internal sealed class ScriptedH3Yun : HttpMessageHandler
{
    private readonly Queue<Answer> _answers = new();
    private readonly List<RecordedCall> _calls = [];
    private readonly SemaphoreSlim _arrived = new(0);

    public delegate Task<HttpResponseMessage> Answer(RecordedCall call, CancellationToken cancellationToken);

    /// <summary>What every request after the queued ones gets; by default the test fails.</summary>
    public Answer Otherwise { get; set; } = static (_, _) => throw new InvalidOperationException("The test sent more requests than it prepared answers for.");

    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public static H3YunClientOptions Options(int maxRetryAttempts = 2) => new()
    {
        BaseAddress = new Uri("https://h3yun.test"),
        EngineCode = FakeH3Yun.EngineCode,
        EngineSecret = FakeH3Yun.EngineSecret,
        RequestsPerSecond = null,
        MaxRetryAttempts = maxRetryAttempts,
        RetryDelay = TimeSpan.FromMilliseconds(1),
    };

    public static Answer Envelope(string json, HttpStatusCode status = HttpStatusCode.OK, params (string Name, string Value)[] headers) =>
        (_, _) =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return Task.FromResult(response);
        };

    public static Answer Success(string returnDataJson = "{}") =>
        Envelope($$"""{"Successful":true,"ErrorMessage":null,"Logined":false,"ReturnData":{{returnDataJson}},"DataType":0}""");

    public static Answer Failure(string errorMessage) =>
        Envelope($$"""{"Successful":false,"ErrorMessage":"{{errorMessage}}","Logined":false,"ReturnData":{},"DataType":0}""");

    public static Answer Status(int status, params (string Name, string Value)[] headers) =>
        Envelope($"status {status}", (HttpStatusCode)status, headers);

    public static Answer Throw(Func<Exception> failure) => (_, _) => throw failure();

    /// <summary>Headers arrive, then the body stops with an IOException, as when the connection breaks half-way.</summary>
    public static Answer BodyBreaks() =>
        (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream()) });

    /// <summary>No answer until the request is cancelled.</summary>
    public static Answer Never() =>
        static async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        };

    /// <summary>Runs <paramref name="meanwhile"/> while the request is on its way, then answers.</summary>
    public static Answer While(Action<RecordedCall> meanwhile, Answer then) =>
        (call, cancellationToken) =>
        {
            meanwhile(call);
            return then(call, cancellationToken);
        };

    public ScriptedH3Yun Then(Answer answer)
    {
        lock (_answers)
        {
            _answers.Enqueue(answer);
        }

        return this;
    }

    public ScriptedH3Yun Then(Answer answer, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Then(answer);
        }

        return this;
    }

    public H3YunClient CreateClient(H3YunClientOptions? options = null, Microsoft.Extensions.Logging.ILogger<H3YunClient>? logger = null) =>
        new(new HttpClient(this, disposeHandler: false), options ?? Options(), logger);

    /// <summary>Waits, at most 10 s, until <paramref name="count"/> requests have arrived.</summary>
    public async Task WaitForCallsAsync(int count)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Calls.Count < count)
        {
            await _arrived.WaitAsync(bound.Token);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var call = new RecordedCall(
            request.Method,
            request.RequestUri!,
            request.Headers.TryGetValues("EngineCode", out var code) ? code.Single() : null,
            request.Headers.TryGetValues("EngineSecret", out var secret) ? secret.Single() : null,
            request.Content?.Headers.ContentType?.ToString(),
            body);
        Answer answer;
        lock (_calls)
        {
            _calls.Add(call);
        }

        lock (_answers)
        {
            answer = _answers.Count > 0 ? _answers.Dequeue() : Otherwise;
        }

        _arrived.Release();
        var response = await answer(call, cancellationToken);
        response.RequestMessage ??= request;
        return response;
    }

    protected override void Dispose(bool disposing)
    {
        _arrived.Dispose();
        base.Dispose(disposing);
    }

    private sealed class BreakingStream : Stream
    {
        private bool _sentStart;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sentStart)
            {
                throw new IOException("Unable to read data from the transport connection: Connection reset by peer.");
            }

            _sentStart = true;
            var start = """{"Successful":true,"ReturnData":{"Biz"""u8;
            start.CopyTo(buffer.AsSpan(offset, count));
            return start.Length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
