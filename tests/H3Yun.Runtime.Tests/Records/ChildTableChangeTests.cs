namespace H3Yun.Runtime.Tests;

/// <summary>
/// Which edits of a child table count as changes, what an update then sends, and what a successful update forgets:
/// a table is sent exactly when it changed, in the order the caller left it, and never twice.
/// </summary>
public class ChildTableChangeTests
{
    private const string OrderId = "7d1c0a4e-0000-4000-8000-000000000001";

    private static readonly string LoadedOrder = $$$"""
        {"BizObject":{"ObjectId":"{{{OrderId}}}","F0000001":"SO-1",
          "D000024FOrderLines":[
            {"ObjectId":"r-1","ParentObjectId":"{{{OrderId}}}","F0000011":"Widget","F0000012":2},
            {"ObjectId":"r-2","ParentObjectId":"{{{OrderId}}}","F0000011":"Gadget","F0000012":1}
          ]}}
        """;

    public static TheoryData<string, Action<SalesOrder>, string> EditsOfALoadedTable => new()
    {
        {
            "Add",
            order => order.Lines.Add(new SalesOrder.OrderLine { Product = "Sprocket" }),
            """[{"ObjectId":"r-1","F0000011":"Widget","F0000012":2},{"ObjectId":"r-2","F0000011":"Gadget","F0000012":1},{"F0000011":"Sprocket"}]"""
        },
        {
            "Insert at 0",
            order => order.Lines.Insert(0, new SalesOrder.OrderLine { Product = "Sprocket" }),
            """[{"F0000011":"Sprocket"},{"ObjectId":"r-1","F0000011":"Widget","F0000012":2},{"ObjectId":"r-2","F0000011":"Gadget","F0000012":1}]"""
        },
        {
            "RemoveAt 0",
            order => order.Lines.RemoveAt(0),
            """[{"ObjectId":"r-2","F0000011":"Gadget","F0000012":1}]"""
        },
        {
            "Remove the last row",
            order => order.Lines.Remove(order.Lines[1]),
            """[{"ObjectId":"r-1","F0000011":"Widget","F0000012":2}]"""
        },
        {
            "replace row 1 by index",
            order => order.Lines[1] = new SalesOrder.OrderLine { Product = "Sprocket", Quantity = 4 },
            """[{"ObjectId":"r-1","F0000011":"Widget","F0000012":2},{"F0000011":"Sprocket","F0000012":4}]"""
        },
        {
            "change a field of row 0",
            order => order.Lines[0].Quantity = 7,
            """[{"ObjectId":"r-1","F0000011":"Widget","F0000012":7},{"ObjectId":"r-2","F0000011":"Gadget","F0000012":1}]"""
        },
        {
            "Add an empty row",
            order => order.Lines.Add(new SalesOrder.OrderLine()),
            """[{"ObjectId":"r-1","F0000011":"Widget","F0000012":2},{"ObjectId":"r-2","F0000011":"Gadget","F0000012":1},{}]"""
        },
        {
            "Insert an empty row at 1",
            order => order.Lines.Insert(1, new SalesOrder.OrderLine()),
            """[{"ObjectId":"r-1","F0000011":"Widget","F0000012":2},{},{"ObjectId":"r-2","F0000011":"Gadget","F0000012":1}]"""
        },
        {
            "replace row 0 by an empty row",
            order => order.Lines[0] = new SalesOrder.OrderLine(),
            """[{},{"ObjectId":"r-2","F0000011":"Gadget","F0000012":1}]"""
        },
        {
            "Clear",
            order => order.Lines.Clear(),
            "[]"
        },
        {
            "assign the rows in reverse",
            order => order.Lines = [order.Lines[1], order.Lines[0]],
            """[{"ObjectId":"r-2","F0000011":"Gadget","F0000012":1},{"ObjectId":"r-1","F0000011":"Widget","F0000012":2}]"""
        },
    };

