using System.Text;
using System.Text.Json;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// Assigning null clears a field of any type on purpose, as JSON null; the writer's other shapes (instants, raw
/// values, structured values with parts missing) are written as H3Yun stores them.
/// </summary>
public class ClearingAndWriterTests
{
    [Fact]
    public async Task Assigning_null_to_a_field_of_any_type_sends_JSON_null_for_exactly_that_field()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess();
        var changes = new AllTypes
        {
            ShortText = null,
            Colour = null,
            Days = null,
            Amount = null,
            Count = null,
            BigCount = null,
            DueDate = null,
            Done = null,
            Owner = null,
            Reviewers = null,
            Department = null,
            Customer = null,
            RelatedCustomers = null,
            Address = null,
            Location = null,
        };

        await new AllTypesRepository(h3yun.CreateClient()).UpdateAsync("id-1", changes);

        Assert.Equal(
            """{"F0000001":null,"F0000003":null,"F0000005":null,"F0000006":null,"F0000007":null,"F0000008":null,"F0000009":null,"F0000010":null,"F0000011":null,"F0000012":null,"F0000013":null,"F0000014":null,"F0000015":null,"F0000016":null,"F0000017":null}""",
            JsonAssert.BizObjectText(h3yun.Calls.Single().Body));
    }

    [Fact]
    public async Task Structured_values_with_parts_missing_are_written_with_empty_parts_and_no_point()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess();
        var changes = new AllTypes { Address = new H3Address(null, null, "科兴"), Location = new H3Location(null, null) };

        await new AllTypesRepository(h3yun.CreateClient()).UpdateAsync("id-1", changes);

        Assert.Equal(
            """{"F0000016":"{\"adcode\":\"\",\"adname\":\"\",\"Detail\":\"科兴\"}","F0000017":"{\"Address\":\"\"}"}""",
            JsonAssert.BizObjectText(h3yun.Calls.Single().Body));
    }

    [Fact]
    public void An_instant_is_written_as_the_clock_time_in_H3Yuns_zone_and_a_raw_value_as_it_was_read()
    {
        var json = Write(writer =>
        {
            writer.WriteDateTimeOffset("F1", new DateTimeOffset(2026, 1, 1, 0, 30, 0, TimeSpan.FromHours(-5)));
            writer.WriteDateTimeOffset("F2", null);
            writer.WriteRaw("F3", JsonDocument.Parse("""{"a":[1,"二"]}""").RootElement);
            writer.WriteRaw("F4", null);
            writer.WriteInt32("F5", int.MinValue);
            writer.WriteReferences<Customer>("F6", [new H3Ref<Customer>("c-1"), new H3Ref<Customer>("c-2", "乙")]);
            writer.WriteReferences<Customer>("F7", null);
            writer.WriteReference<Customer>("F8", new H3Ref<Customer>("c-3", "丙"));
        });

        Assert.Equal("""{"F1":"2026-01-01 13:30:00","F2":null,"F3":{"a":[1,"二"]},"F4":null,"F5":-2147483648,"F6":"c-1;c-2","F7":null,"F8":"c-3"}""", json);
    }

    [Fact]
    public void A_reference_is_made_from_a_record_that_has_an_id_and_prints_as_the_id()
    {
        var customer = new CustomerRepository(new FakeH3Yun().CreateClient()).Form.CreateRecord();

        var noId = Assert.Throws<ArgumentException>(() => (H3Ref<Customer>)customer);
        Assert.Equal("The record has no ObjectId yet; create or load it first. (Parameter 'record')", noId.Message);
        Assert.Throws<ArgumentNullException>(() => (H3Ref<Customer>)(Customer)null!);
        Assert.Equal("c-1", new H3Ref<Customer>("c-1", "甲").ToString());
    }

    [Fact]
    public async Task A_reference_made_from_a_loaded_record_carries_its_id_and_title()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess("""{"BizObject":{"ObjectId":"c-1","Name":"甲公司"}}""");
        var customer = (await new CustomerRepository(h3yun.CreateClient()).LoadAsync("c-1"))!;

        H3Ref<Customer> reference = customer;

        Assert.Equal(new H3Ref<Customer>("c-1", "甲公司"), reference);
    }

    [Fact]
    public void Option_texts_keep_the_known_options_in_order_and_each_chosen_option_once()
    {
        Assert.Equal(
            [AllTypes.DaysOption.周三, AllTypes.DaysOption.周一],
            OptionTexts.Known<AllTypes.DaysOption>(["周三", "周日", "周一"], AllTypes.Options.DaysFromText));
        Assert.Null(OptionTexts.Known<AllTypes.DaysOption>(null, AllTypes.Options.DaysFromText));
        Assert.Equal(
            ["周五", "周一"],
            OptionTexts.ToTexts([AllTypes.DaysOption.周五, AllTypes.DaysOption.周一, AllTypes.DaysOption.周五], AllTypes.Options.DaysToText));
        Assert.Throws<ArgumentNullException>(() => OptionTexts.Known<AllTypes.DaysOption>([], null!));
        Assert.Throws<ArgumentNullException>(() => OptionTexts.ToTexts<AllTypes.DaysOption>(null!, AllTypes.Options.DaysToText));
        Assert.Throws<ArgumentNullException>(() => OptionTexts.ToTexts([AllTypes.DaysOption.周一], null!));
    }

    [Fact]
    public void A_form_description_needs_a_code_its_fields_and_a_factory_and_names_itself_by_its_code_without_a_name()
    {
        var info = new H3FormInfo<Book>("S", null!, ["F1"], static () => new Book());

        Assert.Equal("S", info.DisplayName);
        Assert.Equal(["F1"], info.FieldCodes);
        Assert.NotSame(info.CreateRecord(), info.CreateRecord());
        Assert.ThrowsAny<ArgumentException>(() => new H3FormInfo<Book>(" ", "n", [], static () => new Book()));
        Assert.Throws<ArgumentNullException>(() => new H3FormInfo<Book>("S", "n", null!, static () => new Book()));
        Assert.Throws<ArgumentNullException>(() => new H3FormInfo<Book>("S", "n", [], null!));
        Assert.Equal("图书", Book.FormInfo.DisplayName);
    }

    [Fact]
    public void The_mapping_attributes_keep_the_codes_they_name_for_tools_that_read_them()
    {
        var form = typeof(OrderSummary).GetCustomAttributes(typeof(H3FormAttribute), inherit: false).Cast<H3FormAttribute>().Single();
        var field = typeof(OrderSummary).GetProperty(nameof(OrderSummary.Amount))!.GetCustomAttributes(typeof(H3FieldAttribute), inherit: false).Cast<H3FieldAttribute>().Single();

        Assert.Equal("D000024SalesOrder", form.SchemaCode);
        Assert.Equal("F0000004", field.FieldCode);
    }

    [Fact]
    public void A_record_cannot_declare_fewer_than_no_fields()
    {
        Assert.Equal("fieldCount", Assert.Throws<ArgumentOutOfRangeException>(static () => new NegativeForm()).ParamName);
    }

    [Fact]
    public void A_hand_written_record_must_give_a_writer_and_a_table_to_ask_whether_a_table_is_written()
    {
        using var json = new RecordJsonWriter();
        var writer = new BizObjectWriter(json, RecordWriteMode.Assigned, H3YunTimeZones.ChinaStandardTime);
        var record = new OneTableForm();

        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => record.Asks(null!, new H3ChildTable<SalesOrder.OrderLine>())).ParamName);
        Assert.Equal("table", Assert.Throws<ArgumentNullException>(() => record.Asks(writer, null!)).ParamName);
        Assert.False(record.Asks(writer, new H3ChildTable<SalesOrder.OrderLine>()));
    }

    private static string Write(Action<BizObjectWriter> write)
    {
        using var json = new RecordJsonWriter();
        json.StartObject();
        write(new BizObjectWriter(json, RecordWriteMode.Assigned, H3YunTimeZones.ChinaStandardTime));
        json.EndObject();
        return Encoding.UTF8.GetString(json.WrittenSpan);
    }
}

/// <summary>A hand-written record that claims a negative number of fields, as no generated one does.</summary>
internal sealed class NegativeForm : H3BizObject
{
    public NegativeForm()
        : base(-1)
    {
    }

    protected override int ReadField(string fieldCode, System.Text.Json.JsonElement value) => -1;

    protected override void WriteFields(BizObjectWriter writer)
    {
    }
}

/// <summary>A hand-written record with one child table, to call what generated code calls.</summary>
internal sealed class OneTableForm : H3BizObject
{
    public OneTableForm()
        : base(1)
    {
    }

    public bool Asks(BizObjectWriter writer, H3ChildTable<SalesOrder.OrderLine> table) => ShouldWriteTable(writer, 0, table);

    protected override int ReadField(string fieldCode, System.Text.Json.JsonElement value) => -1;

    protected override void WriteFields(BizObjectWriter writer)
    {
    }
}
