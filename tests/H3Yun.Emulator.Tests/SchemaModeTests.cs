using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests;

/// <summary>With schema files loaded, only those forms exist, unknown field codes are refused and values are normalised.</summary>
public class SchemaModeTests
{
    private const string Order = EmulatorSession.OrderForm;

    [Fact]
    public async Task An_unknown_SchemaCode_gets_H3Yuns_own_error_text()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();

        var message = await api.FailAsync("""
            {"ActionName":"LoadBizObjects","SchemaCode":"D000024chuangjian","Filter":"{}"}
            """);

        Assert.Contains("根据 SchemaCode 获取 BizObjectSchema 失败", message, StringComparison.Ordinal);
        Assert.Contains("D000024chuangjian", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_schema_file_defines_a_form()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();

        var id = await api.CreateAsync(EmulatorSession.CustomerForm, """{"F0000001":"华为","F0000002":"3"}""");

        var record = (await api.LoadAsync(EmulatorSession.CustomerForm, id))!;
        Assert.Equal("华为", (string?)record["F0000001"]);
        Assert.Equal(3, (long)record["F0000002"]!);
    }

    [Fact]
    public async Task Writing_an_unknown_field_code_is_refused_naming_the_code_and_the_form()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();

        var message = await api.FailAsync($$"""
            {"ActionName":"CreateBizObject","SchemaCode":"{{Order}}","BizObject":"{\"F0000001\":\"ok\",\"F0000099\":\"typo\"}","IsSubmit":true}
            """);

