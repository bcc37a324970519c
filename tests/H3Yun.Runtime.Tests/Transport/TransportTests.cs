using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using static H3Yun.Runtime.Tests.ScriptedH3Yun;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// Where requests go, what an answer may weigh, and what every HTTP-level failure says: the status, the target host,
/// the limit, and how long H3Yun asked the client to wait.
/// </summary>
public class TransportTests
{
    [Theory]
    [InlineData("https://h3yun.test", "https://h3yun.test/OpenApi/Invoke")]
    [InlineData("https://h3yun.test/", "https://h3yun.test/OpenApi/Invoke")]
    [InlineData("https://proxy.test/h3yun", "https://proxy.test/h3yun/OpenApi/Invoke")]
    [InlineData("https://proxy.test/h3yun/", "https://proxy.test/h3yun/OpenApi/Invoke")]
    [InlineData("http://127.0.0.1:5000/a/b//", "http://127.0.0.1:5000/a/b/OpenApi/Invoke")]
    public async Task Requests_go_to_OpenApi_Invoke_under_the_base_address_keeping_its_path(string baseAddress, string endpoint)
    {
        var h3yun = new ScriptedH3Yun().Then(Success());
        var options = Options();
        options.BaseAddress = new Uri(baseAddress);
        using var client = h3yun.CreateClient(options);

        await Bounded.Run(() => new BookRepository(client).DeleteAsync("b-1"));

        var call = Assert.Single(h3yun.Calls);
        Assert.Equal(endpoint, call.Uri.AbsoluteUri);
        Assert.Equal(HttpMethod.Post, call.Method);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
    }

