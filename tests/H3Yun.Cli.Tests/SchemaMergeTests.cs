using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using H3Yun.Cli.Schemas;

namespace H3Yun.Cli.Tests;

/// <summary>
/// How <c>pull</c> merges H3Yun's description of a form into its schema file, and what <c>diff</c> reports: H3Yun
/// decides the fields, their names, types, associations and child tables; the file keeps everything else.
/// </summary>
public class SchemaMergeTests
{
    private const int ShortString = 14;
    private const int Double = 7;
    private const int Association = 50;

    private static RemoteField Field(string code, string? name, int type = ShortString, string? association = null, RemoteForm? child = null) =>
        new(code, name, type, association, child);

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonObject File(string json) => JsonNode.Parse(json)!.AsObject();

    private static string Json(JsonNode? node) => node!.ToJsonString(Unescaped);

    [Fact]
    public void A_new_form_is_written_from_H3Yun_alone_with_type_names_and_numbers_for_types_without_one()
    {
        var remote = new RemoteForm("D1", "订单", [Field("F1", "编号"), Field("F2", "金额", Double), Field("F3", "新类型", 999)]);

        var merge = SchemaMerge.Merge(null, remote);

        Assert.Equal(["+ F1 编号 (ShortString)", "+ F2 金额 (Double)", "+ F3 新类型 (999)"], merge.Changes.Select(static c => c.Describe()));
        Assert.Equal(
            """{"SchemaCode":"D1","DisplayName":"订单","Properties":[{"Name":"F1","DisplayName":"编号","DataType":"ShortString"},{"Name":"F2","DisplayName":"金额","DataType":"Double"},{"Name":"F3","DisplayName":"新类型","DataType":999}]}""",
            Json(merge.Merged));
    }

    [Fact]
    public void The_files_own_members_survive_and_H3Yuns_replace_the_files_in_any_case()
    {
        var local = File("""
            { "$schema": "./h3form.schema.json", "schemacode": "OLD", "displayname": "订单", "ClassName": "Order", "X-Note": 1,
              "Properties": [ { "name": "F1", "DisplayName": "编号", "DataType": 14, "PropertyName": "Number", "Options": ["a"], "datatype": "x" } ] }
            """);
        var remote = new RemoteForm("D1", "订单", [Field("F1", "编号")]);

        var merge = SchemaMerge.Merge(local, remote);

        Assert.Empty(merge.Changes);
        Assert.Equal(
            """{"$schema":"./h3form.schema.json","SchemaCode":"D1","DisplayName":"订单","ClassName":"Order","X-Note":1,"Properties":[{"Name":"F1","DisplayName":"编号","DataType":14,"PropertyName":"Number","Options":["a"]}]}""",
            Json(merge.Merged));
    }

    [Fact]
    public void Display_names_changed_in_H3Yun_are_changes_of_the_form_its_fields_and_its_child_tables()
    {
        var local = File("""
            { "SchemaCode": "D1", "DisplayName": "旧表单", "Properties": [
              { "Name": "F1", "DisplayName": "旧字段", "DataType": "ShortString" },
              { "Name": "T1", "DisplayName": "明细", "DataType": "BizObjectArray", "ChildSchema": { "SchemaCode": "T1", "DisplayName": "旧明细", "Properties": [] } } ] }
            """);
        var remote = new RemoteForm("D1", "新表单", [Field("F1", "新字段"), Field("T1", "明细", RemoteField.ChildTableDataType, child: new RemoteForm("T1", "新明细", []))]);

        var merge = SchemaMerge.Merge(local, remote);

        Assert.Equal(
            [
                "D1 (form) DisplayName: 旧表单 -> 新表单",
                "D1 F1 DisplayName: 旧字段 -> 新字段",
                "D1 T1 ChildSchema.DisplayName: 旧明细 -> 新明细",
            ],
            merge.Changes.Select(static c => $"{c.SchemaCode} {(c.Field.Length == 0 ? "(form)" : c.Field)} {c.Aspect}: {c.Local} -> {c.Remote}"));
        Assert.Equal("~ F1 新字段: DisplayName 旧字段 -> 新字段", merge.Changes[1].Describe());
        Assert.Equal("~ (form) 新表单: DisplayName 旧表单 -> 新表单", merge.Changes[0].Describe());
        Assert.Equal("新明细", merge.Merged["Properties"]![1]!["ChildSchema"]!["DisplayName"]!.GetValue<string>());
    }

    [Fact]
    public void A_name_H3Yun_leaves_out_or_the_file_leaves_blank_is_no_change_and_the_other_side_stands()
    {
        var local = File("""
            { "SchemaCode": "D1", "DisplayName": "本地", "Properties": [
              { "Name": "F1", "DisplayName": "本地字段", "DataType": "ShortString" },
              { "Name": "F2", "DisplayName": "  ", "DataType": "ShortString" } ] }
            """);
        var remote = new RemoteForm("D1", null, [Field("F1", null), Field("F2", "远端字段")]);

        var merge = SchemaMerge.Merge(local, remote);

        Assert.Empty(merge.Changes);
        Assert.Equal("本地", merge.Merged["DisplayName"]!.GetValue<string>());
        Assert.Equal("本地字段", merge.Merged["Properties"]![0]!["DisplayName"]!.GetValue<string>());
        Assert.Equal("远端字段", merge.Merged["Properties"]![1]!["DisplayName"]!.GetValue<string>());
    }

    [Fact]
    public void A_form_nobody_names_has_no_display_name()
    {
        var merge = SchemaMerge.Merge(File("""{ "SchemaCode": "D1", "Properties": [] }"""), new RemoteForm("D1", null, [Field("F1", null)]));

        Assert.Null(merge.Merged["DisplayName"]);
        Assert.Null(merge.Merged["Properties"]![0]!["DisplayName"]);
        Assert.Equal("+ F1 (ShortString)", Assert.Single(merge.Changes).Describe());
    }