        Assert.Contains("F0000099", message, StringComparison.Ordinal);
        Assert.Contains(Order, message, StringComparison.Ordinal);
        Assert.Equal(0, api.Emulator.Count(Order));
    }

    [Fact]
    public async Task An_unknown_child_field_code_is_refused_naming_the_child_table()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();

        var message = await api.FailAsync($$"""
            {"ActionName":"CreateBizObject","SchemaCode":"{{Order}}","BizObject":"{\"D000100FLines\":[{\"F0000011\":\"ok\",\"zh\":\"typo\"}]}","IsSubmit":true}
            """);

        Assert.Contains("zh", message, StringComparison.Ordinal);
        Assert.Contains(EmulatorSession.OrderLines, message, StringComparison.Ordinal);
        Assert.Equal(0, api.Emulator.Count(Order));
    }

    [Fact]
    public async Task An_update_with_an_unknown_field_code_changes_nothing()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var id = await api.CreateAsync(Order, """{"F0000001":"before"}""");

        var message = await api.FailAsync($$"""
            {"ActionName":"UpdateBizObject","SchemaCode":"{{Order}}","BizObjectId":"{{id}}","BizObject":"{\"F0000001\":\"after\",\"F0000002x\":1}"}
            """);

        Assert.Contains("F0000002x", message, StringComparison.Ordinal);
        Assert.Equal("before", (string?)api.Emulator.Find(Order, id)!["F0000001"]);
    }

    [Fact]
    public async Task CreateBizObjects_with_one_unknown_code_stores_none()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();

        await api.FailAsync($$"""
            {"ActionName":"CreateBizObjects","SchemaCode":"{{Order}}","BizObjectArray":["{\"F0000001\":\"fine\"}","{\"Nope\":1}"],"IsSubmit":true}
            """);

        Assert.Equal(0, api.Emulator.Count(Order));
    }

    [Theory]
    [InlineData("2024-03-05", "2024/3/5 0:00:00")]
    [InlineData("2024-03-05 08:09:10", "2024/3/5 8:09:10")]
    [InlineData("2024/3/5 8:09:10", "2024/3/5 8:09:10")]
    [InlineData("2024-03-05T08:09:10", "2024/3/5 8:09:10")]
    [InlineData("2024-03-05T08:09:10.123", "2024/3/5 8:09:10")]
    [InlineData("2024-03-05T00:09:10Z", "2024/3/5 8:09:10")]
    [InlineData("2024-03-05T08:09:10+08:00", "2024/3/5 8:09:10")]
    [InlineData("2024-12-31T23:30:00-01:00", "2025/1/1 8:30:00")]
    public async Task Dates_are_stored_and_read_back_as_yyyy_M_d_H_mm_ss_China_time(string written, string expected)
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();

        var id = await api.CreateAsync(Order, $$"""{"F0000003":"{{written}}","D000100FLines":[{"F0000012":"{{written}}"}]}""");

        var record = (await api.LoadAsync(Order, id))!;
        Assert.Equal(expected, (string?)record["F0000003"]);
        Assert.Equal(expected, (string?)record["D000100FLines"]![0]!["F0000012"]);
    }

    [Theory]
    [InlineData("\"next Tuesday\"")]
    [InlineData("\"2024-13-01\"")]
    [InlineData("20240305")]
    public async Task An_unparseable_date_is_refused(string written)
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();

        var message = await api.FailAsync($$"""
            {"ActionName":"CreateBizObject","SchemaCode":"{{Order}}","BizObject":{"F0000003":{{written}}},"IsSubmit":true}
            """);

        Assert.Contains("F0000003", message, StringComparison.Ordinal);
        Assert.Contains("not a date", message, StringComparison.Ordinal);
        Assert.Equal(0, api.Emulator.Count(Order));
    }

    [Fact]
    public async Task Values_are_normalised_by_data_type()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var id = await api.CreateAsync(Order, """
            {
              "F0000001": 42,
              "F0000002": "1234.50",
              "F0000004": "true",
              "F0000005": "7",
              "F0000006": {"adcode":"440305","adname":"广东省 深圳市 南山区","Detail":"科兴科学园B1栋"},
              "F0000007": "03ea2021-f7d5-4001-b996-7115e63f4319;6d1af175-a49d-48ad-bc3e-52aa35bb34df",
              "F0000008": ["紧急", "大客户"]
            }
            """);

        var record = (await api.LoadAsync(Order, id))!;

        Assert.Equal("42", (string?)record["F0000001"]);
        Assert.Equal(JsonValueKind.Number, record["F0000002"]!.GetValueKind());
        Assert.Equal(1234.5m, (decimal)record["F0000002"]!);
        Assert.Equal(JsonValueKind.True, record["F0000004"]!.GetValueKind());
        Assert.Equal(7, (int)record["F0000005"]!);
        var address = (string)record["F0000006"]!;
        Assert.Equal("440305", JsonDocument.Parse(address).RootElement.GetProperty("adcode").GetString());
        Assert.Equal("03ea2021-f7d5-4001-b996-7115e63f4319;6d1af175-a49d-48ad-bc3e-52aa35bb34df", (string?)record["F0000007"]);
        Assert.Equal("紧急;大客户", (string?)record["F0000008"]);
    }

    [Fact]
    public async Task Address_written_as_a_JSON_string_reads_back_as_that_string()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        const string Address = """{"adcode":"","adname":"","Detail":""}""";

        var id = await api.CreateAsync(Order, $$"""{"F0000006":{{EmulatorSession.Quote(Address)}}}""");

        Assert.Equal(Address, (string?)(await api.LoadAsync(Order, id))!["F0000006"]);
    }

    [Fact]
    public async Task Multi_person_ids_written_as_an_array_read_back_as_an_array()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();

        var id = await api.CreateAsync(Order, """{"F0000007":["u1","u2"]}""");

        Assert.Equal(["u1", "u2"], (await api.LoadAsync(Order, id))!["F0000007"]!.AsArray().Select(item => (string)item!));
    }

    [Theory]
    [InlineData("F0000002", "\"abc\"", "not a number")]
    [InlineData("F0000004", "\"maybe\"", "not true or false")]
    [InlineData("F0000005", "\"1.5\"", "not a whole number")]
    [InlineData("F0000001", "{\"a\":1}", "single value")]
    public async Task A_value_that_cannot_fit_the_type_is_refused(string field, string valueJson, string expected)
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();

        var message = await api.FailAsync($$"""
            {"ActionName":"CreateBizObject","SchemaCode":"{{Order}}","BizObject":{"{{field}}":{{valueJson}}},"IsSubmit":true}
            """);

        Assert.Contains(field, message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_field_of_the_form_is_read_back_with_unset_ones_null()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var id = await api.CreateAsync(Order, """{"F0000001":"only this"}""");

        var record = (await api.LoadAsync(Order, id))!;

        // People fields carry an "<code>Object" companion, as the system person fields do.
        var fields = new[] { "F0000001", "F0000002", "F0000003", "F0000004", "F0000005", "F0000006", "F0000007", "F0000007Object", "F0000008", "F0000009", "D000100FLines" };
        Assert.Equal(fields, record.Select(member => member.Key).Skip(record.Count - fields.Length));
        Assert.Null(record["F0000002"]);
        Assert.Empty(record["D000100FLines"]!.AsArray());
    }

    [Fact]
    public async Task People_fields_read_back_with_names_and_an_Object_companion()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var id = await api.CreateAsync(Order, $$"""{"F0000007":"{{EmulatorOrganization.AdminUserId}};someone-else"}""");

        var record = (await api.LoadAsync(Order, id))!;

        var people = record["F0000007Object"]!.AsArray();
        Assert.Equal([EmulatorOrganization.AdminUserId, "someone-else"], people.Select(p => (string?)p!["ObjectId"]));
        Assert.Equal([EmulatorOrganization.AdminUserName, "someone-else"], people.Select(p => (string?)p!["Name"]));
    }

    [Fact]
    public async Task People_ids_are_read_without_the_blanks_around_and_between_them()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var id = await api.CreateAsync(Order, $$"""{"F0000007":" {{EmulatorOrganization.AdminUserId}} ;;someone-else; "}""");

        var people = (await api.LoadAsync(Order, id))!["F0000007Object"]!.AsArray();

        Assert.Equal([EmulatorOrganization.AdminUserId, "someone-else"], people.Select(p => (string?)p!["ObjectId"]));
    }

    [Fact]
    public async Task Child_rows_read_back_with_every_child_field()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        var id = await api.CreateAsync(Order, """{"D000100FLines":[{"F0000011":"螺丝","F0000013":"0.5"}]}""");

        var row = (await api.LoadAsync(Order, id))!["D000100FLines"]![0]!.AsObject();

        Assert.Equal(["ObjectId", "Name", "ParentObjectId", "F0000011", "F0000012", "F0000013"], row.Select(member => member.Key));
        Assert.Equal(0.5m, (decimal)row["F0000013"]!);
    }

    [Fact]
    public async Task Date_fields_filter_as_dates_whatever_format_the_filter_uses()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();
        await api.CreateAsync(Order, """{"F0000001":"早","F0000003":"2024-03-05 08:00:00"}""");
        await api.CreateAsync(Order, """{"F0000001":"晚","F0000003":"2024-03-05 18:00:00"}""");

        var returnData = await api.QueryAsync(Order, """
            {"Matcher":{"Type":"And","Matchers":[{"Type":"Item","Name":"F0000003","Operator":0,"Value":"2024-03-05T12:00:00"}]}}
            """);

        Assert.Equal("晚", (string?)Assert.Single(returnData["BizObjectArray"]!.AsArray())!["F0000001"]);
    }

    [Theory]
    [InlineData("""{"Matcher":{"Type":"Item","Name":"F0000099","Operator":2,"Value":"x"}}""")]
    [InlineData("""{"ReturnItems":["F0000099"]}""")]
    [InlineData("""{"SortByCollection":[{"ItemName":"F0000099","Direction":"Ascending"}]}""")]
    public async Task A_filter_naming_an_unknown_field_code_is_refused(string filter)
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();

        var message = await api.FailAsync($$"""
            {"ActionName":"LoadBizObjects","SchemaCode":"{{Order}}","Filter":{{EmulatorSession.Quote(filter)}}}
            """);

        Assert.Contains("F0000099", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_schema_file_stops_the_emulator_from_starting()
    {
        var path = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.h3form.json");
        // A DataType of the wrong JSON type is an error in the generator too; an unknown name is only its warning H3Y0006.
        await File.WriteAllTextAsync(path, """{"SchemaCode":"X","Properties":[{"Name":"F1","DataType":["Sometimes"]}]}""");
        try
        {
            var options = new H3YunEmulatorOptions();
            options.SchemaFiles.Add(path);

            var error = await Assert.ThrowsAsync<InvalidDataException>(() => H3YunEmulator.StartAsync(options));

            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Contains("DataType", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
