using System.Text.Json.Nodes;

namespace H3Yun.Runtime.Tests;

/// <summary>A class of the user's own mapped with [H3Form]/[H3Field]: the generator implements it like a generated model.</summary>
public class MappedClassTests
{
    [Fact]
    public async Task A_mapped_class_sends_only_the_properties_that_were_assigned()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess("""{"BizObjectId":"new-id"}""");
        var orders = new OrderSummaryRepository(h3yun.CreateClient());

        var created = await orders.CreateAsync(new OrderSummary { Number = "SO-1", Amount = 12.50m });

        var call = h3yun.Calls.Single();
        Assert.Equal("D000024SalesOrder", JsonAssert.Parse(call.Body)["SchemaCode"]!.GetValue<string>());
        Assert.Equal("""{"F0000001":"SO-1","F0000004":12.50}""", JsonAssert.Parse(call.Body)["BizObject"]!.ToJsonString());
        Assert.Equal("new-id", created.ObjectId);
    }

    [Fact]
    public async Task A_mapped_class_reads_its_fields_and_then_sends_only_changes()
    {
        var h3yun = new FakeH3Yun()
            .AnswerSuccess("""{"BizObject":{"ObjectId":"id-1","F0000001":"SO-1","F0000003":"2024/5/1 9:30:00","F0000004":"7000","F0000005":"true","F0000006":"ignored"}}""")
            .AnswerSuccess();
        var orders = new OrderSummaryRepository(h3yun.CreateClient());

        var order = await orders.LoadAsync("id-1");
        Assert.NotNull(order);
        Assert.Equal(("SO-1", 7000m, true, new DateTime(2024, 5, 1, 9, 30, 0)), (order.Number, order.Amount, order.Paid, order.Ordered));
        Assert.False(order.HasChanges);

        order.Paid = false;
        await orders.UpdateAsync(order);

        Assert.Equal("""{"F0000005":false}""", JsonAssert.Parse(h3yun.Calls[1].Body)["BizObject"]!.ToJsonString());
    }

    [Fact]
    public async Task A_mapped_class_writes_options_people_departments_addresses_and_locations_by_their_codes()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess("""{"BizObjectId":"new-id"}""");
        var records = new KindsViewRepository(h3yun.CreateClient());

        await records.CreateAsync(new KindsView
        {
            Colour = "绿",
            Days = ["周五", "周一"],
            Owner = "u-1",
            Reviewers = ["u-2", "u-3"],
            Department = "d-1",
            Address = new H3Address("440305", "广东省 深圳市 南山区", "科技园"),
            Location = new H3Location("深圳湾公园", new H3GeoPoint(22.523m, 113.951m)),
        });

        // The BizObject is JSON in a string, and so are an address and a location inside it (docs/protocol.md).
        static JsonNode Unwrapped(JsonNode node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? JsonNode.Parse(text)! : node;
        var sent = Unwrapped(JsonAssert.Parse(h3yun.Calls.Single().Body)["BizObject"]!);
        Assert.Equal("绿", sent["F0000003"]!.GetValue<string>());
        Assert.Equal("周五;周一", sent["F0000005"]!.GetValue<string>());
        Assert.Equal("u-1", sent["F0000011"]!.GetValue<string>());
        Assert.Equal("u-2;u-3", sent["F0000012"]!.GetValue<string>());
        Assert.Equal("d-1", sent["F0000013"]!.GetValue<string>());
        var address = Unwrapped(sent["F0000016"]!);
        Assert.Equal(("440305", "广东省 深圳市 南山区", "科技园"), (address["adcode"]!.GetValue<string>(), address["adname"]!.GetValue<string>(), address["Detail"]!.GetValue<string>()));
        var location = Unwrapped(sent["F0000017"]!);
        Assert.Equal(("深圳湾公园", 22.523m, 113.951m), (location["Address"]!.GetValue<string>(), location["Point"]!["lat"]!.GetValue<decimal>(), location["Point"]!["lng"]!.GetValue<decimal>()));
        Assert.Equal(7, sent.AsObject().Count);
    }

    [Theory]
    [InlineData("""{"F0000011":{"ObjectId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","Name":"张三"},"F0000014":{"ObjectId":"c-1","Name":"客户甲"}}""")]
    [InlineData("""{"F0000011":"张三","F0000011Object":{"ObjectId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","Name":"张三"},"F0000014":"c-1"}""")]
    public async Task A_mapped_person_or_association_reads_the_id_whichever_shape_H3Yun_answers(string fields)
    {
        var h3yun = new FakeH3Yun().AnswerSuccess($$$"""{"BizObject":{"ObjectId":"id-1",{{{fields[1..^1]}}}}}""");

        var record = await new PeopleViewRepository(h3yun.CreateClient()).LoadAsync("id-1");

        Assert.Equal(("3f2504e0-4f89-41d3-9a0c-0305e82c3301", "c-1"), (record!.Owner, record.Customer));
    }
}

