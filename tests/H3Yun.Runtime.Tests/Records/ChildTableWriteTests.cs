namespace H3Yun.Runtime.Tests;

/// <summary>
/// A child table read from H3Yun and written back is unchanged except for what the caller changed: rows keep their
/// ObjectIds and every member H3Yun sent, and a table whose rows were not loaded can never be sent by accident.
/// </summary>
public class ChildTableWriteTests
{
    private const string OrderId = "7d1c0a4e-0000-4000-8000-000000000001";
    private const string UserId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    private static readonly string LoadedOrder = $$$"""
        {"BizObject":{"ObjectId":"{{{OrderId}}}","F0000001":"SO-1",
          "D000024FOrderLines":[
            {"ObjectId":"r-1","ParentObjectId":"{{{OrderId}}}","ParentPropertyName":"D000024FOrderLines","ParentIndex":0,"Name":null,
             "F0000011":"Widget","F0000012":2,"F0000013":3.5,
             "F0000099":"added in H3Yun after the schema was exported","F0000098":"张三","F0000098Object":{"ObjectId":"{{{UserId}}}","Name":"张三"},
             "F0000097":[{"ObjectId":"att-1","FileName":"a.pdf","ContentType":"application/pdf"}],"F0000096":7,"F0000095":["A","B"]},
            {"ObjectId":"r-2","ParentObjectId":"{{{OrderId}}}","Name":null,"F0000011":"Gadget","F0000012":1}
          ]}}
        """;

    [Fact]
    public async Task Changing_one_row_resends_every_row_with_its_ObjectId_and_the_members_the_schema_does_not_list()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess(LoadedOrder).AnswerSuccess();
        var orders = new SalesOrderRepository(h3yun.CreateClient());
        var order = (await orders.LoadAsync(OrderId))!;

        order.Lines[1].Quantity = 5;
        await orders.UpdateAsync(order);

