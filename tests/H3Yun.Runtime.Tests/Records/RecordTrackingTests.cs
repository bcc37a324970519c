using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// A record sends exactly the fields that were assigned, however many fields its form has; a read takes the fields
/// from wherever H3Yun puts them; and a row written back keeps what the schema does not list in the form H3Yun stores.
/// </summary>
public class RecordTrackingTests
{
    private const string OrderId = "7d1c0a4e-0000-4000-8000-000000000001";

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly PropertyInfo[] WideFields =
        [.. Enumerable.Range(1, 70).Select(static i => typeof(WideForm).GetProperty($"Field{i:00}")!)];

    [Fact]
    public void Any_set_of_assigned_fields_of_a_form_wider_than_64_fields_is_sent_exactly_and_then_forgotten() =>
        Gen.Select(Gen.Int[0, 69].HashSet[0, 12], Gen.Int[0, 69].HashSet[0, 12]).Sample((created, updated) =>
        {
            var record = new WideForm();
            Assign(record, created, "c");
            Assert.Equal(created.Count > 0, record.HasChanges);
            var capture = new WriteCapture();

            var create = Members(OpenApiRequestWriter.Serialize(record, WritePurpose.Create, H3YunTimeZones.ChinaStandardTime, capture));
            capture.Accept();
            Assign(record, updated, "u");
            var update = Members(OpenApiRequestWriter.Serialize(record, WritePurpose.Update, H3YunTimeZones.ChinaStandardTime));

            Assert.Equal(Expected(created, "c"), create);
            Assert.Equal(Expected(updated, "u"), update);
            Assert.Equal(updated.Count > 0, record.HasChanges);
        });

    [Fact]
    public async Task Fields_on_both_sides_of_the_64th_are_tracked_apart_through_an_update()
    {
        WideForm? record = null;
        var h3yun = new FakeH3Yun()
            .AnswerSuccess("""{"BizObject":{"ObjectId":"w-1","F0000001":"a","F0000064":"b","F0000065":"c","F0000070":"d"}}""")
            .AnswerSuccessAfter(() => record!.Field61 = "late")
            .AnswerSuccess();
        var forms = new WideFormRepository(h3yun.CreateClient());
        record = (await forms.LoadAsync("w-1"))!;

        record.Field70 = "d2";
        record.Field01 = "a2";
        await forms.UpdateAsync(record);
        await forms.UpdateAsync(record);

        Assert.Equal("""{"F0000001":"a2","F0000070":"d2"}""", JsonAssert.BizObjectText(h3yun.Calls[1].Body));
        Assert.Equal("""{"F0000061":"late"}""", JsonAssert.BizObjectText(h3yun.Calls[2].Body));
        Assert.Equal(("b", "c"), (record.Field64, record.Field65));
        Assert.False(record.HasChanges);
    }

    [Fact]
    public async Task Fields_that_a_read_puts_under_Data_are_read_and_the_top_level_wins()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess(
            """{"BizObject":{"ObjectId":"b-1","F0000001":"top","Data":{"F0000001":"nested","F0000002":"from Data","ObjectId":"ignored"}}}""");

        var book = (await new BookRepository(h3yun.CreateClient()).LoadAsync("b-1"))!;

