namespace H3Yun.Runtime.Tests;

/// <summary>Every H3Yun control, exactly as the wire carries it: the write format, and liberal reads.</summary>
public class FieldTypeTests
{
    private const string CustomerId = "c0000000-0000-4000-8000-000000000001";

    [Fact]
    public async Task Every_writable_control_is_written_in_H3Yuns_format()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess("""{"BizObjectId":"new"}""");
        var record = EveryWritableField();

        await new AllTypesRepository(h3yun.CreateClient()).CreateAsync(record);

        Assert.Equal(
            """{"F0000001":"短","F0000002":"第一行\n第二行","F0000003":"绿","F0000004":"高","F0000005":"周一;周五","F0000006":1234.5678,"F0000007":42,"F0000008":9007199254740993,"F0000009":"2026-11-28 09:05:00","F0000010":true,"F0000011":"u-1","F0000012":"u-1;u-2","F0000013":"d-1","F0000014":"c0000000-0000-4000-8000-000000000001","F0000015":"c0000000-0000-4000-8000-000000000001;c-2","F0000016":"{\"adcode\":\"440305\",\"adname\":\"广东省 深圳市 南山区\",\"Detail\":\"科兴科学园B1栋\"}","F0000017":"{\"Address\":\"深圳湾\",\"Point\":{\"lat\":22.547421,\"lng\":113.944386}}","D000024FAllTypesRows":[{"F0000031":"螺丝","F0000032":"B","F0000033":2.5,"F0000034":"2026-01-02 00:00:00","F0000035":"u-2","F0000036":"c-2"}]}""",
            JsonAssert.BizObjectText(h3yun.Calls.Single().Body));
    }

    [Fact]
    public async Task What_is_written_reads_back_as_the_same_values()
    {
        var written = new FakeH3Yun().AnswerSuccess("""{"BizObjectId":"new"}""");
        await new AllTypesRepository(written.CreateClient()).CreateAsync(EveryWritableField());
        var bizObject = JsonAssert.Parse(written.Calls.Single().Body)["BizObject"]!.ToJsonString();

        var read = new FakeH3Yun().AnswerSuccess($$"""{"BizObject":{{bizObject}}}""");
        var loaded = (await new AllTypesRepository(read.CreateClient()).LoadAsync("new"))!;

        var expected = EveryWritableField();
        Assert.Equal(expected.ShortText, loaded.ShortText);
        Assert.Equal(expected.LongText, loaded.LongText);
        Assert.Equal(AllTypes.ColourOption.绿, loaded.Colour);
        Assert.Equal(AllTypes.PriorityOption.高, loaded.Priority);
        Assert.Equal([AllTypes.DaysOption.周一, AllTypes.DaysOption.周五], loaded.Days);
        Assert.Equal(expected.Amount, loaded.Amount);
        Assert.Equal(expected.Count, loaded.Count);
        Assert.Equal(expected.BigCount, loaded.BigCount);
        Assert.Equal(expected.DueDate, loaded.DueDate);
        Assert.Equal(expected.Done, loaded.Done);
        Assert.Equal(expected.Owner, loaded.Owner);
        Assert.Equal(expected.Reviewers, loaded.Reviewers);
        Assert.Equal(expected.Customer, loaded.Customer);
        Assert.Equal(expected.RelatedCustomers, loaded.RelatedCustomers);
        Assert.Equal(expected.Address, loaded.Address);
        Assert.Equal(expected.Location, loaded.Location);
        var row = Assert.Single(loaded.Rows);
        Assert.Equal(("螺丝", AllTypes.Row.GradeOption.B, 2.5m, new DateTime(2026, 1, 2)), (row.Item, row.Grade, row.Quantity, row.Date));
        Assert.False(loaded.HasChanges);
    }

    [Fact]
    public async Task An_option_text_the_schema_does_not_know_stays_readable_and_writable()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess("""{"BizObject":{"ObjectId":"id","F0000003":"紫","F0000005":"周一;周日"}}""").AnswerSuccess();
        var records = new AllTypesRepository(h3yun.CreateClient());

        var loaded = (await records.LoadAsync("id"))!;
        Assert.Null(loaded.Colour);
        Assert.Equal("紫", loaded.ColourText);
        Assert.Equal([AllTypes.DaysOption.周一], loaded.Days);
        Assert.Equal(["周一", "周日"], loaded.DaysTexts);

        loaded.ColourText = "橙";
        await records.UpdateAsync(loaded);
        Assert.Equal("""{"F0000003":"橙"}""", JsonAssert.BizObjectText(h3yun.Calls[1].Body));
    }

    [Theory]
    [InlineData("\"2026/11/8 9:05:00\"")]
    [InlineData("\"2026-11-08 09:05:00\"")]
    [InlineData("\"2026-11-08T09:05:00\"")]
    [InlineData("\"2026-11-08T09:05:00+08:00\"")]
    [InlineData("\"2026/11/8 9:05\"")]
    public async Task Dates_are_read_in_every_known_format_without_shifting_the_clock(string wireValue)
    {
        var loaded = await LoadAsync($$"""{"F0000009":{{wireValue}}}""");

        Assert.Equal(new DateTime(2026, 11, 8, 9, 5, 0), loaded.DueDate);
        Assert.Equal(DateTimeKind.Unspecified, loaded.DueDate!.Value.Kind);
    }

    [Fact]
    public async Task A_date_alone_reads_as_midnight()
    {
        Assert.Equal(new DateTime(2026, 11, 8), (await LoadAsync("""{"F0000009":"2026-11-08"}""")).DueDate);
    }

    [Fact]
    public async Task Numbers_booleans_and_lists_are_read_in_either_shape()
    {
        var asStrings = await LoadAsync("""{"F0000006":"12.5","F0000007":"7","F0000008":"9007199254740993","F0000010":"false","F0000012":"u-1;u-2","F0000015":"c-1;c-2"}""");
        var asValues = await LoadAsync("""{"F0000006":12.5,"F0000007":7,"F0000008":9007199254740993,"F0000010":false,"F0000012":["u-1","u-2"],"F0000015":["c-1","c-2"]}""");

        foreach (var loaded in new[] { asStrings, asValues })
        {
            Assert.Equal(12.5m, loaded.Amount);
            Assert.Equal(7, loaded.Count);
            Assert.Equal(9007199254740993L, loaded.BigCount);
            Assert.False(loaded.Done);
            Assert.Equal(["u-1", "u-2"], loaded.Reviewers);
            Assert.Equal(["c-1", "c-2"], loaded.RelatedCustomers!.Select(r => r.ObjectId));
        }
    }

    [Fact]
    public async Task Null_and_empty_values_read_as_no_value()
    {
        var loaded = await LoadAsync("""{"F0000001":null,"F0000006":"","F0000009":"","F0000010":null,"F0000012":null,"F0000016":"{\"adcode\":\"\",\"adname\":\"\",\"Detail\":\"\"}","F0000017":null,"F0000018":null}""");

        Assert.Null(loaded.ShortText);
        Assert.Null(loaded.Amount);
        Assert.Null(loaded.DueDate);
        Assert.Null(loaded.Done);
        Assert.Null(loaded.Reviewers);
        Assert.Null(loaded.Address);
        Assert.Null(loaded.Location);
        Assert.Empty(loaded.Files);
    }

    [Fact]
    public async Task People_keep_both_the_id_and_the_display_name_when_the_read_carries_them()
    {
        var loaded = await LoadAsync("""
            {"F0000011":"张三","F0000011Object":{"ObjectId":"u-1","Name":"张三"},
             "F0000012":[{"ObjectId":"u-1","Name":"张三"},{"ObjectId":"u-2","Name":"李四"}],
             "F0000013":{"ObjectId":"d-1","Name":"研发部"}}
            """);

        Assert.Equal(new H3Unit("u-1", "张三"), loaded.OwnerObject);
        Assert.Equal(["u-1", "u-2"], loaded.Reviewers);
        Assert.Equal([new H3Unit("u-1", "张三"), new H3Unit("u-2", "李四")], loaded.ReviewersObjects);
        Assert.Equal("d-1", loaded.Department);
        Assert.Equal(new H3Unit("d-1", "研发部"), loaded.DepartmentObject);
    }

    [Fact]
    public async Task Attachments_and_formulas_are_read_but_never_written()
    {
        var h3yun = new FakeH3Yun()
            .AnswerSuccess("""{"BizObject":{"ObjectId":"id","F0000018":[{"ObjectId":"a-1","FileName":"合同.pdf","ContentType":"application/pdf","FileSize":2048}],"F0000019":"i-1;i-2","F0000020":99.5}}""")
            .AnswerSuccess();
        var records = new AllTypesRepository(h3yun.CreateClient());

        var loaded = (await records.LoadAsync("id"))!;
        loaded.ShortText = "changed";
        await records.UpdateAsync(loaded);

        Assert.Equal(new H3Attachment("a-1", "合同.pdf", "application/pdf", 2048), Assert.Single(loaded.Files));
        Assert.Equal(["i-1", "i-2"], loaded.Photos.Select(p => p.ObjectId));
        Assert.Equal(99.5m, loaded.Total);
        Assert.Equal("""{"F0000001":"changed"}""", JsonAssert.BizObjectText(h3yun.Calls[1].Body));
    }

    [Fact]
    public async Task Server_owned_system_fields_are_never_written_and_writable_ones_only_when_assigned()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess("""{"BizObjectId":"new"}""");

        await new AllTypesRepository(h3yun.CreateClient()).CreateAsync(new AllTypes { OwnerId = "u-9", Name = "标题" });

        Assert.Equal("""{"Name":"标题","OwnerId":"u-9"}""", JsonAssert.BizObjectText(h3yun.Calls.Single().Body));
    }

    private static async Task<AllTypes> LoadAsync(string record)
    {
        var h3yun = new FakeH3Yun().AnswerSuccess($$"""{"BizObject":{{record}}}""");
        return (await new AllTypesRepository(h3yun.CreateClient()).LoadAsync("id"))!;
    }

    private static AllTypes EveryWritableField()
    {
        var record = new AllTypes
        {
            ShortText = "短",
            LongText = "第一行\n第二行",
            Colour = AllTypes.ColourOption.绿,
            Priority = AllTypes.PriorityOption.高,
            Days = [AllTypes.DaysOption.周一, AllTypes.DaysOption.周五],
            Amount = 1234.5678m,
            Count = 42,
            BigCount = 9007199254740993L,
            DueDate = new DateTime(2026, 11, 28, 9, 5, 0),
            Done = true,
            Owner = "u-1",
            Reviewers = ["u-1", "u-2"],
            Department = "d-1",
            Customer = new H3Ref<Customer>(CustomerId),
            RelatedCustomers = [new H3Ref<Customer>(CustomerId), new H3Ref<Customer>("c-2")],
            Address = new H3Address("440305", "广东省 深圳市 南山区", "科兴科学园B1栋"),
            Location = new H3Location("深圳湾", new H3GeoPoint(22.547421m, 113.944386m)),
        };
        record.Rows.Add(new AllTypes.Row
        {
            Item = "螺丝",
            Grade = AllTypes.Row.GradeOption.B,
            Quantity = 2.5m,
            Date = new DateTime(2026, 1, 2),
            Handler = "u-2",
            Customer = new H3Ref<Customer>("c-2"),
        });
        return record;
    }
}
