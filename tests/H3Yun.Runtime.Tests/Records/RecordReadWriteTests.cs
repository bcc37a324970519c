namespace H3Yun.Runtime.Tests;

/// <summary>What a record sends (only what was assigned) and how it reads H3Yun's answers (liberally).</summary>
public class RecordReadWriteTests
{
    private const string LoadedOrder = """
        {"BizObject":{
            "ObjectId":"7d1c0a4e-0000-4000-8000-000000000001","Name":"SO-1","SeqNo":"202600000007","Status":1,
            "CreatedBy":"张三","CreatedByObject":{"ObjectId":"u-1","Name":"张三"},
            "OwnerId":"张三","OwnerIdObject":{"ObjectId":"u-1","Name":"张三"},
            "OwnerDeptId":"深圳公司","OwnerDeptIdObject":{"ObjectId":"d-1","Name":"深圳公司"},
            "CreatedTime":"2021/11/5 7:41:11","ModifiedTime":"2021-11-15 17:41:11","ModifiedBy":"System","WorkflowInstanceId":"",
            "F0000001":"SO-1","F0000002":"c-9","F0000003":"2024/5/1 9:30:00","F0000004":"7000","F0000005":"true","F0000006":null,"F0000007":12,
            "Unknown":{"nested":true},
            "D000024FOrderLines":[
                {"ObjectId":"r-1","ParentObjectId":"7d1c0a4e-0000-4000-8000-000000000001","Name":null,"F0000011":"Widget","F0000012":"2","F0000013":3.5},
                {"ObjectId":"r-2","ParentObjectId":"7d1c0a4e-0000-4000-8000-000000000001","Name":null,"F0000011":"Gadget","F0000012":1}
            ]}}
        """;

    [Fact]
    public async Task A_new_record_sends_only_the_fields_that_were_assigned()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess("""{"BizObjectId":"new-id"}""");
        var orders = new SalesOrderRepository(h3yun.CreateClient());

        var order = new SalesOrder { OrderNumber = "SO-1", Amount = 12.50m, OrderDate = new DateTime(2024, 5, 1, 9, 30, 0) };
        var created = await orders.CreateAsync(order);

