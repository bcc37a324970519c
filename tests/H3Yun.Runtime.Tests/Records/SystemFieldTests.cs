namespace H3Yun.Runtime.Tests;

/// <summary>
/// The system fields every form has: the server-owned ones are read in every shape and never sent; the four the
/// caller may set are sent exactly when assigned, as ids.
/// </summary>
public class SystemFieldTests
{
    [Fact]
    public async Task Every_system_field_is_read_with_its_id_and_display_name()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess("""
            {"BizObject":{"ObjectId":"b-1","Name":"标题","SeqNo":7,"Status":"2","WorkflowInstanceId":"wf-1",
              "CreatedBy":{"ObjectId":"u-1","Name":"张三"},
              "OwnerId":"李四","OwnerIdObject":{"ObjectId":"u-2","Name":"李四"},
              "OwnerDeptIdObject":{"ObjectId":"d-1","Name":"深圳"},"OwnerDeptId":"深圳",
              "ModifiedBy":"王五","ModifiedByObject":{"ObjectId":"u-3","Name":"王五"},
              "CreatedTime":"2021/11/5 7:41:11","ModifiedTime":"2021-11-15T09:41:11Z"}}
            """);

        var record = (await new AllTypesRepository(h3yun.CreateClient()).LoadAsync("b-1"))!;

        Assert.Equal(("b-1", "标题", "7", BizObjectStatus.Running, "wf-1"), (record.ObjectId, record.Name, record.SeqNo, record.Status, record.WorkflowInstanceId));
        Assert.Equal(("u-1", new H3Unit("u-1", "张三")), (record.CreatedBy, record.CreatedByObject));
        Assert.Equal(("u-2", new H3Unit("u-2", "李四")), (record.OwnerId, record.OwnerIdObject));
        Assert.Equal(("d-1", new H3Unit("d-1", "深圳")), (record.OwnerDeptId, record.OwnerDeptIdObject));
        Assert.Equal(("u-3", new H3Unit("u-3", "王五")), (record.ModifiedBy, record.ModifiedByObject));
        Assert.Equal(new DateTime(2021, 11, 5, 7, 41, 11), record.CreatedTime);
        Assert.Equal(new DateTime(2021, 11, 15, 17, 41, 11), record.ModifiedTime);
        Assert.False(record.HasChanges);
    }

    [Fact]
    public async Task The_settable_system_fields_are_sent_as_ids_only_when_assigned_and_the_others_never()
    {
        var h3yun = new FakeH3Yun()
            .AnswerSuccess("""{"BizObject":{"ObjectId":"b-1","Name":"标题","CreatedBy":"张三","OwnerId":"李四","OwnerDeptId":"深圳","ModifiedBy":"王五","Status":1}}""")
            .AnswerSuccess()
            .AnswerSuccess();
        var records = new AllTypesRepository(h3yun.CreateClient());
        var record = (await records.LoadAsync("b-1"))!;

        record.CreatedBy = "u-1";
        record.OwnerDeptId = "d-1";
        await records.UpdateAsync(record);
        record.Name = null;
        record.OwnerId = "u-2";
        await records.UpdateAsync(record);

        Assert.Equal("""{"CreatedBy":"u-1","OwnerDeptId":"d-1"}""", JsonAssert.BizObjectText(h3yun.Calls[1].Body));
        Assert.Equal("""{"Name":null,"OwnerId":"u-2"}""", JsonAssert.BizObjectText(h3yun.Calls[2].Body));
        Assert.Equal(("u-1", null), (record.CreatedBy, record.CreatedByObject));
    }

    [Fact]
    public async Task A_record_created_without_a_workflow_says_so()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess("""{"BizObjectId":"b-9","WorkflowInstanceId":""}""");
        var record = new AllTypes { ShortText = "x" };

        var created = await new AllTypesRepository(h3yun.CreateClient()).CreateAsync(record);

        Assert.Equal(new CreatedRecord("b-9", ""), created);
        Assert.Equal(("b-9", ""), (record.ObjectId, record.WorkflowInstanceId));
    }
}