public class MappedInstantTests
{
    [Fact]
    public async Task A_date_mapped_as_an_instant_reads_with_Chinas_offset_and_writes_China_time()
    {
        var h3yun = new FakeH3Yun()
            .AnswerSuccess("""{"BizObject":{"ObjectId":"id-1","F0000003":"2024/5/1 9:30:00"}}""")
            .AnswerSuccess();
        var orders = new OrderInstantRepository(h3yun.CreateClient());

        var order = (await orders.LoadAsync("id-1"))!;
        var read = order.Ordered;
        order.Ordered = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await orders.UpdateAsync(order);

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 9, 30, 0, TimeSpan.FromHours(8)), read);
        Assert.Equal(TimeSpan.FromHours(8), read!.Value.Offset);
        Assert.Equal("""{"F0000003":"2026-01-01 08:00:00"}""", JsonAssert.Parse(h3yun.Calls[1].Body)["BizObject"]!.ToJsonString());
    }
}

/// <summary>下单日期 of 销售订单 as an instant.</summary>
[H3Form("D000024SalesOrder")]
public partial class OrderInstant
{
    /// <summary>下单日期.</summary>
    [H3Field("F0000003")]
    public partial DateTimeOffset? Ordered { get; set; }
}

/// <summary>Fields of 全部控件 of the kinds a mapped class writes through their codes: option texts, people, departments, places.</summary>
[H3Form("D000024AllTypes")]
public partial class KindsView
{
    /// <summary>单选框.</summary>
    [H3Field("F0000003")]
    public partial string? Colour { get; set; }

    /// <summary>复选框.</summary>
    [H3Field("F0000005")]
    public partial IReadOnlyList<string>? Days { get; set; }

    /// <summary>人员单选.</summary>
    [H3Field("F0000011")]
    public partial string? Owner { get; set; }

    /// <summary>人员多选.</summary>
    [H3Field("F0000012")]
    public partial IReadOnlyList<string>? Reviewers { get; set; }

    /// <summary>部门单选.</summary>
    [H3Field("F0000013")]
    public partial string? Department { get; set; }

    /// <summary>地址.</summary>
    [H3Field("F0000016")]
    public partial H3Address? Address { get; set; }

    /// <summary>位置.</summary>
    [H3Field("F0000017")]
    public partial H3Location? Location { get; set; }
}

/// <summary>The people and association fields of 全部控件, as ids.</summary>
[H3Form("D000024AllTypes")]
public partial class PeopleView
{
    /// <summary>人员单选.</summary>
    [H3Field("F0000011")]
    public partial string? Owner { get; set; }

    /// <summary>关联表单.</summary>
    [H3Field("F0000014")]
    public partial string? Customer { get; set; }
}

/// <summary>An order as a report sees it: four fields of 销售订单 under names of its own.</summary>
[H3Form("D000024SalesOrder")]
public partial class OrderSummary
{
    /// <summary>订单编号.</summary>
    [H3Field("F0000001")]
    public partial string? Number { get; set; }

    /// <summary>金额.</summary>
    [H3Field("F0000004")]
    public partial decimal? Amount { get; set; }

    /// <summary>已付款.</summary>
    [H3Field("F0000005")]
    public partial bool? Paid { get; set; }

    /// <summary>下单日期, read-only here.</summary>
    [H3Field("F0000003")]
    public partial DateTime? Ordered { get; private set; }
}