        var bizObject = JsonAssert.Parse(h3yun.Calls.Single().Body)["BizObject"]!;
        Assert.Equal("""{"F0000001":"SO-1","F0000003":"2024-05-01 09:30:00","F0000004":12.50}""", bizObject.ToJsonString());
        Assert.Equal("new-id", created.ObjectId);
        Assert.Equal("new-id", order.ObjectId);
        Assert.False(order.HasChanges);
    }

    [Fact]
    public async Task Assigning_null_clears_a_field_on_purpose()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess();
        var orders = new SalesOrderRepository(h3yun.CreateClient());

        await orders.UpdateAsync("id-1", new SalesOrder { 备注 = null, Paid = false });

        Assert.Equal("""{"F0000005":false,"F0000006":null}""", JsonAssert.Parse(h3yun.Calls.Single().Body)["BizObject"]!.ToJsonString());
    }

    [Fact]
    public async Task A_loaded_record_reads_the_real_read_format_liberally()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess(LoadedOrder);
        var orders = new SalesOrderRepository(h3yun.CreateClient());

        var order = await orders.LoadAsync("7d1c0a4e-0000-4000-8000-000000000001");

        Assert.NotNull(order);
        Assert.Equal("7d1c0a4e-0000-4000-8000-000000000001", order.ObjectId);
        Assert.Equal(BizObjectStatus.Effective, order.Status);
        Assert.Equal("u-1", order.CreatedBy);
        Assert.Equal(new H3Unit("u-1", "张三"), order.CreatedByObject);
        Assert.Equal(new H3Unit("d-1", "深圳公司"), order.OwnerDeptIdObject);
        Assert.Equal(new DateTime(2021, 11, 5, 7, 41, 11), order.CreatedTime);
        Assert.Equal(new DateTime(2021, 11, 15, 17, 41, 11), order.ModifiedTime);
        Assert.Equal(new DateTime(2024, 5, 1, 9, 30, 0), order.OrderDate);
        Assert.Equal(7000m, order.Amount);
        Assert.True(order.Paid);
        Assert.Null(order.备注);
        Assert.Equal(12, order.TotalQuantity);
        Assert.Equal("202600000007", order.SeqNo);
        Assert.Equal(["Widget", "Gadget"], order.Lines.Select(l => l.Product));
        Assert.Equal(2, order.Lines[0].Quantity);
        Assert.Equal("7d1c0a4e-0000-4000-8000-000000000001", order.Lines[0].ParentObjectId);
        Assert.False(order.HasChanges);
    }

    [Fact]
    public async Task Updating_a_loaded_record_sends_the_assigned_fields_and_never_the_server_owned_ones()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess(LoadedOrder).AnswerSuccess();
        var orders = new SalesOrderRepository(h3yun.CreateClient());
        var order = (await orders.LoadAsync("7d1c0a4e-0000-4000-8000-000000000001"))!;

        order.Paid = false;
        await orders.UpdateAsync(order);

        var update = JsonAssert.Parse(h3yun.Calls[1].Body);
        Assert.Equal("7d1c0a4e-0000-4000-8000-000000000001", update["BizObjectId"]!.GetValue<string>());
        Assert.Equal("""{"F0000005":false}""", update["BizObject"]!.ToJsonString());
        Assert.False(order.HasChanges);
    }

    [Fact]
    public async Task Changing_a_child_row_sends_the_whole_table_with_every_value_it_had()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess(LoadedOrder).AnswerSuccess();
        var orders = new SalesOrderRepository(h3yun.CreateClient());
        var order = (await orders.LoadAsync("7d1c0a4e-0000-4000-8000-000000000001"))!;

        order.Lines[1].Quantity = 5;
        await orders.UpdateAsync(order);

        Assert.Equal(
            """{"D000024FOrderLines":[{"F0000011":"Widget","F0000012":2,"F0000013":3.5,"ObjectId":"r-1"},{"F0000011":"Gadget","F0000012":5,"ObjectId":"r-2"}]}""",
            JsonAssert.Parse(h3yun.Calls[1].Body)["BizObject"]!.ToJsonString());
    }

    [Fact]
    public async Task An_update_without_changes_sends_nothing()
    {
        var h3yun = new FakeH3Yun();
        var orders = new SalesOrderRepository(h3yun.CreateClient());

        await orders.UpdateAsync("id-1", new SalesOrder());

        Assert.Empty(h3yun.Calls);
    }

    [Fact]
    public async Task A_value_that_does_not_fit_its_field_names_the_field_the_action_and_the_form()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess("""{"BizObject":{"F0000004":"lots"}}""");
        var orders = new SalesOrderRepository(h3yun.CreateClient());

        var error = await Assert.ThrowsAsync<H3YunProtocolException>(() => orders.LoadAsync("id-1"));

        Assert.Equal("LoadBizObject", error.ActionName);
        Assert.Equal(SalesOrder.SchemaCode, error.SchemaCode);
        Assert.Contains("F0000004", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"lots\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_pages_carry_the_total_count_when_asked()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess("""{"BizObjectArray":[{"F0000001":"A"},{"F0000001":"B"}],"TotalCount":"42"}""");
        var orders = new SalesOrderRepository(h3yun.CreateClient());

        var page = await orders.QueryAsync(new H3Query<SalesOrder> { Where = SalesOrder.Where.Paid.EqualTo(true), ToRowNum = 2, RequireCount = true });

        Assert.Equal(["A", "B"], page.Items.Select(o => o.OrderNumber));
        Assert.Equal(42, page.TotalCount);
        Assert.False(page.IsLastPage);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10, 5)]
    [InlineData(0, 501)]
    [InlineData(-1, 10)]
    public async Task A_window_outside_1_to_500_rows_fails_before_any_request(int from, int to)
    {
        var h3yun = new FakeH3Yun();
        var orders = new SalesOrderRepository(h3yun.CreateClient());

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => orders.QueryAsync(new H3Query<SalesOrder> { FromRowNum = from, ToRowNum = to }));

        Assert.Empty(h3yun.Calls);
    }
}
