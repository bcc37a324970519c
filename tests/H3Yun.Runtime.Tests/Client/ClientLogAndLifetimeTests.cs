using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using static H3Yun.Runtime.Tests.ScriptedH3Yun;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// What the client logs for each call (event 1 answered, 2 retrying, 3 failed, with structured values), what it
/// hands back, and what it releases: an HttpClient it was given stays the caller's.
/// </summary>
public class ClientLogAndLifetimeTests
{
    [Fact]
    public async Task An_answered_call_logs_its_action_form_and_time()
    {
        var h3yun = new ScriptedH3Yun().Then(Success("""{"BizObject":null}"""));
        var logger = new RecordingLogger();
        using var client = h3yun.CreateClient(logger: logger);

        await Bounded.Run(() => new BookRepository(client).LoadAsync("b-1"));

        var answered = Assert.Single(logger.Entries);
        Assert.Equal(1, answered.EventId);
        Assert.Equal(OpenApiActions.LoadBizObject, answered.Values["ActionName"]);
        Assert.Equal(Book.SchemaCode, answered.Values["SchemaCode"]);
        Assert.InRange((long)answered.Values["ElapsedMilliseconds"]!, 0, (long)Bounded.Limit.TotalMilliseconds);
        Assert.StartsWith($"H3Yun LoadBizObject on {Book.SchemaCode} answered in ", answered.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_call_logs_the_reason_it_throws_once_and_retries_log_the_attempt_that_follows()
    {
        var h3yun = new ScriptedH3Yun { Otherwise = Status(503) };
        var logger = new RecordingLogger();
        using var client = h3yun.CreateClient(Options(maxRetryAttempts: 2), logger);

        var error = await Bounded.FailsWith<H3YunTransportException>(() => new BookRepository(client).QueryAsync());

        Assert.Equal([2, 2, 3], logger.Entries.Select(static e => e.EventId));
        Assert.Equal([1, 2], logger.Entries.Where(static e => e.EventId == 2).Select(static e => (int)e.Values["Attempt"]!));
        Assert.All(logger.Entries, e => Assert.Equal(OpenApiActions.LoadBizObjects, e.Values["ActionName"]));
        Assert.All(logger.Entries, e => Assert.Equal(error.Message, e.Values["Reason"]));
        var failed = logger.Entries[^1];
        Assert.Equal($"H3Yun LoadBizObjects on {Book.SchemaCode} failed: {error.Message}", failed.Message);
    }

    [Fact]
    public async Task Retries_wait_longer_each_time_and_are_jittered_so_that_clients_do_not_retry_in_step()
    {
        // Two clients that fail alike; with RetryDelay 1 s and exponential backoff the waits spread over seconds.
        var delays = new List<IReadOnlyList<TimeSpan>>();
        for (var client = 0; client < 2; client++)
        {
            var clock = new FakeTimeProvider();
            var h3yun = new ScriptedH3Yun { Otherwise = Status(503) };
            var logger = new RecordingLogger();
            var options = Options(maxRetryAttempts: 3);
            options.RetryDelay = TimeSpan.FromSeconds(1);
            options.TimeProvider = clock;
            using var h3yunClient = h3yun.CreateClient(options, logger);

            var load = new BookRepository(h3yunClient).LoadAsync("b-1");
            for (var retry = 1; retry <= 3; retry++)
            {
                await Bounded.Until(() => logger.RetryDelays.Count == retry, $"retry {retry} to be scheduled");
                clock.Advance(logger.RetryDelays[^1]);
            }

            await Assert.ThrowsAsync<H3YunTransportException>(() => load.Within());
            delays.Add(logger.RetryDelays);
        }

        Assert.All(delays, d => Assert.All(d, delay => Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(30))));
        Assert.All(delays, d => Assert.True(d.Sum(static t => t.TotalSeconds) > 1.5, $"waits of {string.Join(", ", d)} do not grow"));
        Assert.NotEqual(delays[0], delays[1]);
    }

    [Fact]
    public async Task InvokeAsync_returns_ReturnData_that_outlives_the_answer()
    {
        var h3yun = new ScriptedH3Yun().Then(Success("""{"BizObject":{"ObjectId":"b-1","F0000001":"沙丘"}}"""));
        using var client = h3yun.CreateClient();

        var returnData = await Bounded.Run(() => client.InvokeAsync(OpenApiRequest.LoadBizObject(Book.SchemaCode, "b-1")));
        GC.Collect();

        Assert.Equal("沙丘", returnData.GetProperty("BizObject").GetProperty("F0000001").GetString());
        Assert.Equal("""{"BizObject":{"ObjectId":"b-1","F0000001":"沙丘"}}""", returnData.GetRawText());
    }

    [Fact]
    public async Task InvokeAsync_refuses_no_request()
    {
        using var client = new ScriptedH3Yun().CreateClient();

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.InvokeAsync(null!));
    }

    [Fact]
    public async Task Disposing_the_client_leaves_an_HttpClient_it_was_given_to_its_owner()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess().AnswerSuccess();
        using var http = new HttpClient(h3yun, disposeHandler: false);
        var client = new H3YunClient(http, FakeH3Yun.Options());
        await new BookRepository(client).DeleteAsync("b-1");

        client.Dispose();
        using var after = await http.PostAsync(new Uri("https://h3yun.test/OpenApi/Invoke"), new StringContent("{}"));

        Assert.Equal(2, h3yun.Calls.Count);
        Assert.True(after.IsSuccessStatusCode);
    }

    [Fact]
    public async Task A_client_that_made_its_own_HttpClient_releases_it_when_disposed()
    {
        var options = Options(maxRetryAttempts: 0);
        options.BaseAddress = new Uri("http://127.0.0.1:9");
        var client = new H3YunClient(options);
        var books = new BookRepository(client);
        await Bounded.FailsWith<H3YunTransportException>(() => books.LoadAsync("b-1"));

        client.Dispose();

        await Bounded.FailsWith<ObjectDisposedException>(() => books.LoadAsync("b-1"));
    }

    [Fact]
    public void The_client_needs_an_HttpClient_and_options()
    {
        Assert.Equal("httpClient", Assert.Throws<ArgumentNullException>(() => new H3YunClient(null!, FakeH3Yun.Options())).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new H3YunClient(new HttpClient(), null!)).ParamName);
    }

    [Fact]
    public async Task A_write_answered_with_an_empty_ReturnData_string_succeeds()
    {
        var h3yun = new ScriptedH3Yun { Otherwise = Envelope("""{"Successful":true,"ReturnData":""}""") };
        using var client = h3yun.CreateClient();
        var books = new BookRepository(client);

        await Bounded.Run(() => books.DeleteAsync("b-1"));
        await Bounded.Run(() => books.UpdateAsync("b-1", new Book { Title = "Dune" }));

        Assert.Equal(2, h3yun.Calls.Count);
    }
}