    [Fact]
    public void A_changed_type_is_a_change_and_is_written_the_way_the_file_writes_types()
    {
        var local = File("""
            { "SchemaCode": "D1", "Properties": [
              { "Name": "F1", "DisplayName": "甲", "DataType": 14 },
              { "Name": "F2", "DisplayName": "乙", "DataType": "ShortString" },
              { "Name": "F3", "DisplayName": "丙", "DataType": "14" } ] }
            """);
        var remote = new RemoteForm("D1", null, [Field("F1", "甲", Double), Field("F2", "乙", Double), Field("F3", "丙")]);

        var merge = SchemaMerge.Merge(local, remote);

        Assert.Equal(["~ F1 甲: DataType 14 -> Double", "~ F2 乙: DataType ShortString -> Double"], merge.Changes.Select(static c => c.Describe()));
        var fields = merge.Merged["Properties"]!.AsArray();
        Assert.Equal("7", fields[0]!["DataType"]!.ToJsonString());
        Assert.Equal("\"Double\"", fields[1]!["DataType"]!.ToJsonString());
        Assert.Equal("\"14\"", fields[2]!["DataType"]!.ToJsonString());
    }

    [Fact]
    public void A_type_the_file_left_out_is_a_change_from_none()
    {
        var merge = SchemaMerge.Merge(File("""{ "SchemaCode": "D1", "Properties": [ { "Name": "F1", "DisplayName": "F1" } ] }"""), new RemoteForm("D1", null, [Field("F1", "F1")]));

        Assert.Equal("~ F1: DataType (none) -> ShortString", Assert.Single(merge.Changes).Describe());
    }

    [Fact]
    public void A_changed_associated_form_is_a_change_and_one_H3Yun_cannot_read_keeps_the_files()
    {
        var local = File("""
            { "SchemaCode": "D1", "Properties": [
              { "Name": "F1", "DisplayName": "客户", "DataType": "Association", "AssociationSchemaCode": "D-Old" },
              { "Name": "F2", "DisplayName": "供应商", "DataType": "Association", "AssociationSchemaCode": "D-Kept" },
              { "Name": "F3", "DisplayName": "仓库", "DataType": "Association", "AssociationSchemaCode": " " } ] }
            """);
        var remote = new RemoteForm("D1", null, [Field("F1", "客户", Association, "D-New"), Field("F2", "供应商", Association), Field("F3", "仓库", Association, "D-W")]);

        var merge = SchemaMerge.Merge(local, remote);

        Assert.Equal("~ F1 客户: AssociationSchemaCode D-Old -> D-New", Assert.Single(merge.Changes).Describe());
        var fields = merge.Merged["Properties"]!.AsArray();
        Assert.Equal("D-New", fields[0]!["AssociationSchemaCode"]!.GetValue<string>());
        Assert.Equal("D-Kept", fields[1]!["AssociationSchemaCode"]!.GetValue<string>());
        Assert.Equal("D-W", fields[2]!["AssociationSchemaCode"]!.GetValue<string>());
    }

    [Fact]
    public void A_removed_field_is_reported_with_the_additions_it_took_and_a_child_table_the_field_no_longer_is_goes()
    {
        var local = File("""
            { "SchemaCode": "D1", "Properties": [
              { "Name": "CreatedTime", "DataType": "DateTime" },
              { "Name": "F1", "DisplayName": "甲", "DataType": "ShortString", "ChildSchema": { "SchemaCode": "X", "Properties": [] } },
              { "Name": "F8", "DisplayName": "旧", "DataType": 7, "PropertyName": "Old", "Options": [] },
              { "Name": "F9", "DisplayName": "F9", "DataType": "ShortString" },
              { "DisplayName": "no code" } ] }
            """);
        var remote = new RemoteForm("D1", null, [Field("F1", "甲")]);

        var merge = SchemaMerge.Merge(local, remote);

        Assert.Equal(["- F8 旧 (Double): its PropertyName, Options went with it", "- F9 (ShortString)"], merge.Changes.Select(static c => c.Describe()));
        Assert.Equal(
            """[{"Name":"CreatedTime","DataType":"DateTime"},{"Name":"F1","DisplayName":"甲","DataType":"ShortString"},{"DisplayName":"no code"}]""",
            Json(merge.Merged["Properties"]));
    }

    [Fact]
    public void A_child_tables_fields_are_merged_with_their_codes_prefixed_by_the_tables()
    {
        var local = File("""
            { "SchemaCode": "D1", "Properties": [
              { "Name": "T1", "DisplayName": "明细", "DataType": "BizObjectArray", "ChildSchema": { "SchemaCode": "T1", "ClassName": "Line", "Properties": [
                { "Name": "F1", "DisplayName": "产品", "DataType": "ShortString", "PropertyName": "Product" } ] } } ] }
            """);
        var child = new RemoteForm("T1", "明细", [Field("F1", "产品"), Field("F2", "数量", Double)]);
        var remote = new RemoteForm("D1", null, [Field("T1", "明细", RemoteField.ChildTableDataType, child: child)]);

        var merge = SchemaMerge.Merge(local, remote);

        Assert.Equal("+ T1.F2 数量 (Double)", Assert.Single(merge.Changes).Describe());
        Assert.Equal(
            """{"SchemaCode":"T1","DisplayName":"明细","ClassName":"Line","Properties":[{"Name":"F1","DisplayName":"产品","DataType":"ShortString","PropertyName":"Product"},{"Name":"F2","DisplayName":"数量","DataType":"Double"}]}""",
            Json(merge.Merged["Properties"]![0]!["ChildSchema"]));
    }
}
