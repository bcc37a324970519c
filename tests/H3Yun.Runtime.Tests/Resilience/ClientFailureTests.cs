using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;

namespace H3Yun.Runtime.Tests;

/// <summary>Every failure becomes a typed exception naming the action and form; writes are never sent twice.</summary>
public class ClientFailureTests
{
    [Fact]
    public async Task Successful_false_becomes_an_api_exception_with_H3Yuns_message()
    {
        var h3yun = new FakeH3Yun().AnswerFailure("根据 SchemaCode 获取 BizObjectSchema 失败");
        var books = new BookRepository(h3yun.CreateClient());

        var error = await Assert.ThrowsAsync<H3YunApiException>(() => books.LoadAsync("id-1"));

        Assert.Equal("LoadBizObject", error.ActionName);
        Assert.Equal(Book.SchemaCode, error.SchemaCode);
        Assert.Equal("根据 SchemaCode 获取 BizObjectSchema 失败", error.ErrorMessage);
        Assert.Equal($"H3Yun rejected LoadBizObject on form '{Book.SchemaCode}': 根据 SchemaCode 获取 BizObjectSchema 失败", error.Message);
        Assert.Single(h3yun.Calls);
    }

    [Fact]
    public async Task A_read_is_retried_after_a_server_error()
    {
        var h3yun = new FakeH3Yun()
            .Answer(HttpStatusCode.ServiceUnavailable, "busy")
            .Answer(HttpStatusCode.BadGateway, "busy")
            .AnswerSuccess("""{"BizObject":{"F0000001":"Dune"}}""");
        var books = new BookRepository(h3yun.CreateClient());

        var book = await books.LoadAsync("id-1");

        Assert.Equal("Dune", book?.Title);
        Assert.Equal(3, h3yun.Calls.Count);
    }

    [Fact]
    public async Task A_write_is_not_retried_after_a_server_error_because_it_may_have_been_applied()
    {
        var h3yun = new FakeH3Yun().Answer(HttpStatusCode.ServiceUnavailable, "busy").AnswerSuccess("""{"BizObjectId":"x"}""");
        var books = new BookRepository(h3yun.CreateClient());

        var error = await Assert.ThrowsAsync<H3YunTransportException>(() => books.CreateAsync(new Book { Title = "Dune" }));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("CreateBizObject", error.ActionName);
        Assert.Single(h3yun.Calls);
    }

    [Fact]
    public async Task A_write_is_retried_when_the_request_certainly_never_reached_H3Yun()
    {
        var h3yun = new FakeH3Yun()
            .Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"))
            .Answer(HttpStatusCode.TooManyRequests, "slow down")
            .AnswerSuccess("""{"BizObjectId":"x"}""");
        var books = new BookRepository(h3yun.CreateClient());

        var created = await books.CreateAsync(new Book { Title = "Dune" });

        Assert.Equal("x", created.ObjectId);
        Assert.Equal(3, h3yun.Calls.Count);
    }

    [Fact]
    public async Task A_write_whose_connection_broke_mid_way_is_not_retried()
    {
        var h3yun = new FakeH3Yun()
            .Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."))
            .AnswerSuccess("""{"BizObjectId":"x"}""");
        var books = new BookRepository(h3yun.CreateClient());

        var error = await Assert.ThrowsAsync<H3YunTransportException>(() => books.CreateAsync(new Book { Title = "Dune" }));

        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Single(h3yun.Calls);
    }

    [Fact]
    public async Task A_write_that_times_out_says_its_outcome_is_unknown()
    {
        var h3yun = new SlowH3Yun();
        var options = FakeH3Yun.Options();
        options.Timeout = TimeSpan.FromMilliseconds(50);
        using var client = new H3YunClient(new HttpClient(h3yun), options);

        var error = await Assert.ThrowsAsync<H3YunTimeoutException>(() => new BookRepository(client).CreateAsync(new Book { Title = "Dune" }));

        Assert.Contains("may or may not have been applied", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, h3yun.Calls);
    }

    [Fact]
    public async Task Cancelling_a_call_throws_OperationCanceledException_not_an_H3Yun_error()
    {
        using var client = new H3YunClient(new HttpClient(new SlowH3Yun()), FakeH3Yun.Options());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new BookRepository(client).LoadAsync("id-1", cancel.Token));
    }

    [Theory]
    [InlineData("<html>Bad gateway</html>", "not JSON")]
    [InlineData("[1,2]", "envelope")]
    [InlineData("{\"hello\":1}", "none of the envelope members")]
    [InlineData("{\"Successful\":\"maybe\"}", "'Successful'")]
    [InlineData("{\"Successful\":true,\"ReturnData\":{\"BizObjectArray\":7}}", "BizObjectArray")]
    public async Task A_broken_answer_becomes_a_protocol_exception_that_says_what_was_wrong(string body, string expected)
    {
        var h3yun = new FakeH3Yun().Answer(HttpStatusCode.OK, body);
        var books = new BookRepository(h3yun.CreateClient());

        var error = await Assert.ThrowsAsync<H3YunProtocolException>(() => books.QueryAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("LoadBizObjects", error.ActionName);
    }

    [Fact]
    public async Task The_secret_never_reaches_an_exception_or_a_log_even_when_the_server_echoes_it()
    {
        var h3yun = new FakeH3Yun()
            .Answer(HttpStatusCode.InternalServerError, "bad header EngineSecret=" + FakeH3Yun.EngineSecret)
            .AnswerFailure("secret " + FakeH3Yun.EngineSecret + " is wrong");
        var logger = new CapturingLogger();
        var options = FakeH3Yun.Options();
        options.MaxRetryAttempts = 1;
        using var client = new H3YunClient(new HttpClient(h3yun), options, logger);

        var error = await Assert.ThrowsAsync<H3YunApiException>(() => new BookRepository(client).LoadAsync("id-1"));

        Assert.DoesNotContain(FakeH3Yun.EngineSecret, error.Message, StringComparison.Ordinal);
        Assert.Contains("***", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(logger.Messages);
        Assert.All(logger.Messages, message => Assert.DoesNotContain(FakeH3Yun.EngineSecret, message, StringComparison.Ordinal));
        Assert.DoesNotContain(FakeH3Yun.EngineSecret, options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_are_spaced_by_the_rate_limit()
    {
        var h3yun = new FakeH3Yun();
        for (var i = 0; i < 4; i++)
        {
            h3yun.AnswerSuccess("""{"BizObject":null}""");
        }

        var books = new BookRepository(h3yun.CreateClient(FakeH3Yun.Options(requestsPerSecond: 10)));
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => books.LoadAsync($"id-{i}")));

        // Only a lower bound: four requests at 10 per second cannot all start within 300 ms, however fast the machine.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(270), $"4 requests took only {clock.ElapsedMilliseconds} ms");
        Assert.Equal(4, h3yun.Calls.Count);
    }

    [Fact]
    public void Options_without_credentials_are_rejected_with_what_to_set()
    {
        var error = Assert.Throws<ArgumentException>(() => new H3YunClient(new H3YunClientOptions { EngineCode = "x" }));

        Assert.Contains("EngineSecret", error.Message, StringComparison.Ordinal);
        Assert.Contains(H3YunClientOptions.EngineSecretVariable, error.Message, StringComparison.Ordinal);
    }

    private sealed class SlowH3Yun : HttpMessageHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    private sealed class CapturingLogger : ILogger<H3YunClient>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Messages)
            {
                Messages.Add(formatter(state, exception) + exception);
            }
        }
    }
}
