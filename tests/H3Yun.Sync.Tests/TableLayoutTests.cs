using H3Yun.Sync.Schema;
using H3Yun.Sync.Storage;

namespace H3Yun.Sync.Tests;

/// <summary>
/// How a form becomes a table: SQL-safe names from the property, display name or code, the system columns first, two
/// columns for a reference, a clash resolved by the field's code, and names kept from an earlier run.
/// </summary>
public class TableLayoutTests
{
    private static readonly Dictionary<(string Field, ColumnRole Role), string> Nothing = [];

    [Theory]
    [InlineData("订单 金额", "订单_金额")]
    [InlineData("a -- b", "a_b")]
    [InlineData("-a-", "a")]
    [InlineData("a_b", "a_b")]
    [InlineData("1st", "_1st")]
    [InlineData(" Total ", "Total")]
    public void A_name_keeps_letters_digits_and_underscores_and_joins_the_rest_with_one_underscore(string text, string name)
    {
        Assert.Equal(name, SqlNames.Safe(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("- / -")]
    [InlineData("___")]
    public void A_text_without_a_letter_or_digit_gives_no_name(string? text)
    {
        Assert.Null(SqlNames.Safe(text));
    }

    [Fact]
    public void A_name_is_cut_to_58_bytes_of_UTF8_on_a_whole_character()
    {
        Assert.Equal(new string('a', 58), SqlNames.Safe(new string('a', 58)));
        Assert.Equal(new string('a', 58), SqlNames.Safe(new string('a', 59)));
        Assert.Equal(new string('金', 19), SqlNames.Safe(new string('金', 30))); // 57 bytes; a 20th would make 60
    }

    [Fact]
    public void A_form_table_has_the_system_columns_then_a_column_per_field_and_two_for_a_reference()
    {
        var form = Form(
            new SyncField("F0000001", "标题", "Title", 14, false),
            new SyncField("F0000002", "负责人", null, 26, false),
            new SyncField("CreatedTime", "创建时间", null, 5, false)); // a system field the schema lists

        var columns = TableLayout.Build(form, "Orders", isChild: false, Nothing).Columns;

        var fields = columns.SkipWhile(column => column.Field.Code != "F0000001").Select(column => (column.Name, column.Kind, column.Role));
        Assert.Equal([("Title", ColumnKind.Text, ColumnRole.Value), ("负责人", ColumnKind.Text, ColumnRole.Value), ("负责人_name", ColumnKind.Text, ColumnRole.DisplayName)], fields);
        var system = columns.TakeWhile(column => column.Field.Code != "F0000001").ToDictionary(column => column.Name);
        Assert.Equal(ColumnKind.Timestamp, system["CreatedTime"].Kind);
        Assert.Equal(ColumnKind.Timestamp, system["ModifiedTime"].Kind);
        Assert.Equal((ColumnKind.Text, ColumnKind.Text), (system["OwnerId"].Kind, system["OwnerId_name"].Kind));
        Assert.Equal(ColumnKind.Integer, system["Status"].Kind);
        Assert.Equal(ColumnKind.Text, system["SeqNo"].Kind);
        Assert.Single(columns, column => column.Name == "CreatedTime");
        Assert.DoesNotContain(columns, column => column.Name is "ObjectId" or "_json");
    }

    [Fact]
    public void A_child_table_has_the_child_rows_system_columns_only()
    {
        var child = Form(new SyncField("F0000010", "品名", null, 14, false));

        var columns = TableLayout.Build(child, "Orders_Lines", isChild: true, Nothing).Columns;

        Assert.DoesNotContain(columns, column => column.Name is "CreatedTime" or "OwnerId" or "Status");
        Assert.Equal("品名", columns[^1].Name);
        var name = Assert.Single(columns, column => column.Field.Code == "Name");
        Assert.Equal((ColumnKind.Text, "ShortString"), (name.Kind, name.Field.DataTypeText));
    }

    [Fact]
    public void A_name_another_column_has_is_suffixed_with_the_fields_code()
    {
        var form = Form(
            new SyncField("F0000001", "Status", null, 14, false), // a system column's name
            new SyncField("F0000002", "Owner", null, 14, false),
            new SyncField("F0000003", "Buyer", null, 26, false),
            new SyncField("F0000004", "Buyer_name", null, 14, false), // free, but a later reference's display column would take it
            new SyncField("F0000005", "Seller_name", null, 14, false),
            new SyncField("F0000006", "Seller", null, 26, false),
            new SyncField("F0000007", "ParentObjectId", null, 14, false), // a child row's key column
            new SyncField("F0000008", "_json", null, 14, false), // the copy's own columns: a safe name never starts "_" and a letter
            new SyncField("F0000009", "_deleted_at", null, 14, false),
            new SyncField("F0000010", "_row_index", null, 14, false));

        var names = TableLayout.Build(form, "Orders", isChild: false, Nothing).Columns
            .Where(column => column.Field.Code.StartsWith('F')).Select(column => column.Name);

        Assert.Equal(
            ["Status_F0000001", "Owner", "Buyer", "Buyer_name", "Buyer_name_F0000004", "Seller_name", "Seller_F0000006", "Seller_F0000006_name", "ParentObjectId_F0000007",
             "json", "deleted_at", "row_index"],
            names);
    }

    [Fact]
    public void Names_an_earlier_run_recorded_are_kept_and_taken()
    {
        var form = Form(new SyncField("F0000001", "Title", null, 26, false), new SyncField("F0000002", "Old", null, 14, false));
        var existing = new Dictionary<(string Field, ColumnRole Role), string>
        {
            [("F0000001", ColumnRole.Value)] = "Old",
            [("F0000001", ColumnRole.DisplayName)] = "Old_display",
        };

        var names = TableLayout.Build(form, "Orders", isChild: false, existing).Columns
            .Where(column => column.Field.Code.StartsWith('F')).Select(column => column.Name);

        Assert.Equal(["Old", "Old_display", "Old_F0000002"], names);
    }

    [Fact]
    public void A_name_recorded_for_a_field_laid_out_later_is_not_given_to_an_earlier_one()
    {
        var form = Form(new SyncField("F0000001", "Title", null, 14, false), new SyncField("F0000002", "Subject", null, 14, false));
        var existing = new Dictionary<(string Field, ColumnRole Role), string> { [("F0000002", ColumnRole.Value)] = "Title" };

        var names = TableLayout.Build(form, "Orders", isChild: false, existing).Columns
            .Where(column => column.Field.Code.StartsWith('F')).Select(column => column.Name);

        Assert.Equal(["Title_F0000001", "Title"], names);
    }

    [Fact]
    public void A_field_with_neither_name_is_named_by_its_code_made_SQL_safe_and_a_child_keeps_a_forms_system_code()
    {
        var form = Form(new SyncField("F-1", null, null, 14, false));
        var child = Form(new SyncField("Status", "状态", null, 14, false)); // a system field of forms, not of child rows

        Assert.Equal("F_1", TableLayout.Build(form, "Orders", isChild: false, Nothing).Columns[^1].Name);
        var status = TableLayout.Build(child, "Orders_Lines", isChild: true, Nothing).Columns[^1];
        Assert.Equal(("Status", "状态"), (status.Field.Code, status.Name));
    }

    private static SyncForm Form(params SyncField[] fields) => new("D000900Order", "订单", null, fields, [], "{}");
}