        JsonAssert.Equivalent(
            $$$"""
            {"D000024FOrderLines":[
              {"ObjectId":"r-1","F0000011":"Widget","F0000012":2,"F0000013":3.5,
               "F0000099":"added in H3Yun after the schema was exported","F0000098":"{{{UserId}}}","F0000096":7,"F0000095":"A;B"},
              {"ObjectId":"r-2","F0000011":"Gadget","F0000012":5}]}
            """,
            JsonAssert.Parse(h3yun.Calls[1].Body)["BizObject"]!.ToJsonString());
    }

    [Fact]
    public async Task A_row_keeps_what_H3Yun_sent_for_the_caller_to_see()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess(LoadedOrder);
        var order = (await new SalesOrderRepository(h3yun.CreateClient()).LoadAsync(OrderId))!;

        Assert.Equal("r-1", order.Lines[0].ObjectId);
        Assert.Equal(OrderId, order.Lines[0].ParentObjectId);
        Assert.Equal(
            ["F0000099", "F0000098", "F0000098Object", "F0000097", "F0000096", "F0000095"],
            order.Lines[0].UnknownMembers.Select(m => m.Key));
        Assert.Empty(order.Lines[1].UnknownMembers);
    }

    [Fact]
    public async Task Rows_of_a_new_record_or_rows_copied_from_another_record_are_sent_as_new_rows()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess(LoadedOrder).AnswerSuccess("""{"BizObjectId":"new"}""").AnswerSuccess();
        var orders = new SalesOrderRepository(h3yun.CreateClient());
        var loaded = (await orders.LoadAsync(OrderId))!;

        var copy = new SalesOrder { OrderNumber = "SO-2" };
        copy.Lines.Add(loaded.Lines[1]);
        await orders.CreateAsync(copy);
        var other = new SalesOrder { OrderNumber = "SO-3" };
        other.Lines = [loaded.Lines[1]];
        await orders.UpdateAsync("another-record", other);

        Assert.DoesNotContain("r-2", h3yun.Calls[1].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("r-2", h3yun.Calls[2].Body, StringComparison.Ordinal);
        Assert.Contains("Gadget", h3yun.Calls[2].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_a_row_to_a_table_that_a_Select_left_out_is_refused_before_anything_is_sent()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess($$$"""{"BizObjectArray":[{"ObjectId":"{{{OrderId}}}","F0000001":"SO-1"}]}""");
        var orders = new SalesOrderRepository(h3yun.CreateClient());
        var order = (await orders.QueryAsync(new H3Query<SalesOrder> { Select = [SalesOrder.Where.OrderNumber] })).Items.Single();

        order.Lines.Add(new SalesOrder.OrderLine { Product = "扇贝" });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => orders.UpdateAsync(order));

        Assert.Contains("'D000024FOrderLines'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Select", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was sent", error.Message, StringComparison.Ordinal);
        Assert.Single(h3yun.Calls);
    }

    [Fact]
    public async Task Adding_a_row_to_a_record_made_for_UpdateAsync_by_id_is_refused_before_anything_is_sent()
    {
        var h3yun = new FakeH3Yun();
        var orders = new SalesOrderRepository(h3yun.CreateClient());
        var changes = new SalesOrder { Paid = true };
        changes.Lines.Add(new SalesOrder.OrderLine { Product = "扇贝" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => orders.UpdateAsync(OrderId, changes));

        Assert.Contains("made with new", error.Message, StringComparison.Ordinal);
        Assert.Empty(h3yun.Calls);
        Assert.True(changes.HasChanges);
    }

    public static TheoryData<string, Action<SalesOrder>> WholeTableStatements => new()
    {
        { "assign the table", order => order.Lines = [new SalesOrder.OrderLine { Product = "扇贝" }] },
        { "Clear, then Add", order => { order.Lines.Clear(); order.Lines.Add(new SalesOrder.OrderLine { Product = "扇贝" }); } },
    };

    [Theory]
    [MemberData(nameof(WholeTableStatements))]
    public async Task Saying_that_the_rows_are_the_whole_table_sends_them(string statement, Action<SalesOrder> replaceRows)
    {
        var h3yun = new FakeH3Yun().AnswerSuccess();
        var orders = new SalesOrderRepository(h3yun.CreateClient());
        var changes = new SalesOrder();

        replaceRows(changes);
        await orders.UpdateAsync(OrderId, changes);

        Assert.False(string.IsNullOrEmpty(statement));
        JsonAssert.Equivalent("""{"D000024FOrderLines":[{"F0000011":"扇贝"}]}""", JsonAssert.Parse(h3yun.Calls.Single().Body)["BizObject"]!.ToJsonString());
    }

    [Fact]
    public async Task Clearing_a_table_that_was_not_loaded_sends_it_empty()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess();
        var changes = new SalesOrder();

        changes.Lines.Clear();
        await new SalesOrderRepository(h3yun.CreateClient()).UpdateAsync(OrderId, changes);

        Assert.Equal("""{"D000024FOrderLines":[]}""", JsonAssert.Parse(h3yun.Calls.Single().Body)["BizObject"]!.ToJsonString());
    }

    [Fact]
    public async Task A_field_assigned_while_an_update_is_on_its_way_is_sent_by_the_next_update()
    {
        SalesOrder? order = null;
        var h3yun = new FakeH3Yun()
            .AnswerSuccess(LoadedOrder)
            .AnswerSuccessAfter(() =>
            {
                order!.OrderNumber = "SO-1b";
                order.Lines[0].Quantity = 9;
            })
            .AnswerSuccess();
        var orders = new SalesOrderRepository(h3yun.CreateClient());
        order = (await orders.LoadAsync(OrderId))!;

        order.Paid = true;
        await orders.UpdateAsync(order);
        Assert.True(order.HasChanges);
        await orders.UpdateAsync(order);

        var second = JsonAssert.Parse(h3yun.Calls[2].Body)["BizObject"]!;
        Assert.Equal("SO-1b", (string?)second["F0000001"]);
        Assert.Null(second["F0000005"]);
        Assert.Equal(9m, (decimal?)second["D000024FOrderLines"]![0]!["F0000012"]);
        Assert.False(order.HasChanges);
    }
}