    [Theory]
    [InlineData(true, 200, 201)]
    [InlineData(false, 200, 201)]
    [InlineData(true, 200, 200)]
    [InlineData(false, 200, 200)]
    public async Task An_answer_larger_than_MaxResponseBytes_is_refused_whether_its_length_is_announced_or_not(bool announced, int limit, int size)
    {
        var envelope = Bodies.Envelope("{}");
        var body = Encoding.UTF8.GetBytes(envelope + new string(' ', size - envelope.Length));
        var h3yun = new ScriptedH3Yun().Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = announced ? new ByteArrayContent(body) : new StreamContent(new UnannouncedLength(body)),
        }));
        var options = Options(maxRetryAttempts: 0);
        options.MaxResponseBytes = limit;
        using var client = h3yun.CreateClient(options);

        var error = await Record.ExceptionAsync(() => Bounded.Run(() => new BookRepository(client).DeleteAsync("b-1")));

        if (size <= limit)
        {
            Assert.Null(error);
            return;
        }

        var tooLarge = Assert.IsType<H3YunProtocolException>(error);
        Assert.Equal($"the answer is larger than MaxResponseBytes ({limit} bytes; at least {size} arrived).", tooLarge.Problem);
        Assert.Equal(WriteOutcome.Unknown, tooLarge.Outcome);
    }

    [Fact]
    public async Task An_empty_answer_is_an_unreadable_envelope()
    {
        var h3yun = new ScriptedH3Yun().Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) }));
        using var client = h3yun.CreateClient(Options(maxRetryAttempts: 0));

        var error = await Bounded.FailsWith<H3YunProtocolException>(() => new BookRepository(client).LoadAsync("b-1"));

        Assert.StartsWith("the body is not JSON (", error.Problem, StringComparison.Ordinal);
        Assert.EndsWith("It starts with: ", error.Problem, StringComparison.Ordinal);
    }

    public static TheoryData<int, string?, string> Redirects => new()
    {
        { 302, "https://elsewhere.test/OpenApi/Invoke", "host 'elsewhere.test'" },
        { 307, "/moved/OpenApi/Invoke", "host 'h3yun.test'" },
        { 301, null, "no address" },
        { 300, "https://elsewhere.test/", "host 'elsewhere.test'" },
        { 399, "https://elsewhere.test/", "host 'elsewhere.test'" },
    };

    [Theory]
    [MemberData(nameof(Redirects))]
    public async Task A_redirect_names_its_status_and_target_host_and_is_never_followed(int status, string? location, string target)
    {
        var h3yun = new ScriptedH3Yun { Otherwise = location is null ? Status(status) : Status(status, ("Location", location)) };
        using var client = h3yun.CreateClient();

        var error = await Bounded.FailsWith<H3YunTransportException>(() => new BookRepository(client).LoadAsync("b-1"));

        Assert.Equal(
            $"H3Yun answered LoadBizObject on form '{Book.SchemaCode}' with HTTP {status} ({(HttpStatusCode)status}), a redirect to {target}. "
            + "The client never follows redirects, so that the EngineSecret goes only to https://h3yun.test; "
            + "if H3Yun really moved, set H3YunClientOptions.BaseAddress to the new address.",
            error.Message);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Single(h3yun.Calls);
    }

    [Theory]
    [InlineData(299, false)]
    [InlineData(400, true)]
    public async Task Statuses_next_to_the_redirects_are_not_redirects(int status, bool failure)
    {
        var h3yun = new ScriptedH3Yun().Then(Envelope(Bodies.Envelope("""{"BizObject":null}"""), (HttpStatusCode)status));
        using var client = h3yun.CreateClient(Options(maxRetryAttempts: 0));

        var error = await Record.ExceptionAsync(() => Bounded.Run(() => new BookRepository(client).LoadAsync("b-1")));

        Assert.Equal(failure, error is H3YunTransportException);
        Assert.DoesNotContain("redirect", error?.Message ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_that_came_from_another_host_is_refused_as_a_followed_redirect()
    {
        var h3yun = new ScriptedH3Yun().Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(Bodies.Envelope("{}")),
            RequestMessage = new HttpRequestMessage(HttpMethod.Post, "https://elsewhere.test/OpenApi/Invoke"),
        }));
        using var client = h3yun.CreateClient();

        var error = await Bounded.FailsWith<H3YunTransportException>(() => new BookRepository(client).DeleteAsync("b-1"));

        Assert.Equal(
            "The HttpClient given to H3YunClient followed a redirect from https://h3yun.test to host 'elsewhere.test' for "
            + $"RemoveBizObject on form '{Book.SchemaCode}', taking the EngineSecret there. Give H3YunClient an HttpClient whose handler has "
            + "AllowAutoRedirect = false (AddH3Yun configures one), and consider rotating the EngineSecret. "
            + "The write may or may not have been applied: look (load or query) before sending it again.",
            error.Message);
        Assert.Equal(WriteOutcome.Unknown, error.Outcome);
    }

    [Fact]
    public async Task An_answer_from_the_same_host_under_another_path_or_case_is_accepted()
    {
        var h3yun = new ScriptedH3Yun().Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(Bodies.Envelope("{}")),
            RequestMessage = new HttpRequestMessage(HttpMethod.Post, "HTTPS://H3YUN.TEST/Other"),
        }));
        using var client = h3yun.CreateClient();

        await Bounded.Run(() => new BookRepository(client).DeleteAsync("b-1"));

        Assert.Single(h3yun.Calls);
    }

    [Theory]
    [InlineData(429, " The client is sending faster than H3Yun allows; lower RequestsPerSecond.")]
    [InlineData(503, "")]
    public async Task A_status_failure_quotes_the_body_and_says_what_to_do_about_429(int status, string advice)
    {
        var h3yun = new ScriptedH3Yun { Otherwise = Envelope("服务繁忙", (HttpStatusCode)status) };
        using var client = h3yun.CreateClient(Options(maxRetryAttempts: 0));

        var error = await Bounded.FailsWith<H3YunTransportException>(() => new BookRepository(client).LoadAsync("b-1"));

        Assert.Equal($"H3Yun answered LoadBizObject on form '{Book.SchemaCode}' with HTTP {status} ({(HttpStatusCode)status}): 服务繁忙{advice}", error.Message);
        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public async Task A_status_failure_without_a_body_ends_its_sentence_there()
    {
        var h3yun = new ScriptedH3Yun { Otherwise = Envelope(string.Empty, HttpStatusCode.BadGateway) };
        using var client = h3yun.CreateClient(Options(maxRetryAttempts: 0));

        var error = await Bounded.FailsWith<H3YunTransportException>(() => new BookRepository(client).QueryAsync());

        Assert.Equal($"H3Yun answered LoadBizObjects on form '{Book.SchemaCode}' with HTTP 502 (BadGateway).", error.Message);
    }

    [Fact]
    public async Task Retry_After_in_seconds_or_as_a_date_is_read_and_a_date_in_the_past_means_now()
    {
        var now = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        var h3yun = new ScriptedH3Yun()
            .Then(Status(503, ("Retry-After", "7")))
            .Then(Status(503, ("Retry-After", now.AddSeconds(30).ToString("R", System.Globalization.CultureInfo.InvariantCulture))))
            .Then(Status(503, ("Retry-After", now.AddSeconds(-30).ToString("R", System.Globalization.CultureInfo.InvariantCulture))));
        var options = Options(maxRetryAttempts: 0);
        options.TimeProvider = new FakeTimeProvider(now);
        using var client = h3yun.CreateClient(options);
        var books = new BookRepository(client);

        var waits = new List<TimeSpan?>();
        for (var i = 0; i < 3; i++)
        {
            waits.Add((await Bounded.FailsWith<H3YunTransportException>(() => books.LoadAsync("b-1"))).RetryAfter);
        }

        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(30), TimeSpan.Zero], waits);
    }

    [Fact]
    public async Task A_refused_connection_ends_the_systems_message_as_a_sentence_before_the_advice()
    {
        // Port 1 on loopback: nothing listens there, so the socket's own message ("Connection refused (127.0.0.1:1)") ends
        // without a full stop, which the advice must not run into.
        using var client = new H3YunClient(new H3YunClientOptions
        {
            BaseAddress = new Uri("http://127.0.0.1:1"),
            EngineCode = "e",
            EngineSecret = "s",
            MaxRetryAttempts = 0,
            RequestsPerSecond = null,
        });

        var error = await Bounded.FailsWith<H3YunTransportException>(() => new BookRepository(client).LoadAsync("b-1"));

        Assert.EndsWith(". Check the network and H3YunClientOptions.BaseAddress.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(".. Check", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_connection_while_the_body_arrives_is_a_network_failure_that_names_the_endpoint()
    {
        var h3yun = new ScriptedH3Yun { Otherwise = BodyBreaks() };
        using var client = h3yun.CreateClient(Options(maxRetryAttempts: 1));

        var error = await Bounded.FailsWith<H3YunTransportException>(() => new BookRepository(client).LoadAsync("b-1"));

        Assert.StartsWith($"Could not reach H3Yun at https://h3yun.test/OpenApi/Invoke for LoadBizObject on form '{Book.SchemaCode}': ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(" Check the network and H3YunClientOptions.BaseAddress.", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
        Assert.Null(error.StatusCode);
        Assert.Equal(2, h3yun.Calls.Count);
    }

    [Fact]
    public async Task A_network_failure_keeps_the_status_the_HttpClient_reported()
    {
        var h3yun = new ScriptedH3Yun { Otherwise = Throw(() => new HttpRequestException(HttpRequestError.ConnectionError, "refused", statusCode: HttpStatusCode.BadGateway)) };
        using var client = h3yun.CreateClient(Options(maxRetryAttempts: 0));

        var error = await Bounded.FailsWith<H3YunTransportException>(() => new BookRepository(client).LoadAsync("b-1"));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public void The_clients_own_handler_never_follows_redirects_and_renews_connections()
    {
        using var handler = OpenApiTransport.CreateHandler();

        Assert.False(handler.AllowAutoRedirect);
        Assert.Equal(TimeSpan.FromMinutes(5), handler.PooledConnectionLifetime);
    }

    /// <summary>A body whose length is known only once it has all arrived, as with chunked transfer.</summary>
    private sealed class UnannouncedLength(byte[] body) : MemoryStream(body)
    {
        public override bool CanSeek => false;
    }
}
