using System.Net;
using System.Text.Json.Nodes;
using static H3Yun.Runtime.Tests.ScriptedH3Yun;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// <c>CreateManyAsync</c> returns a result per item in input order, gives each created item its id, and when a batch
/// fails or is cancelled reports per item created (with id), certainly not created, or unknown, never advising to
/// send an unknown item again. Five books in batches of two: items 0–1, 2–3 and 4.
/// </summary>
public class CreateManyTests
{
    private const int Retries = 2;

    private static readonly Dictionary<string, BatchFailure> FailuresOfTheSecondBatch = new BatchFailure[]
    {
        //  how batch 2 fails                   answer                                         exception inside                  items 2–3              requests
        new("HTTP 500",                         Status(500),                                   typeof(H3YunTransportException),  WriteOutcome.Unknown,    2),
        new("a timeout",                        Never(),                                       typeof(H3YunTimeoutException),    WriteOutcome.Unknown,    2),
        new("an IOException while the body arrives", BodyBreaks(),                             typeof(H3YunTransportException),  WriteOutcome.Unknown,    2),
        new("the answer ended early",           Throw(() => new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.")), typeof(H3YunTransportException), WriteOutcome.Unknown, 2),
        new("an unreadable answer",             Envelope("<html>502</html>"),                  typeof(H3YunProtocolException),   WriteOutcome.Unknown,    2),
        new("Successful:false",                 Failure("数据校验失败"),                        typeof(H3YunApiException),        WriteOutcome.Unknown,    2),
        new("a reply with too few ids",         Success("""{"BizObjectIdArray":["only-one"]}"""), typeof(H3YunProtocolException), WriteOutcome.Unknown,  2),
        new("a reply with too many ids",        Success("""["a","b","c"]"""),                  typeof(H3YunProtocolException),   WriteOutcome.Unknown,    2),
        new("unreadable ReturnData after Successful:true", Envelope("""{"Successful":true,"ReturnData":"{not json"}"""), typeof(H3YunProtocolException), WriteOutcome.Applied, 2),
        new("HTTP 429 after every retry",       Status(429),                                   typeof(H3YunTransportException),  WriteOutcome.NotApplied, 2 + Retries),
        new("a rate refusal after every retry", Failure("接口调用太频繁"),                        typeof(H3YunApiException),        WriteOutcome.NotApplied, 2 + Retries),
        new("connection refused after every retry", Throw(() => new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused")), typeof(H3YunTransportException), WriteOutcome.NotApplied, 2 + Retries),
    }.ToDictionary(static f => f.Name);

    public static TheoryData<string> FailureNames => [.. FailuresOfTheSecondBatch.Keys];

    [Theory]
    [MemberData(nameof(FailureNames))]
    public async Task A_failure_on_the_second_batch_reports_every_item_correctly(string name)
    {
        var failure = FailuresOfTheSecondBatch[name];
        var h3yun = new ScriptedH3Yun { Otherwise = failure.Answer }.Then(IdsFromTitles());
        var options = BatchesOfTwo();
        options.Timeout = failure.Inner == typeof(H3YunTimeoutException) ? TimeSpan.FromMilliseconds(200) : options.Timeout;
        using var client = h3yun.CreateClient(options);
        var books = FiveBooks();

        var error = await Bounded.FailsWith<H3YunBatchException>(() => new BookRepository(client).CreateManyAsync(books));

        Assert.IsType(failure.Inner, error.InnerException);
        Assert.Equal(
            [
                new(0, WriteOutcome.Applied, "id-of-book-0"),
                new(1, WriteOutcome.Applied, "id-of-book-1"),
                new(2, failure.SecondBatch, null),
                new(3, failure.SecondBatch, null),
                new BatchItemResult(4, WriteOutcome.NotApplied, null),
            ],
            error.Items);
        Assert.Equal(["id-of-book-0", "id-of-book-1", null, null, null], books.Select(static b => b.ObjectId));
        Assert.Equal([false, false, failure.SecondBatch != WriteOutcome.Applied, failure.SecondBatch != WriteOutcome.Applied, true], books.Select(static b => b.HasChanges));
        Assert.Equal(failure.Requests, h3yun.Calls.Count);
        Assert.Equal(failure.SecondBatch == WriteOutcome.Unknown ? WriteOutcome.Unknown : WriteOutcome.Applied, error.Outcome);
        Assert.Equal(OpenApiActions.CreateBizObjects, error.ActionName);
        Assert.Equal(Book.SchemaCode, error.SchemaCode);
        AssertAdviceIsSafe(error.Message, error.Items);
    }

    [Fact]
    public async Task A_connection_reset_on_the_second_batch_leaves_it_unknown_and_sends_nothing_more()
    {
        await using var server = LoopbackServer.Start()
            .Then(Reply.Success("""{"BizObjectIdArray":["id-0","id-1"]}"""))
            .Then(Reply.Reset())
            .Then(Reply.Success("""{"BizObjectIdArray":["id-4"]}"""));
        var options = BatchesOfTwo();
        options.BaseAddress = server.BaseAddress;
        using var client = new H3YunClient(options);
        var books = FiveBooks();

        var error = await Bounded.FailsWith<H3YunBatchException>(() => new BookRepository(client).CreateManyAsync(books));

        Assert.IsType<H3YunTransportException>(error.InnerException);
        Assert.Equal([WriteOutcome.Applied, WriteOutcome.Applied, WriteOutcome.Unknown, WriteOutcome.Unknown, WriteOutcome.NotApplied], error.Items.Select(static i => i.Outcome));
        Assert.Equal(["id-0", "id-1"], error.Created.Select(static i => i.ObjectId));
        Assert.Equal([2, 3], error.Unknown.Select(static i => i.Index));
        Assert.Equal([4], error.NotCreated.Select(static i => i.Index));
        Assert.Equal(2, server.Requests.Count);
        AssertAdviceIsSafe(error.Message, error.Items);
    }

    [Fact]
    public async Task Following_the_report_finishes_the_job_without_duplicates()
    {
        var h3yun = new ScriptedH3Yun { Otherwise = IdsFromTitles() }.Then(IdsFromTitles()).Then(Status(503));
        using var client = h3yun.CreateClient(BatchesOfTwo());
        var books = FiveBooks();
        var repository = new BookRepository(client);

        var error = await Bounded.FailsWith<H3YunBatchException>(() => repository.CreateManyAsync(books));
        // The unknown ones are looked up (here: H3Yun did create item 2 but not item 3); the rest are sent again.
        var resend = error.NotCreated.Select(i => books[i.Index]).Append(books[3]).ToList();
        var results = await Bounded.Run(() => repository.CreateManyAsync(resend));

        Assert.Equal(["Book 4", "Book 3"], resend.Select(static b => b.Title));
        Assert.Equal(["id-of-book-4", "id-of-book-3"], results.Select(static r => r.ObjectId));
        Assert.Equal(3, h3yun.Calls.Count);
        Assert.DoesNotContain(h3yun.Calls.Skip(2), call => call.Body.Contains("Book 0", StringComparison.Ordinal) || call.Body.Contains("Book 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_between_batches_reports_the_records_already_created()
    {
        var h3yun = new ScriptedH3Yun { Otherwise = IdsFromTitles() };
        var options = BatchesOfTwo();
        options.RequestsPerSecond = 0.001; // the second batch waits for a token for 1,000 s
        options.EngineCode = $"limited-{Guid.NewGuid():N}"; // an engine of its own: clients of one engine share its budget
        using var client = h3yun.CreateClient(options);
        var books = FiveBooks();
        using var cancel = new CancellationTokenSource();

        var create = new BookRepository(client).CreateManyAsync(books, cancellationToken: cancel.Token);
        await Bounded.Until(() => books[1].ObjectId is not null, "the first batch to be created");
        await cancel.CancelAsync();
        var error = await Assert.ThrowsAsync<H3YunBatchCanceledException>(() => create.Within());

        Assert.Equal(
            [
                new(0, WriteOutcome.Applied, "id-of-book-0"),
                new(1, WriteOutcome.Applied, "id-of-book-1"),
                new(2, WriteOutcome.NotApplied, null),
                new(3, WriteOutcome.NotApplied, null),
                new BatchItemResult(4, WriteOutcome.NotApplied, null),
            ],
            error.Items);
        Assert.Equal(WriteOutcome.Applied, error.Outcome);
        Assert.Equal(cancel.Token, error.CancellationToken);
        Assert.Single(h3yun.Calls);
        AssertAdviceIsSafe(error.Message, error.Items);
    }

    [Fact]
    public async Task Cancelling_during_a_batch_reports_that_batch_as_unknown()
    {
        var h3yun = new ScriptedH3Yun { Otherwise = Never() }.Then(IdsFromTitles());
        using var client = h3yun.CreateClient(BatchesOfTwo());
        var books = FiveBooks();
        using var cancel = new CancellationTokenSource();

        var create = new BookRepository(client).CreateManyAsync(books, cancellationToken: cancel.Token);
        await h3yun.WaitForCallsAsync(2);
        await cancel.CancelAsync();
        var error = await Assert.ThrowsAsync<H3YunBatchCanceledException>(() => create.Within());

        Assert.Equal(
            [WriteOutcome.Applied, WriteOutcome.Applied, WriteOutcome.Unknown, WriteOutcome.Unknown, WriteOutcome.NotApplied],
            error.Items.Select(static i => i.Outcome));
        Assert.Equal(["id-of-book-0", "id-of-book-1", null, null, null], error.Items.Select(static i => i.ObjectId));
        Assert.Equal(["id-of-book-0", "id-of-book-1", null, null, null], books.Select(static b => b.ObjectId));
        Assert.Equal(WriteOutcome.Unknown, error.Outcome);
        Assert.Equal(2, h3yun.Calls.Count);
        AssertAdviceIsSafe(error.Message, error.Items);
    }

    [Fact]
    public async Task A_reply_without_ids_creates_every_item_with_no_id()
    {
        var h3yun = new ScriptedH3Yun { Otherwise = Success("{}") };
        using var client = h3yun.CreateClient(BatchesOfTwo());
        var books = FiveBooks();

        var results = await Bounded.Run(() => new BookRepository(client).CreateManyAsync(books));

        Assert.Equal(Enumerable.Range(0, 5).Select(static i => new BatchItemResult(i, WriteOutcome.Applied, null)), results);
        Assert.All(books, static b => Assert.Null(b.ObjectId));
        Assert.All(books, static b => Assert.False(b.HasChanges));
        Assert.Equal(3, h3yun.Calls.Count);
    }

    [Fact]
    public async Task An_empty_input_sends_nothing()
    {
        var h3yun = new ScriptedH3Yun();
        using var client = h3yun.CreateClient();

        var results = await Bounded.Run(() => new BookRepository(client).CreateManyAsync([]));

        Assert.Empty(results);
        Assert.Empty(h3yun.Calls);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 100)]
    [InlineData(7, 3)]
    [InlineData(9, 3)]
    [InlineData(100, 100)]
    [InlineData(101, 100)]
    [InlineData(250, 100)]
    public async Task N_items_take_N_over_the_batch_size_requests_rounded_up_and_each_gets_its_own_id(int count, int batchSize)
    {
        var h3yun = new ScriptedH3Yun { Otherwise = IdsFromTitles() };
        var options = Options();
        options.CreateBatchSize = batchSize;
        using var client = h3yun.CreateClient(options);
        var books = Enumerable.Range(0, count).Select(static i => new Book { Title = $"Book {i}" }).ToList();

        var results = await Bounded.Run(() => new BookRepository(client).CreateManyAsync(books));

        Assert.Equal((count + batchSize - 1) / batchSize, h3yun.Calls.Count);
        Assert.All(h3yun.Calls, call => Assert.InRange(TitlesSent(call).Count, 1, batchSize));
        Assert.Equal(books.Select(static b => b.Title), h3yun.Calls.SelectMany(TitlesSent));
        Assert.Equal(Enumerable.Range(0, count).Select(static i => new BatchItemResult(i, WriteOutcome.Applied, $"id-of-book-{i}")), results);
        Assert.Equal(results.Select(static r => r.ObjectId), books.Select(static b => b.ObjectId));
    }

    [Fact]
    public async Task Options_changed_after_the_client_was_built_have_no_effect()
    {
        var original = FakeH3Yun.EngineSecret;
        var h3yun = new ScriptedH3Yun { Otherwise = IdsFromTitles() }
            .Then(IdsFromTitles())
            .Then(Envelope($$"""{"Successful":false,"ErrorMessage":"EngineSecret {{original}} 已过期"}"""));
        var options = BatchesOfTwo();
        using var client = h3yun.CreateClient(options);
        options.CreateBatchSize = 0;
        options.EngineSecret = "rotated-" + Guid.NewGuid().ToString("N");
        options.MaxRetryAttempts = 100;

        var error = await Bounded.FailsWith<H3YunBatchException>(() => new BookRepository(client).CreateManyAsync(FiveBooks()));

        Assert.Equal(2, h3yun.Calls.Count);
        Assert.All(h3yun.Calls, call => Assert.Equal(original, call.EngineSecret));
        Assert.All(h3yun.Calls, call => Assert.Equal(2, TitlesSent(call).Count));
        SecretAssert.NotIn(error, original);
        Assert.Contains("EngineSecret *** 已过期", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, client.Options.CreateBatchSize);
        Assert.Equal(original, client.Options.EngineSecret);
    }

    private static H3YunClientOptions BatchesOfTwo()
    {
        var options = Options(maxRetryAttempts: Retries);
        options.CreateBatchSize = 2;
        options.Timeout = TimeSpan.FromSeconds(20);
        return options;
    }

    private static List<Book> FiveBooks() => [.. Enumerable.Range(0, 5).Select(static i => new Book { Title = $"Book {i}" })];

    /// <summary>Answers a batch with one id per record sent, made from its title, so that tests see which id went where.</summary>
    private static Answer IdsFromTitles() =>
        (call, cancellationToken) =>
        {
            var ids = new JsonArray([.. TitlesSent(call).Select(static t => (JsonNode)("id-of-" + t!.Replace(' ', '-').ToLowerInvariant()))]);
            return Success(new JsonObject { ["BizObjectIdArray"] = ids }.ToJsonString())(call, cancellationToken);
        };

    private static List<string?> TitlesSent(RecordedCall call) =>
        [.. JsonNode.Parse(call.Body)!["BizObjectArray"]!.AsArray().Select(static item => JsonNode.Parse(item!.GetValue<string>())!["F0000001"]?.GetValue<string>())];

    /// <summary>The message tells what to do with every item, and never to send an item whose outcome is unknown.</summary>
    private static void AssertAdviceIsSafe(string message, IReadOnlyList<BatchItemResult> items)
    {
        Assert.DoesNotContain("send only those again", message, StringComparison.Ordinal);
        var unknown = items.Where(static i => i.Outcome == WriteOutcome.Unknown).Select(static i => i.Index).ToList();
        var notCreated = items.Where(static i => i.Outcome == WriteOutcome.NotApplied).Select(static i => i.Index).ToList();
        if (unknown.Count > 0)
        {
            Assert.Contains($"{unknown.Count} may or may not have been created (items {Ranges(unknown)}; check whether they exist", message, StringComparison.Ordinal);
        }

        if (notCreated.Count > 0)
        {
            Assert.Contains($"{notCreated.Count} certainly not created (items {Ranges(notCreated)}; these can be sent again)", message, StringComparison.Ordinal);
        }

        var created = items.Count(static i => i.Outcome == WriteOutcome.Applied);
        if (created > 0)
        {
            Assert.Contains($"{created} created", message, StringComparison.Ordinal);
        }
    }

    private static string Ranges(List<int> indexes) =>
        indexes.Count == 1 ? $"{indexes[0]}" : $"{indexes[0]}–{indexes[^1]}";

    private sealed record BatchFailure(string Name, Answer Answer, Type Inner, WriteOutcome SecondBatch, int Requests);
}
