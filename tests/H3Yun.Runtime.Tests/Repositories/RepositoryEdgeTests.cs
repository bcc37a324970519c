using static H3Yun.Runtime.Tests.ScriptedH3Yun;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// The repository's promises at their edges: what it refuses before sending, which reply shapes it reads ids from,
/// and what a query asks for.
/// </summary>
public class RepositoryEdgeTests
{
    [Fact]
    public async Task Calls_without_what_they_need_are_refused_before_anything_is_sent()
    {
        var h3yun = new ScriptedH3Yun();
        using var client = h3yun.CreateClient();
        var books = new BookRepository(client);

        Assert.Equal("item", (await Assert.ThrowsAsync<ArgumentNullException>(() => books.CreateAsync(null!))).ParamName);
        Assert.Equal("items", (await Assert.ThrowsAsync<ArgumentNullException>(() => books.CreateManyAsync(null!))).ParamName);
        Assert.Equal("item", (await Assert.ThrowsAsync<ArgumentNullException>(() => books.UpdateAsync(null!))).ParamName);
        Assert.Equal("changes", (await Assert.ThrowsAsync<ArgumentNullException>(() => books.UpdateAsync("b-1", null!))).ParamName);
        Assert.Equal("objectId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => books.UpdateAsync(" ", new Book { Title = "x" }))).ParamName);
        Assert.Equal("query", (await Assert.ThrowsAsync<ArgumentNullException>(() => books.QueryAsync((H3Query<Book>)null!))).ParamName);
        Assert.Equal("query", Assert.Throws<ArgumentNullException>(() => books.QueryAllAsync((H3Query<Book>)null!)).ParamName);
        var withNull = await Assert.ThrowsAsync<ArgumentException>(() => books.CreateManyAsync([new Book { Title = "a" }, null!]));
        Assert.Equal("The items to create cannot contain null. (Parameter 'items')", withNull.Message);
        var unsaved = await Assert.ThrowsAsync<ArgumentException>(() => books.UpdateAsync(new Book { Title = "x" }));
        Assert.Equal("The record has no ObjectId. Load it first, or call UpdateAsync(objectId, changes). (Parameter 'item')", unsaved.Message);

        Assert.Empty(h3yun.Calls);
    }

    [Fact]
    public void A_repository_needs_a_client_and_a_form()
    {
        using var client = new ScriptedH3Yun().CreateClient();

        Assert.Equal("client", Assert.Throws<ArgumentNullException>(() => new BookRepository(null!)).ParamName);
        Assert.Equal(Book.SchemaCode, new BookRepository(client).Form.SchemaCode);
        Assert.Same(client, new BookRepository(client).Client);
    }

    [Fact]
    public void QueryAllAsync_checks_the_window_when_called_not_when_enumerated()
    {
        using var client = new ScriptedH3Yun().CreateClient();
        var books = new BookRepository(client);

        Assert.Throws<ArgumentOutOfRangeException>(() => books.QueryAllAsync(pageSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => books.QueryAllAsync(pageSize: 501));
        Assert.NotNull(books.QueryAllAsync(pageSize: 500));
    }

    [Fact]
    public async Task An_update_of_a_record_loaded_by_id_sends_its_id_and_only_the_assigned_fields()
    {
        var h3yun = new ScriptedH3Yun()
            .Then(Success("""{"BizObject":{"ObjectId":"b-1","F0000001":"Dune","F0000002":"C-1"}}"""))
            .Then(Success());
        using var client = h3yun.CreateClient();
        var books = new BookRepository(client);
        var book = (await Bounded.Run(() => books.LoadAsync("b-1")))!;

        book.Code = "C-2";
        await Bounded.Run(() => books.UpdateAsync(book));

        JsonAssert.Equivalent(
            $$"""{"ActionName":"UpdateBizObject","SchemaCode":"{{Book.SchemaCode}}","BizObjectId":"b-1","BizObject":"{\"F0000002\":\"C-2\"}"}""",
            h3yun.Calls[1].Body);
        Assert.False(book.HasChanges);
    }

    public static TheoryData<string, string?[]> CreatedIdReplies => new()
    {
        { """["id-0","id-1","id-2"]""", ["id-0", "id-1", "id-2"] },
        { """{"BizObjectIds":["id-0","id-1","id-2"]}""", ["id-0", "id-1", "id-2"] },
        { """{"Count":3,"Ids":["id-0","id-1","id-2"],"Other":["x"]}""", ["id-0", "id-1", "id-2"] },
        { """{"Count":3}""", [null, null, null] },
        { """[]""", [null, null, null] },
        { "null", [null, null, null] },
        { "\"[\\\"id-0\\\",\\\"id-1\\\",\\\"id-2\\\"]\"", ["id-0", "id-1", "id-2"] },
    };

    [Theory]
    [MemberData(nameof(CreatedIdReplies))]
    public async Task A_batch_create_takes_the_ids_from_whatever_reply_carries_them(string returnData, string?[] ids)
    {
        var h3yun = new ScriptedH3Yun().Then(Success(returnData));
        using var client = h3yun.CreateClient();
        var books = Enumerable.Range(0, 3).Select(static i => new Book { Title = $"Book {i}" }).ToList();

        var results = await Bounded.Run(() => new BookRepository(client).CreateManyAsync(books));

        Assert.Equal(ids.Select(static (id, i) => new BatchItemResult(i, WriteOutcome.Applied, id)), results);
        Assert.Equal(ids, books.Select(static b => b.ObjectId));
        Assert.All(books, static b => Assert.False(b.HasChanges));
    }

    [Fact]
    public async Task A_batch_reply_with_the_wrong_number_of_ids_leaves_every_item_of_the_batch_unknown()
    {
        var h3yun = new ScriptedH3Yun()
            .Then(Success("""["id-0","id-1"]"""))
            .Then(Success("""["id-2"]"""));
        var options = Options();
        options.CreateBatchSize = 2;
        using var client = h3yun.CreateClient(options);
        var books = Enumerable.Range(0, 5).Select(static i => new Book { Title = $"Book {i}" }).ToList();

        var error = await Bounded.FailsWith<H3YunBatchException>(() => new BookRepository(client).CreateManyAsync(books));

        Assert.Equal(
            [
                new(0, WriteOutcome.Applied, "id-0"),
                new(1, WriteOutcome.Applied, "id-1"),
                new(2, WriteOutcome.Unknown, null),
                new(3, WriteOutcome.Unknown, null),
                new BatchItemResult(4, WriteOutcome.NotApplied, null),
            ],
            error.Items);
        var cause = Assert.IsType<H3YunProtocolException>(error.InnerException);
        Assert.Equal(WriteOutcome.Unknown, cause.Outcome);
        Assert.Equal("H3Yun reported 1 ids for the 2 records sent, so which of them it created is unknown.", cause.Problem);
        Assert.True(books[2].HasChanges);
        Assert.Null(books[2].ObjectId);
        Assert.Equal(2, h3yun.Calls.Count);
    }

    [Fact]
    public async Task A_create_reply_that_says_ObjectId_instead_of_BizObjectId_is_read_too()
    {
        var h3yun = new ScriptedH3Yun()
            .Then(Success("""{"objectid":"b-7","WorkflowInstanceId":"wf-1"}"""))
            .Then(Success("""{"BizObjectId":"b-8","WorkflowInstanceId":7}"""));
        using var client = h3yun.CreateClient();
        var books = new BookRepository(client);
        var first = new Book { Title = "Dune" };
        var second = new Book { Title = "Emma" };

        var created = await Bounded.Run(() => books.CreateAsync(first));
        var other = await Bounded.Run(() => books.CreateAsync(second, submit: false));

        Assert.Equal(new CreatedRecord("b-7", "wf-1"), created);
        Assert.Equal(("b-7", "wf-1"), (first.ObjectId, first.WorkflowInstanceId));
        Assert.Equal(new CreatedRecord("b-8", null), other);
        Assert.Contains("\"IsSubmit\":false", h3yun.Calls[1].Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"BizObjectId":""}""")]
    [InlineData("""{"BizObjectId":7}""")]
    public async Task A_create_reply_without_the_new_id_says_the_record_was_created_but_not_its_id(string returnData)
    {
        var h3yun = new ScriptedH3Yun().Then(Success(returnData));
        using var client = h3yun.CreateClient();
        var book = new Book { Title = "Dune" };

        var error = await Bounded.FailsWith<H3YunProtocolException>(() => new BookRepository(client).CreateAsync(book));

        Assert.Equal("ReturnData carries no BizObjectId for the created record.", error.Problem);
        Assert.Equal(WriteOutcome.Applied, error.Outcome);
        Assert.Single(h3yun.Calls);
    }

    public static TheoryData<string, bool> LoadReplies => new()
    {
        { """{"BizObject":null}""", false },
        { """{}""", false },
        { """{"BizObject":{}}""", false },
        { "null", false },
        { """{"bizobject":{"ObjectId":"b-1"}}""", true },
    };

    [Theory]
    [MemberData(nameof(LoadReplies))]
    public async Task A_load_reads_no_record_from_every_empty_reply_and_a_record_from_any_case(string returnData, bool found)
    {
        var h3yun = new ScriptedH3Yun().Then(Success(returnData));
        using var client = h3yun.CreateClient();

        var book = await Bounded.Run(() => new BookRepository(client).LoadAsync("b-1"));

        Assert.Equal(found ? "b-1" : null, book?.ObjectId);
    }

    [Theory]
    [InlineData("""{"BizObject":[1]}""", "ReturnData.BizObject should hold record objects but holds a Array.")]
    [InlineData("""[{"ObjectId":"b-1"}]""", "ReturnData should be an object but is a Array.")]
    [InlineData("7", "ReturnData should be an object but is a Number.")]
    public async Task A_load_reply_of_the_wrong_shape_says_what_it_holds(string returnData, string problem)
    {
        var h3yun = new ScriptedH3Yun().Then(Success(returnData));
        using var client = h3yun.CreateClient();

        var error = await Bounded.FailsWith<H3YunProtocolException>(() => new BookRepository(client).LoadAsync("b-1"));

        Assert.Equal(problem, error.Problem);
        Assert.Equal(OpenApiActions.LoadBizObject, error.ActionName);
    }

    [Theory]
    [InlineData("""{"BizObjectArray":[7]}""", "ReturnData.BizObjectArray should hold record objects but holds a Number.")]
    [InlineData("""{"BizObjectArray":{}}""", "ReturnData.BizObjectArray should be an array but is a Object.")]
    [InlineData("""{"BizObjectArray":[],"TotalCount":"many"}""", "field 'TotalCount' should hold a number but holds \"many\".")]
    public async Task A_query_reply_of_the_wrong_shape_says_what_it_holds(string returnData, string problem)
    {
        var h3yun = new ScriptedH3Yun().Then(Success(returnData));
        using var client = h3yun.CreateClient();

        var error = await Bounded.FailsWith<H3YunProtocolException>(() => new BookRepository(client).QueryAsync());

        Assert.Equal(problem, error.Problem);
    }

    [Theory]
    [InlineData("""{"BizObjectArray":null,"TotalCount":null}""", 0, null)]
    [InlineData("""{"TotalCount":"3"}""", 0, 3)]
    [InlineData("""{"bizobjectarray":[{"ObjectId":"b-1"}],"totalcount":1}""", 1, 1)]
    public async Task A_query_reads_the_records_and_the_count_liberally(string returnData, int count, int? total)
    {
        var h3yun = new ScriptedH3Yun().Then(Success(returnData));
        using var client = h3yun.CreateClient();

        var page = await Bounded.Run(() => new BookRepository(client).QueryAsync(new H3Query<Book> { FromRowNum = 10, ToRowNum = 20, RequireCount = true }));

        Assert.Equal(count, page.Items.Count);
        Assert.Equal(total, page.TotalCount);
        Assert.Equal((10, 20), (page.FromRowNum, page.ToRowNum));
        Assert.True(page.IsLastPage);
    }

    [Theory]
    [InlineData(9, true)]
    [InlineData(10, false)]
    public void A_page_is_the_last_when_it_came_back_short(int items, bool last)
    {
        var page = new QueryPage<Book>([.. Enumerable.Range(0, items).Select(static _ => new Book())], 20, 30, null);

        Assert.Equal(last, page.IsLastPage);
    }

    [Fact]
    public void A_query_always_asks_for_the_ObjectId_once_when_it_selects_fields()
    {
        var selected = new H3Query<AllTypes> { Select = [AllTypes.Where.ObjectId, AllTypes.Where.ShortText, AllTypes.Where.ShortText] }.ToFilter();
        var everything = new H3Query<AllTypes>().ToFilter(fromRowNum: 5, toRowNum: 9);

        Assert.Equal(["ObjectId", "F0000001"], selected.ReturnItems);
        Assert.Empty(everything.ReturnItems);
        Assert.Equal((5, 9), (everything.FromRowNum, everything.ToRowNum));
        Assert.Equal((0, 500), (selected.FromRowNum, selected.ToRowNum));
        Assert.Null(everything.Matcher);
    }
}
