using System.Text.Json.Nodes;
using static H3Yun.Runtime.Tests.ScriptedH3Yun;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// How QueryAllAsync tells a server that ignores the row window from records that merely moved: a repeat is the same
/// records by id (or, without ids, by content), and its error says what happened and what to do instead.
/// </summary>
public class PagingGuardTests
{
    [Fact]
    public async Task The_same_ids_again_are_a_repeat_even_when_a_value_changed_in_between()
    {
        var h3yun = new ScriptedH3Yun()
            .Then(Page(("b-0", "Dune"), ("b-1", "Emma")))
            .Then(Page(("b-0", "Dune, revised"), ("b-1", "Emma")));
        using var client = h3yun.CreateClient();

        var error = await Bounded.FailsWith<H3YunProtocolException>(
            () => Collect(new BookRepository(client).QueryAllAsync(new H3Query<Book> { FromRowNum = 4, ToRowNum = 6 })));

        Assert.Equal(
            "H3Yun ignored the query's row window: it returned the same 2 records for FromRowNum 6 as for the window before. "
            + "Paging stopped so that it does not repeat for ever; query with a condition that narrows the records to one window (500) instead.",
            error.Problem);
        Assert.Equal(WriteOutcome.NotApplied, error.Outcome);
    }

    [Fact]
    public async Task Records_without_ids_that_differ_are_not_a_repeat()
    {
        var h3yun = new ScriptedH3Yun()
            .Then(Page((null, "Dune"), (null, "Emma")))
            .Then(Page((null, "Faust"), (null, "Gigi")))
            .Then(Page((null, "Hamlet")));
        using var client = h3yun.CreateClient();

        var books = await Collect(new BookRepository(client).QueryAllAsync(new H3Query<Book> { ToRowNum = 2 }));

        Assert.Equal(["Dune", "Emma", "Faust", "Gigi", "Hamlet"], books.Select(static b => b.Title));
    }

    [Fact]
    public async Task A_window_of_exactly_its_size_is_honoured_and_a_shorter_one_ends_the_paging()
    {
        var h3yun = new ScriptedH3Yun()
            .Then(Page(("b-0", "Dune"), ("b-1", "Emma")))
            .Then(Page(("b-2", "Faust")));
        using var client = h3yun.CreateClient();

        var books = await Collect(new BookRepository(client).QueryAllAsync(pageSize: 2));

        Assert.Equal(["b-0", "b-1", "b-2"], books.Select(static b => b.ObjectId));
        Assert.Equal(2, h3yun.Calls.Count);
    }

    [Fact]
    public async Task A_window_with_more_records_than_asked_says_how_many_for_which_window()
    {
        var h3yun = new ScriptedH3Yun().Then(Page(("b-0", "Dune"), ("b-1", "Emma"), ("b-2", "Faust")));
        using var client = h3yun.CreateClient();

        var error = await Bounded.FailsWith<H3YunProtocolException>(
            () => Collect(new BookRepository(client).QueryAllAsync(new H3Query<Book> { FromRowNum = 10, ToRowNum = 12 })));

        Assert.StartsWith("H3Yun ignored the query's row window: it returned 3 records for the window 10..12 of 2 rows.", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_stops_when_the_reported_total_is_reached_and_keeps_the_last_total_known()
    {
        var h3yun = new ScriptedH3Yun()
            .Then(Page(3, ("b-0", "Dune"), ("b-1", "Emma")))
            .Then(Page(null, ("b-2", "Faust"), ("b-3", "Gigi")))
            .Then(Page(null, ("b-4", "Hamlet"), ("b-5", "Iliad")));
        using var client = h3yun.CreateClient();

        var books = await Collect(new BookRepository(client).QueryAllAsync(new H3Query<Book> { ToRowNum = 2, RequireCount = true }));

        Assert.Equal(["b-0", "b-1", "b-2", "b-3"], books.Select(static b => b.ObjectId));
        Assert.Equal(2, h3yun.Calls.Count);
    }

    private static Answer Page(params (string? Id, string Title)[] books) => Page(null, books);

    private static Answer Page(int? total, params (string? Id, string Title)[] books)
    {
        var array = new JsonArray([.. books.Select(static b => (JsonNode)(b.Id is null
            ? new JsonObject { ["F0000001"] = b.Title }
            : new JsonObject { ["ObjectId"] = b.Id, ["F0000001"] = b.Title }))]);
        var returnData = new JsonObject { ["BizObjectArray"] = array };
        if (total is { } count)
        {
            returnData["TotalCount"] = count;
        }

        return Success(returnData.ToJsonString());
    }

    private static async Task<List<Book>> Collect(IAsyncEnumerable<Book> books)
    {
        var all = new List<Book>();
        await Bounded.Run(async () =>
        {
            await foreach (var book in books)
            {
                all.Add(book);
            }
        });
        return all;
    }
}
