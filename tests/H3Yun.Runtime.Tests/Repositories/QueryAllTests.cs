using System.Text.Json.Nodes;
using static H3Yun.Runtime.Tests.ScriptedH3Yun;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// <c>QueryAllAsync</c> pages through every match with as few requests as the answers allow, and stops with an error
/// instead of looping when the server ignores the row window.
/// </summary>
public class QueryAllTests
{
    [Theory]
    [InlineData(1000, 500, true, 2)]
    [InlineData(1000, 500, false, 3)]
    [InlineData(10, 5, true, 2)]
    [InlineData(10, 5, false, 3)]
    [InlineData(11, 5, true, 3)]
    [InlineData(11, 5, false, 3)]
    [InlineData(4, 5, true, 1)]
    [InlineData(0, 500, true, 1)]
    [InlineData(0, 500, false, 1)]
    public async Task Every_match_is_read_once_and_a_known_total_saves_the_last_empty_request(int total, int pageSize, bool requireCount, int requests)
    {
        var h3yun = new ScriptedH3Yun { Otherwise = Serving(total) };
        using var client = h3yun.CreateClient();

        var books = await Collect(new BookRepository(client).QueryAllAsync(new H3Query<Book> { ToRowNum = pageSize, RequireCount = requireCount }));

        Assert.Equal(Enumerable.Range(0, total).Select(static i => $"Book {i}"), books.Select(static b => b.Title));
        Assert.Equal(requests, h3yun.Calls.Count);
        Assert.Equal(Enumerable.Range(0, requests).Select(i => (i * pageSize, (i + 1) * pageSize)), h3yun.Calls.Select(WindowOf));
    }

    [Theory]
    [InlineData(3, 5, true, 4)]
    [InlineData(3, 5, false, 4)]
    [InlineData(4, 6, true, 3)]
    [InlineData(4, 6, false, 4)]
    public async Task Paging_from_a_later_row_reads_from_there_on(int from, int to, bool requireCount, int requests)
    {
        var h3yun = new ScriptedH3Yun { Otherwise = Serving(10) };
        using var client = h3yun.CreateClient();

        var books = await Collect(new BookRepository(client).QueryAllAsync(new H3Query<Book> { FromRowNum = from, ToRowNum = to, RequireCount = requireCount }));

        Assert.Equal(Enumerable.Range(from, 10 - from).Select(static i => $"Book {i}"), books.Select(static b => b.Title));
        Assert.Equal(requests, h3yun.Calls.Count);
        Assert.Equal(from, WindowOf(h3yun.Calls[0]).From);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_server_that_returns_the_same_page_every_time_stops_the_paging_with_an_error(bool requireCount)
    {
        var h3yun = new ScriptedH3Yun { Otherwise = IgnoringTheWindow(rows: 5, total: 1000) };
        using var client = h3yun.CreateClient();

        var error = await Assert.ThrowsAsync<H3YunProtocolException>(
            () => Collect(new BookRepository(client).QueryAllAsync(new H3Query<Book> { ToRowNum = 5, RequireCount = requireCount })));

        Assert.Contains("ignored the query's row window", error.Message, StringComparison.Ordinal);
        Assert.Equal(OpenApiActions.LoadBizObjects, error.ActionName);
        Assert.Equal(Book.SchemaCode, error.SchemaCode);
        Assert.Equal(2, h3yun.Calls.Count);
    }

    [Fact]
    public async Task A_server_that_returns_the_same_page_of_records_without_ids_stops_the_paging_too()
    {
        var page = new JsonObject { ["BizObjectArray"] = new JsonArray([.. Enumerable.Range(0, 5).Select(static i => (JsonNode)new JsonObject { ["F0000001"] = $"Book {i}" })]) };
        var h3yun = new ScriptedH3Yun { Otherwise = Success(page.ToJsonString()) };
        using var client = h3yun.CreateClient();

        var error = await Assert.ThrowsAsync<H3YunProtocolException>(
            () => Collect(new BookRepository(client).QueryAllAsync(new H3Query<Book> { ToRowNum = 5 })));

        Assert.Contains("ignored the query's row window", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, h3yun.Calls.Count);
    }

    [Fact]
    public async Task A_server_that_returns_more_rows_than_asked_stops_the_paging_with_an_error()
    {
        var h3yun = new ScriptedH3Yun { Otherwise = IgnoringTheWindow(rows: 7, total: null) };
        using var client = h3yun.CreateClient();

        var error = await Assert.ThrowsAsync<H3YunProtocolException>(
            () => Collect(new BookRepository(client).QueryAllAsync(new H3Query<Book> { ToRowNum = 5 })));

        Assert.Contains("returned 7 records for the window 0..5", error.Message, StringComparison.Ordinal);
        Assert.Single(h3yun.Calls);
    }

    [Fact]
    public async Task A_window_of_different_records_of_the_same_size_is_not_mistaken_for_a_repeat()
    {
        // Records that moved during paging: the second window shares all but one record with the first.
        var h3yun = new ScriptedH3Yun()
            .Then(Page(["b-0", "b-1", "b-2"]))
            .Then(Page(["b-1", "b-2", "b-3"]))
            .Then(Page([]));
        using var client = h3yun.CreateClient();

        var books = await Collect(new BookRepository(client).QueryAllAsync(new H3Query<Book> { ToRowNum = 3 }));

        Assert.Equal(["b-0", "b-1", "b-2", "b-1", "b-2", "b-3"], books.Select(static b => b.ObjectId));
    }

    private static async Task<List<Book>> Collect(IAsyncEnumerable<Book> books)
    {
        var all = new List<Book>();
        await Bounded.Run(ReadAll);
        return all;

        async Task ReadAll()
        {
            await foreach (var book in books)
            {
                all.Add(book);
            }
        }
    }

    /// <summary>A form of <paramref name="total"/> books that honours the window and RequireCount.</summary>
    private static Answer Serving(int total) =>
        (call, cancellationToken) =>
        {
            var filter = FilterOf(call);
            var (from, to) = WindowOf(call);
            var rows = Enumerable.Range(from, Math.Max(0, Math.Min(to, total) - from)).Select(static i => $"b-{i}");
            return Page(rows, filter["RequireCount"]!.GetValue<bool>() ? total : null)(call, cancellationToken);
        };

    /// <summary>A broken server: the first <paramref name="rows"/> books whatever the window.</summary>
    private static Answer IgnoringTheWindow(int rows, int? total) =>
        Page(Enumerable.Range(0, rows).Select(static i => $"b-{i}"), total);

    private static Answer Page(IEnumerable<string> ids, int? total = null)
    {
        var array = new JsonArray([.. ids.Select(static id => (JsonNode)new JsonObject { ["ObjectId"] = id, ["F0000001"] = "Book " + id[2..] })]);
        var returnData = new JsonObject { ["BizObjectArray"] = array };
        if (total is { } count)
        {
            returnData["TotalCount"] = count;
        }

        return Success(returnData.ToJsonString());
    }

    private static JsonNode FilterOf(RecordedCall call) => JsonNode.Parse(JsonNode.Parse(call.Body)!["Filter"]!.GetValue<string>())!;

    private static (int From, int To) WindowOf(RecordedCall call)
    {
        var filter = FilterOf(call);
        return (filter["FromRowNum"]!.GetValue<int>(), filter["ToRowNum"]!.GetValue<int>());
    }
}
