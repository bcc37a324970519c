using System.Net;
using System.Text;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// An HTTP handler standing in for H3Yun: it records every request the client sends and answers from a queue,
/// so that tests see the exact bytes on the wire.
/// </summary>
internal sealed class FakeH3Yun : HttpMessageHandler
{
    public const string EngineCode = "test-engine";

    // Made per test run so that no fixture holds a secret; tests assert it never leaks.
    public static readonly string EngineSecret = Convert.ToBase64String(Guid.NewGuid().ToByteArray());

    private readonly Queue<Func<HttpResponseMessage>> _answers = new();

    public List<RecordedCall> Calls { get; } = [];

    public static H3YunClientOptions Options(double? requestsPerSecond = null) => new()
    {
        BaseAddress = new Uri("https://h3yun.test"),
        // Clients of one engine share its rate budget: a test that limits the rate gets an engine of its own.
        EngineCode = requestsPerSecond is null ? EngineCode : $"{EngineCode}-{Guid.NewGuid():N}",
        EngineSecret = EngineSecret,
        RequestsPerSecond = requestsPerSecond,
        RetryDelay = TimeSpan.FromMilliseconds(1),
    };

    public H3YunClient CreateClient(H3YunClientOptions? options = null) =>
        new(new HttpClient(this, disposeHandler: false), options ?? Options());

    public FakeH3Yun AnswerSuccess(string returnDataJson = "{}")
    {
        _answers.Enqueue(() => Success(returnDataJson));
        return this;
    }

    /// <summary>Runs <paramref name="whileInFlight"/> while the request is on its way, as another thread of the caller might, then succeeds.</summary>
    public FakeH3Yun AnswerSuccessAfter(Action whileInFlight, string returnDataJson = "{}")
    {
        _answers.Enqueue(() =>
        {
            whileInFlight();
            return Success(returnDataJson);
        });
        return this;
    }

    public FakeH3Yun AnswerFailure(string errorMessage) =>
        Answer(HttpStatusCode.OK, $$"""{"Successful":false,"ErrorMessage":"{{errorMessage}}","Logined":false,"ReturnData":{},"DataType":0}""");

    public FakeH3Yun Answer(HttpStatusCode status, string body)
    {
        _answers.Enqueue(() => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        return this;
    }

    public FakeH3Yun Answer(HttpStatusCode status, byte[] body)
    {
        _answers.Enqueue(() => new HttpResponseMessage(status) { Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } } });
        return this;
    }

    public FakeH3Yun Throw(Exception failure)
    {
        _answers.Enqueue(() => throw failure);
        return this;
    }

    private static HttpResponseMessage Success(string returnDataJson) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(
            $$"""{"Successful":true,"ErrorMessage":null,"Logined":false,"ReturnData":{{returnDataJson}},"DataType":0}""", Encoding.UTF8, "application/json"),
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        Calls.Add(new RecordedCall(
            request.Method,
            request.RequestUri!,
            request.Headers.TryGetValues("EngineCode", out var code) ? code.Single() : null,
            request.Headers.TryGetValues("EngineSecret", out var secret) ? secret.Single() : null,
            request.Content?.Headers.ContentType?.ToString(),
            body));
        if (_answers.Count == 0)
        {
            throw new InvalidOperationException("The test sent more requests than it prepared answers for.");
        }

        return _answers.Dequeue()();
    }
}

internal sealed record RecordedCall(HttpMethod Method, Uri Uri, string? EngineCode, string? EngineSecret, string? ContentType, string Body);