        Assert.Equal("b-1", book.ObjectId);
        Assert.Equal("top", book.Title);
        Assert.Equal("from Data", book.Code);
        Assert.False(book.HasChanges);
    }

    [Fact]
    public async Task A_member_named_Data_on_a_row_is_one_of_its_unknown_members_not_its_fields()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess(
            $$$"""{"BizObject":{"ObjectId":"{{{OrderId}}}","D000024FOrderLines":[{"ObjectId":"r-1","ParentObjectId":"{{{OrderId}}}","F0000011":"Widget","Data":{"F0000011":"not this"}}]}}""");

        var order = (await new SalesOrderRepository(h3yun.CreateClient()).LoadAsync(OrderId))!;

        Assert.Equal("Widget", order.Lines[0].Product);
        Assert.Equal(["Data"], order.Lines[0].UnknownMembers.Select(static m => m.Key));
    }

    public static TheoryData<string, string, string?> UnknownRowMembers => new()
    {
        { "text", "\"甲\"", "\"甲\"" },
        { "number", "12.5", "12.5" },
        { "boolean", "false", "false" },
        { "null", "null", "null" },
        { "a reference", "{\"ObjectId\":\"c-1\",\"Name\":\"客户\"}", "\"c-1\"" },
        { "a reference with its entry", "{\"ObjectId\":\"c-1\",\"EntryId\":\"e-1\"}", "\"c-1\"" },
        { "several references", "[{\"ObjectId\":\"c-1\"},{\"ObjectId\":\"c-2\",\"Name\":\"乙\"}]", "\"c-1;c-2\"" },
        { "several texts", "[\"周一\",\"周三\"]", "\"周一;周三\"" },
        { "an attachment", "[{\"ObjectId\":\"a-1\",\"FileName\":\"x.pdf\"}]", null },
        { "an object that is no reference", "{\"lat\":1}", null },
        { "a reference without an id", "{\"ObjectId\":\"\",\"Name\":\"无\"}", null },
        { "a reference whose id is no text", "{\"ObjectId\":7}", null },
        { "an empty list", "[]", null },
        { "a list of mixed values", "[\"a\",1]", null },
        { "a list of references and texts", "[{\"ObjectId\":\"c-1\"},\"c-2\"]", null },
    };

    [Theory]
    [MemberData(nameof(UnknownRowMembers))]
    public async Task A_row_member_the_schema_does_not_list_goes_back_as_H3Yun_stores_it_or_not_at_all(string shape, string received, string? sent)
    {
        var row = await ResentRow($$"""{"ObjectId":"r-1","ParentObjectId":"{{OrderId}}","F0000011":"Widget","X":{{received}}}""");

        Assert.Equal(sent, row["X"]?.ToJsonString(Relaxed) ?? (row.ContainsKey("X") ? "null" : null));
        Assert.False(string.IsNullOrEmpty(shape));
    }

    public static TheoryData<string, string> Companions => new()
    {
        { """ "P":"张三","PObject":{"ObjectId":"u-1","Name":"张三"} """, """{"P":"u-1"}""" },
        { """ "PObject":{"ObjectId":"u-1","Name":"张三"},"P":"张三" """, """{"P":"u-1"}""" },
        { """ "P":"张三","PObject":[{"ObjectId":"u-1"},{"ObjectId":"u-2"}] """, """{"P":"u-1;u-2"}""" },
        { """ "P":"张三","PObject":{"Name":"张三"} """, "{}" },
        { """ "P":"张三","PObject":null """, "{}" },
        { """ "Object":"x" """, """{"Object":"x"}""" },
    };

    [Theory]
    [MemberData(nameof(Companions))]
    public async Task A_display_name_goes_back_as_the_id_of_its_companion_and_never_as_the_name(string members, string sent)
    {
        var row = await ResentRow($$"""{"ObjectId":"r-1","ParentObjectId":"{{OrderId}}",{{members}}}""");

        row.Remove("ObjectId");
        Assert.Equal(sent, row.ToJsonString());
    }

    [Fact]
    public async Task A_row_that_belongs_to_another_record_or_has_no_parent_is_written_as_the_caller_says()
    {
        var h3yun = new FakeH3Yun()
            .AnswerSuccess(
                $$$"""{"BizObject":{"ObjectId":"{{{OrderId}}}","D000024FOrderLines":[{"ObjectId":"r-1","F0000011":"no parent"},{"ObjectId":"r-2","ParentObjectId":"other","F0000011":"moved"},{"ObjectId":"","ParentObjectId":"{{{OrderId}}}","F0000011":"no id"}]}}""")
            .AnswerSuccess();
        var orders = new SalesOrderRepository(h3yun.CreateClient());
        var order = (await orders.LoadAsync(OrderId))!;

        order.Lines[0].Quantity = 1;
        await orders.UpdateAsync(order);

        Assert.Equal(
            """{"D000024FOrderLines":[{"ObjectId":"r-1","F0000011":"no parent","F0000012":1},{"F0000011":"moved"},{"F0000011":"no id"}]}""",
            JsonAssert.BizObjectText(h3yun.Calls[1].Body));
        Assert.Equal("other", order.Lines[1].ParentObjectId);
    }

    private static async Task<JsonObject> ResentRow(string rowJson)
    {
        var h3yun = new FakeH3Yun()
            .AnswerSuccess($$$"""{"BizObject":{"ObjectId":"{{{OrderId}}}","D000024FOrderLines":[{{{rowJson}}}]}}""")
            .AnswerSuccess();
        var orders = new SalesOrderRepository(h3yun.CreateClient());
        var order = (await orders.LoadAsync(OrderId))!;
        order.Lines[0].UnitPrice = 1m;
        await orders.UpdateAsync(order);
        var row = JsonNode.Parse(JsonAssert.BizObjectText(h3yun.Calls[1].Body))!["D000024FOrderLines"]![0]!.AsObject();
        row.Remove("F0000013");
        return row;
    }

    private static void Assign(WideForm record, HashSet<int> fields, string prefix)
    {
        foreach (var field in fields)
        {
            WideFields[field].SetValue(record, $"{prefix}{field}");
        }
    }

    private static string Expected(HashSet<int> fields, string prefix) =>
        new JsonObject(fields.Order().Select(f => KeyValuePair.Create($"F{f + 1:0000000}", (JsonNode?)JsonValue.Create($"{prefix}{f}")))).ToJsonString();

    private static string Members(ReadOnlyMemory<byte> utf8) => Encoding.UTF8.GetString(utf8.Span);
}
