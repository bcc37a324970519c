using System.Net;
using System.Text.Json;
using static H3Yun.Runtime.Tests.ScriptedH3Yun;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// The smaller defects of issue 8, item 7: a reset while the answer arrives, invalid UTF-8, a byte-order mark,
/// <c>ReturnData: null</c>, and fields assigned while a write is on its way.
/// </summary>
public class InFlightAndEdgeCaseTests
{
    private const string LoadedBook = """{"BizObject":{"ObjectId":"b-1","F0000001":"Dune","F0000002":"C-1"}}""";

    [Fact]
    public async Task A_connection_reset_while_the_answer_arrives_is_a_transport_failure_and_the_read_is_retried()
    {
        await using var server = LoopbackServer.Start()
            .Then(Reply.Success(LoadedBook).CutAfterBody(25, ReplyEnding.Reset))
            .Then(Reply.Success(LoadedBook));
        using var client = new H3YunClient(SocketOptions(server));

        var book = await Bounded.Run(() => new BookRepository(client).LoadAsync("b-1"));

        Assert.Equal("Dune", book?.Title);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_connection_reset_while_a_creates_answer_arrives_is_not_retried_and_may_have_been_applied()
    {
        await using var server = LoopbackServer.Start()
            .Then(Reply.Success("""{"BizObjectId":"b-9"}""").CutAfterBody(25, ReplyEnding.Reset))
            .Then(Reply.Success("""{"BizObjectId":"b-10"}"""));
        using var client = new H3YunClient(SocketOptions(server));

        var error = await Bounded.FailsWith<H3YunTransportException>(() => new BookRepository(client).CreateAsync(new Book { Title = "Dune" }));

        Assert.Equal(WriteOutcome.Unknown, error.Outcome);
        Assert.Null(error.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_answer_with_invalid_UTF8_is_a_protocol_failure_that_says_where()
    {
        await using var server = LoopbackServer.Start()
            .Then(Reply.Http(200, [.. Bodies.Utf8("""{"Successful":true,"ReturnData":{"BizObject":{"F0000001":" """), 0xFF, .. Bodies.Utf8("\"}}}")]));
        using var client = new H3YunClient(SocketOptions(server));

        var error = await Bounded.FailsWith<H3YunProtocolException>(() => new BookRepository(client).LoadAsync("b-1"));

        Assert.Contains("not valid UTF-8 (at byte 59)", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> InvalidUtf8Places => [.. InvalidUtf8Answers.Keys];

    // Bytes that are not UTF-8 wherever a value is kept or read: each must fail as a protocol error, never be stored.
    private static Dictionary<string, (byte[] ReturnData, Func<H3YunClient, Task> Call)> InvalidUtf8Answers => new()
    {
        ["a row's member the schema does not list, kept for the write back"] = (
            WithInvalidByte("""{"BizObject":{"ObjectId":"o-1","F0000001":"SO-1","D000024FOrderLines":[{"ObjectId":"r-1","F0000099":"a""", "b\"}]}}"),
            client => new SalesOrderRepository(client).LoadAsync("o-1")),
        ["the name of a member the record does not know"] = (
            WithInvalidByte("""{"BizObject":{"ObjectId":"b-1","F0000001":"Dune","F00""", "\":\"x\"}}"),
            client => new BookRepository(client).LoadAsync("b-1")),
        ["a field under a nested Data member"] = (
            WithInvalidByte("""{"BizObject":{"ObjectId":"b-1","Data":{"F0000001":"Du""", "ne\"}}}"),
            client => new BookRepository(client).LoadAsync("b-1")),
        ["ReturnData handed to InvokeAsync"] = (
            WithInvalidByte("""{"Anything":{"nested":["x""", "\"]}}"),
            client => client.InvokeAsync(OpenApiRequest.RemoveBizObject(Book.SchemaCode, "b-1"))),
        ["ReturnData deserialized by InvokeCustomAsync"] = (
            WithInvalidByte("""{"Kept":{"nested":"x""", "\"}}"),
            client => client.InvokeCustomAsync(new CustomApiRequest("D000024App", "Controller", "Action"), KeptJson.Default.KeptValue)),
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8Places))]
    public async Task Invalid_UTF8_anywhere_a_value_is_read_or_kept_is_a_protocol_failure_that_says_where(string place)
    {
        var (returnData, call) = InvalidUtf8Answers[place];
        await using var server = LoopbackServer.Start()
            .Then(Reply.Http(200, [.. Bodies.Utf8("""{"Successful":true,"ReturnData":"""), .. returnData, .. Bodies.Utf8("}")]));
        using var client = new H3YunClient(SocketOptions(server));

        var error = await Bounded.FailsWith<H3YunProtocolException>(() => call(client));

        Assert.Contains("not valid UTF-8 (at byte", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_UTF8_in_a_member_nothing_reads_is_dropped_with_it()
    {
        await using var server = LoopbackServer.Start()
            .Then(Reply.Http(200, [.. Bodies.Utf8("""{"Successful":true,"Trace":" """), 0xFF, .. Bodies.Utf8("\",\"ReturnData\":" + LoadedBook + "}")]));
        using var client = new H3YunClient(SocketOptions(server));

        var book = await Bounded.Run(() => new BookRepository(client).LoadAsync("b-1"));

        Assert.Equal("Dune", book?.Title);
    }

    [Fact]
    public async Task An_answer_that_starts_with_a_byte_order_mark_is_read()
    {
        var h3yun = new FakeH3Yun().Answer(HttpStatusCode.OK, "\uFEFF" + Bodies.Envelope(LoadedBook));
        var books = new BookRepository(h3yun.CreateClient());

        var book = await Bounded.Run(() => books.LoadAsync("b-1"));

        Assert.Equal("Dune", book?.Title);
    }

    [Fact]
    public async Task InvokeAsync_returns_a_JSON_null_for_ReturnData_null()
    {
        var h3yun = new FakeH3Yun().Answer(HttpStatusCode.OK, """{"Successful":true,"ErrorMessage":null,"ReturnData":null}""");
        using var client = h3yun.CreateClient();

        var returnData = await Bounded.Run(() => client.InvokeAsync(OpenApiRequest.RemoveBizObject(Book.SchemaCode, "b-1")));

        Assert.Equal(JsonValueKind.Null, returnData.ValueKind);
    }

    [Fact]
    public async Task A_field_assigned_while_an_update_is_on_its_way_is_sent_by_the_next_update()
    {
        var h3yun = new ScriptedH3Yun().Then(Success(LoadedBook));
        using var client = h3yun.CreateClient();
        var books = new BookRepository(client);
        var book = (await books.LoadAsync("b-1"))!;
        book.Title = "Dune Messiah";
        h3yun.Then(While(_ => book.Code = "C-2", Success())).Then(Success());

        await Bounded.Run(() => books.UpdateAsync(book));
        Assert.True(book.HasChanges);
        await Bounded.Run(() => books.UpdateAsync(book));

        Assert.Equal("""{"F0000001":"Dune Messiah"}""", JsonAssert.BizObjectText(h3yun.Calls[1].Body));
        Assert.Equal("""{"F0000002":"C-2"}""", JsonAssert.BizObjectText(h3yun.Calls[2].Body));
        Assert.False(book.HasChanges);
    }

    [Fact]
    public async Task A_field_assigned_again_while_an_update_is_on_its_way_keeps_its_new_value_unsaved()
    {
        var h3yun = new ScriptedH3Yun().Then(Success(LoadedBook));
        using var client = h3yun.CreateClient();
        var books = new BookRepository(client);
        var book = (await books.LoadAsync("b-1"))!;
        book.Title = "Dune Messiah";
        h3yun.Then(While(_ => book.Title = "Children of Dune", Success())).Then(Success());

        await Bounded.Run(() => books.UpdateAsync(book));
        await Bounded.Run(() => books.UpdateAsync(book));

        Assert.Equal("""{"F0000001":"Dune Messiah"}""", JsonAssert.BizObjectText(h3yun.Calls[1].Body));
        Assert.Equal("""{"F0000001":"Children of Dune"}""", JsonAssert.BizObjectText(h3yun.Calls[2].Body));
    }

    [Fact]
    public async Task A_field_assigned_while_a_create_is_on_its_way_is_sent_by_the_next_update()
    {
        var book = new Book { Title = "Dune" };
        var h3yun = new ScriptedH3Yun()
            .Then(While(_ => book.Code = "C-2", Success("""{"BizObjectId":"b-9"}""")))
            .Then(Success());
        using var client = h3yun.CreateClient();
        var books = new BookRepository(client);

        await Bounded.Run(() => books.CreateAsync(book));
        await Bounded.Run(() => books.UpdateAsync(book));

        Assert.Equal("""{"F0000001":"Dune"}""", JsonAssert.BizObjectText(h3yun.Calls[0].Body));
        Assert.Equal("""{"F0000002":"C-2"}""", JsonAssert.BizObjectText(h3yun.Calls[1].Body));
        Assert.Contains("\"BizObjectId\":\"b-9\"", h3yun.Calls[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_assigned_while_a_batch_create_is_on_its_way_is_sent_by_the_next_update()
    {
        var first = new Book { Title = "Dune" };
        var second = new Book { Title = "Dune Messiah" };
        var h3yun = new ScriptedH3Yun()
            .Then(While(_ => second.Code = "C-2", Success("""{"BizObjectIdArray":["b-1","b-2"]}""")))
            .Then(Success());
        using var client = h3yun.CreateClient();
        var books = new BookRepository(client);

        await Bounded.Run(() => books.CreateManyAsync([first, second]));

        Assert.False(first.HasChanges);
        Assert.True(second.HasChanges);
        await Bounded.Run(() => books.UpdateAsync(second));
        Assert.Equal("""{"F0000002":"C-2"}""", JsonAssert.BizObjectText(h3yun.Calls[1].Body));
    }

    [Fact]
    public async Task A_field_assigned_while_a_failed_update_was_on_its_way_is_sent_with_the_rest_next_time()
    {
        var h3yun = new ScriptedH3Yun().Then(Success(LoadedBook));
        using var client = h3yun.CreateClient(Options(maxRetryAttempts: 0));
        var books = new BookRepository(client);
        var book = (await books.LoadAsync("b-1"))!;
        book.Title = "Dune Messiah";
        h3yun.Then(While(_ => book.Code = "C-2", Failure("数据已锁定"))).Then(Success());

        await Bounded.FailsWith<H3YunApiException>(() => books.UpdateAsync(book));
        await Bounded.Run(() => books.UpdateAsync(book));

        Assert.Equal("""{"F0000001":"Dune Messiah","F0000002":"C-2"}""", JsonAssert.BizObjectText(h3yun.Calls[2].Body));
    }

    private static H3YunClientOptions SocketOptions(LoopbackServer server) => new()
    {
        BaseAddress = server.BaseAddress,
        EngineCode = FakeH3Yun.EngineCode,
        EngineSecret = FakeH3Yun.EngineSecret,
        RequestsPerSecond = null,
        MaxRetryAttempts = 2,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        Timeout = TimeSpan.FromSeconds(20),
    };

    private static byte[] WithInvalidByte(string before, string after) => [.. Bodies.Utf8(before), 0xFF, .. Bodies.Utf8(after)];
}

/// <summary>A custom API's answer whose type keeps part of it as raw JSON.</summary>
public sealed record KeptValue(JsonElement Kept);

[System.Text.Json.Serialization.JsonSerializable(typeof(KeptValue))]
internal sealed partial class KeptJson : System.Text.Json.Serialization.JsonSerializerContext;