    [Theory]
    [MemberData(nameof(EditsOfALoadedTable))]
    public async Task Each_edit_of_a_loaded_table_is_a_change_that_one_update_sends_and_then_forgets(string edit, Action<SalesOrder> change, string expectedRows)
    {
        var h3yun = new FakeH3Yun().AnswerSuccess(LoadedOrder).AnswerSuccess();
        var orders = new SalesOrderRepository(h3yun.CreateClient());
        var order = (await orders.LoadAsync(OrderId))!;
        Assert.False(order.HasChanges);

        change(order);
        Assert.True(order.HasChanges, $"'{edit}' should count as a change");
        await orders.UpdateAsync(order);
        await orders.UpdateAsync(order);

        Assert.Equal(2, h3yun.Calls.Count);
        var sent = JsonAssert.Parse(h3yun.Calls[1].Body)["BizObject"]!.AsObject();
        Assert.Equal(["D000024FOrderLines"], sent.Select(static member => member.Key));
        JsonAssert.Equivalent(expectedRows, sent["D000024FOrderLines"]!.ToJsonString());
        Assert.False(order.HasChanges);
        Assert.All(order.Lines, static row => Assert.False(row.HasChanges));
    }

    [Fact]
    public async Task A_table_that_was_only_read_is_not_sent_with_a_change_of_another_field()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess(LoadedOrder).AnswerSuccess();
        var orders = new SalesOrderRepository(h3yun.CreateClient());
        var order = (await orders.LoadAsync(OrderId))!;

        _ = order.Lines[0].Product;
        order.Paid = true;
        await orders.UpdateAsync(order);

        Assert.Equal("""{"F0000005":true}""", JsonAssert.BizObjectText(h3yun.Calls[1].Body));
    }

    [Fact]
    public async Task AcceptChanges_forgets_the_changes_of_the_table_and_of_its_rows_so_that_nothing_is_sent()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess(LoadedOrder);
        var orders = new SalesOrderRepository(h3yun.CreateClient());
        var order = (await orders.LoadAsync(OrderId))!;
        order.Lines.Add(new SalesOrder.OrderLine { Product = "Sprocket" });
        order.Lines[0].Quantity = 9;

        order.AcceptChanges();
        await orders.UpdateAsync(order);

        Assert.False(order.HasChanges);
        Assert.False(order.Lines[0].HasChanges);
        Assert.Single(h3yun.Calls);
        Assert.Equal(3, order.Lines.Count);
    }

    [Fact]
    public async Task A_row_edit_made_while_the_update_is_on_its_way_stays_a_change_and_goes_with_the_next_update()
    {
        SalesOrder? order = null;
        var h3yun = new FakeH3Yun()
            .AnswerSuccess(LoadedOrder)
            .AnswerSuccessAfter(() => order!.Lines.Add(new SalesOrder.OrderLine { Product = "Late" }))
            .AnswerSuccess();
        var orders = new SalesOrderRepository(h3yun.CreateClient());
        order = (await orders.LoadAsync(OrderId))!;

        order.Lines.RemoveAt(1);
        await orders.UpdateAsync(order);
        Assert.True(order.HasChanges);
        await orders.UpdateAsync(order);

        JsonAssert.Equivalent(
            """{"D000024FOrderLines":[{"ObjectId":"r-1","F0000011":"Widget","F0000012":2}]}""",
            JsonAssert.BizObjectText(h3yun.Calls[1].Body));
        JsonAssert.Equivalent(
            """{"D000024FOrderLines":[{"ObjectId":"r-1","F0000011":"Widget","F0000012":2},{"F0000011":"Late"}]}""",
            JsonAssert.BizObjectText(h3yun.Calls[2].Body));
        Assert.False(order.HasChanges);
    }

    [Fact]
    public async Task A_row_removed_while_the_update_is_on_its_way_is_removed_by_the_next_update()
    {
        SalesOrder? order = null;
        var h3yun = new FakeH3Yun()
            .AnswerSuccess(LoadedOrder)
            .AnswerSuccessAfter(() => order!.Lines.RemoveAt(1))
            .AnswerSuccess();
        var orders = new SalesOrderRepository(h3yun.CreateClient());
        order = (await orders.LoadAsync(OrderId))!;

        order.Lines[0].Quantity = 3;
        await orders.UpdateAsync(order);
        Assert.True(order.HasChanges);
        await orders.UpdateAsync(order);

        JsonAssert.Equivalent(
            """{"D000024FOrderLines":[{"ObjectId":"r-1","F0000011":"Widget","F0000012":3}]}""",
            JsonAssert.BizObjectText(h3yun.Calls[2].Body));
        Assert.False(order.HasChanges);
    }

    [Fact]
    public async Task A_failed_update_keeps_the_table_changed_so_that_it_is_sent_again()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess(LoadedOrder).AnswerFailure("表单不存在").AnswerSuccess();
        var orders = new SalesOrderRepository(h3yun.CreateClient());
        var order = (await orders.LoadAsync(OrderId))!;

        order.Lines.RemoveAt(0);
        await Assert.ThrowsAsync<H3YunApiException>(() => orders.UpdateAsync(order));
        Assert.True(order.HasChanges);
        await orders.UpdateAsync(order);

        Assert.Equal(JsonAssert.BizObjectText(h3yun.Calls[1].Body), JsonAssert.BizObjectText(h3yun.Calls[2].Body));
        Assert.False(order.HasChanges);
    }

    [Fact]
    public async Task A_record_created_by_this_client_can_change_its_rows_without_loading_them_again()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess("""{"BizObjectId":"new-1"}""").AnswerSuccess();
        var orders = new SalesOrderRepository(h3yun.CreateClient());
        var order = new SalesOrder { OrderNumber = "SO-9" };
        order.Lines.Add(new SalesOrder.OrderLine { Product = "Widget" });
        await orders.CreateAsync(order);
        Assert.False(order.HasChanges);

        order.Lines.Add(new SalesOrder.OrderLine { Product = "Gadget" });
        await orders.UpdateAsync(order);

        Assert.Equal(
            """{"D000024FOrderLines":[{"F0000011":"Widget"},{"F0000011":"Gadget"}]}""",
            JsonAssert.BizObjectText(h3yun.Calls[1].Body));
        Assert.Contains("\"BizObjectId\":\"new-1\"", h3yun.Calls[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_that_a_Select_included_can_be_changed()
    {
        var h3yun = new FakeH3Yun()
            .AnswerSuccess($$$"""{"BizObjectArray":[{"ObjectId":"{{{OrderId}}}","D000024FOrderLines":[{"ObjectId":"r-1","ParentObjectId":"{{{OrderId}}}","F0000011":"Widget"}]}]}""")
            .AnswerSuccess();
        var orders = new SalesOrderRepository(h3yun.CreateClient());
        var order = (await orders.QueryAsync(new H3Query<SalesOrder> { Select = [SalesOrder.Where.OrderNumber] })).Items.Single();

        order.Lines.Add(new SalesOrder.OrderLine { Product = "Gadget" });
        await orders.UpdateAsync(order);

        Assert.Equal(
            """{"D000024FOrderLines":[{"ObjectId":"r-1","F0000011":"Widget"},{"F0000011":"Gadget"}]}""",
            JsonAssert.BizObjectText(h3yun.Calls[1].Body));
    }

    [Fact]
    public async Task After_Clear_a_partly_loaded_record_may_add_rows_because_they_are_the_whole_table()
    {
        var h3yun = new FakeH3Yun()
            .AnswerSuccess($$$"""{"BizObjectArray":[{"ObjectId":"{{{OrderId}}}","F0000001":"SO-1"}]}""")
            .AnswerSuccess();
        var orders = new SalesOrderRepository(h3yun.CreateClient());
        var order = (await orders.QueryAsync(new H3Query<SalesOrder> { Select = [SalesOrder.Where.OrderNumber] })).Items.Single();

        order.Lines.Clear();
        order.Lines.Add(new SalesOrder.OrderLine { Product = "Gadget" });
        await orders.UpdateAsync(order);

        Assert.Equal("""{"D000024FOrderLines":[{"F0000011":"Gadget"}]}""", JsonAssert.BizObjectText(h3yun.Calls[1].Body));
    }

    [Fact]
    public async Task ReplaceWith_says_the_rows_are_the_whole_table_even_of_a_record_made_with_new()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess();
        var changes = new SalesOrder();

        // The generated property is an IList<TRow>; the table behind it is an H3ChildTable<TRow>.
        ((H3ChildTable<SalesOrder.OrderLine>)changes.Lines).ReplaceWith([new SalesOrder.OrderLine { Product = "扇贝" }, new SalesOrder.OrderLine { Product = "虾" }]);
        Assert.True(changes.HasChanges);
        await new SalesOrderRepository(h3yun.CreateClient()).UpdateAsync(OrderId, changes);

        Assert.Equal("""{"D000024FOrderLines":[{"F0000011":"扇贝"},{"F0000011":"虾"}]}""", JsonAssert.BizObjectText(h3yun.Calls.Single().Body));
        Assert.False(changes.HasChanges);
    }

    [Fact]
    public async Task ReplaceWith_on_a_loaded_table_is_a_change_that_keeps_the_ids_of_the_rows_it_keeps()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess(LoadedOrder).AnswerSuccess();
        var orders = new SalesOrderRepository(h3yun.CreateClient());
        var order = (await orders.LoadAsync(OrderId))!;

        var lines = (H3ChildTable<SalesOrder.OrderLine>)order.Lines;
        lines.ReplaceWith([order.Lines[1]]);
        Assert.True(order.HasChanges);
        await orders.UpdateAsync(order);

        Assert.Equal("""{"D000024FOrderLines":[{"ObjectId":"r-2","F0000011":"Gadget","F0000012":1}]}""", JsonAssert.BizObjectText(h3yun.Calls[1].Body));
        Assert.Equal("rows", Assert.Throws<ArgumentNullException>(() => lines.ReplaceWith(null!)).ParamName);
    }

    [Fact]
    public async Task Changing_a_table_that_was_not_loaded_is_refused_with_why_it_was_not_loaded_and_the_fixes()
    {
        const string Tail = ". H3Yun may replace the whole table with the rows sent, which would delete the rows you did not load, so nothing was sent. "
            + "Load the record with its table (no Select, or a Select that includes the table), or say that the rows you give are the whole "
            + "table: assign the table (record.Rows = rows), or call Clear() before adding rows.";
        var h3yun = new FakeH3Yun().AnswerSuccess($$$"""{"BizObjectArray":[{"ObjectId":"{{{OrderId}}}","F0000001":"SO-1"}]}""");
        var orders = new SalesOrderRepository(h3yun.CreateClient());
        var queried = (await orders.QueryAsync(new H3Query<SalesOrder> { Select = [SalesOrder.Where.OrderNumber] })).Items.Single();
        var made = new SalesOrder();

        queried.Lines.Add(new SalesOrder.OrderLine { Product = "扇贝" });
        made.Lines.Add(new SalesOrder.OrderLine { Product = "扇贝" });
        var afterQuery = await Assert.ThrowsAsync<InvalidOperationException>(() => orders.UpdateAsync(queried));
        var afterNew = await Assert.ThrowsAsync<InvalidOperationException>(() => orders.UpdateAsync(OrderId, made));

        Assert.Equal("The child table 'D000024FOrderLines' was changed, but its rows were not loaded (the query's Select did not include the table)" + Tail, afterQuery.Message);
        Assert.Equal("The child table 'D000024FOrderLines' was changed, but its rows were not loaded (the record was made with new, as for UpdateAsync(objectId, changes))" + Tail, afterNew.Message);
        Assert.Single(h3yun.Calls);
    }

    [Fact]
    public void A_table_refuses_null_rows_however_they_are_given()
    {
        var order = new SalesOrder();
        order.Lines.Add(new SalesOrder.OrderLine { Product = "Widget" });
        order.AcceptChanges();

        Assert.Throws<ArgumentNullException>(() => order.Lines.Add(null!));
        Assert.Throws<ArgumentNullException>(() => order.Lines.Insert(0, null!));
        Assert.Throws<ArgumentNullException>(() => order.Lines[0] = null!);
        var assigned = Assert.Throws<ArgumentException>(() => order.Lines = [new SalesOrder.OrderLine(), null!]);
        Assert.Equal("A child table cannot hold a null row. (Parameter 'rows')", assigned.Message);
        Assert.Throws<ArgumentNullException>(() => order.Lines = null!);

        Assert.Equal(["Widget"], order.Lines.Select(static row => row.Product));
        Assert.False(order.HasChanges);
    }
}
