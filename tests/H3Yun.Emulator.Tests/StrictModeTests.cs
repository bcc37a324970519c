using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests;

/// <summary>Strict mode behaves like a tenant where the emulator is otherwise kinder; each difference against the default.</summary>
public class StrictModeTests
{
    private const string Order = EmulatorSession.OrderForm;

    [Theory]
    [InlineData(false, new[] { "a", "b" })]
    [InlineData(true, new[] { "b", "a" })]
    public async Task SortByCollection_is_honoured_by_default_and_ignored_when_strict(bool strict, string[] expected)
    {
        await using var api = await StartAsync(strict);
        await api.CreateAsync(Order, """{"F0000001":"b"}""");
        await api.CreateAsync(Order, """{"F0000001":"a"}""");

        var rows = (await api.QueryAsync(Order, """{"FromRowNum":0,"ToRowNum":10,"SortByCollection":[{"ItemName":"F0000001","Direction":"Ascending"}]}"""))["BizObjectArray"]!.AsArray();

        Assert.Equal(expected, rows.Select(row => (string?)row!["F0000001"]));
    }

    [Fact]
    public async Task Strict_reads_number_fields_as_numeric_strings_in_records_and_child_rows()
    {
        await using var api = await StartAsync(strict: true);
        var id = await api.CreateAsync(Order, """{"F0000002":7000,"F0000005":3,"D000100FLines":[{"F0000013":2.5}]}""");

        var record = (await api.LoadAsync(Order, id))!;

        Assert.Equal("\"7000\"", record["F0000002"]!.ToJsonString());
        Assert.Equal("\"3\"", record["F0000005"]!.ToJsonString());
        Assert.Equal("\"2.5\"", record["D000100FLines"]![0]!["F0000013"]!.ToJsonString());
        Assert.Equal(7000m, (decimal)api.Emulator.Find(Order, id)!["F0000002"]!);
        Assert.Equal("1", record["Status"]!.ToJsonString());
    }

    [Fact]
    public async Task By_default_number_fields_read_as_JSON_numbers()
    {
        await using var api = await StartAsync(strict: false);
        var id = await api.CreateAsync(Order, """{"F0000002":7000}""");

        Assert.Equal("7000", (await api.LoadAsync(Order, id))!["F0000002"]!.ToJsonString());
    }

    [Theory]
    [InlineData(5, "\"x\"")]
    [InlineData(7, "[\"x\"]")]
    [InlineData(24, "\"x\"")]
    [InlineData(22, "\"x\"")]
    [InlineData(23, "\"x\"")]
    public async Task Negated_operators_match_a_record_without_the_value_by_default_but_not_when_strict(int op, string value)
    {
        foreach (var strict in new[] { false, true })
        {
            await using var api = await StartAsync(strict);
            await api.CreateAsync(Order, """{"F0000002":1}""");
            await api.CreateAsync(Order, """{"F0000001":"other"}""");

            var rows = (await api.QueryAsync(Order, $$$"""{"FromRowNum":0,"ToRowNum":10,"Matcher":{"Type":"Item","Name":"F0000001","Operator":{{{op}}},"Value":{{{value}}}}}"""))["BizObjectArray"]!.AsArray();

            Assert.Equal(strict ? ["other"] : [null, "other"], rows.Select(row => (string?)row!["F0000001"]));
        }
    }

    [Fact]
    public async Task Strict_fills_Name_from_the_default_title_template()
    {
        await using var api = await StartAsync(strict: true);
        var id = await api.CreateAsync(Order, """{"F0000001":"x","Name":"sent by the client"}""");

        Assert.Equal("管理员的订单", (string?)(await api.LoadAsync(Order, id))!["Name"]);
    }

    [Fact]
    public async Task A_title_template_fills_Name_after_create_and_update_in_either_mode()
    {
        foreach (var strict in new[] { false, true })
        {
            var options = EmulatorSession.SchemaOptions();
            options.Strict = strict;
            options.TitleTemplates[Order] = "{F0000001}-{F0000007} {{{FormName}}}";
            await using var api = await EmulatorSession.StartAsync(options);
            var id = await api.CreateAsync(Order, $$"""{"F0000001":"PO-1","F0000007":"{{EmulatorOrganization.AdminUserId}}"}""");
            var created = (string?)(await api.LoadAsync(Order, id))!["Name"];

            await api.SucceedAsync($$"""{"ActionName":"UpdateBizObject","SchemaCode":"{{Order}}","BizObjectId":"{{id}}","BizObject":"{\"F0000001\":\"PO-2\"}"}""");

            Assert.Equal("PO-1-管理员 {订单}", created);
            Assert.Equal("PO-2-管理员 {订单}", (string?)(await api.LoadAsync(Order, id))!["Name"]);
        }
    }

    [Theory]
    [InlineData("{{{F0000001}}}", """{"F0000001":"PO-1"}""", "{PO-1}")]
    [InlineData("x}}", """{"F0000001":"PO-1"}""", "x}")]
    [InlineData("{F0000001}", """{"F0000001":" a ; b "}""", " a ; b ")]
    [InlineData("[{F0000001}]", "{}", "[]")]
    [InlineData("{F0000008}", """{"F0000008":["紧急","普通"]}""", "紧急;普通")]
    [InlineData("{F0000007}", """{"F0000007":" user-9 ;; user-8 "}""", "user-9;user-8")]
    public async Task A_title_template_escapes_braces_and_writes_each_kind_of_value(string template, string record, string expected)
    {
        var options = EmulatorSession.SchemaOptions();
        options.TitleTemplates[Order] = template;
        await using var api = await EmulatorSession.StartAsync(options);

        var id = await api.CreateAsync(Order, record);

        Assert.Equal(expected, (string?)(await api.LoadAsync(Order, id))!["Name"]);
    }

    [Fact]
    public async Task By_default_without_a_template_Name_is_what_the_client_wrote()
    {
        await using var api = await StartAsync(strict: false);
        var id = await api.CreateAsync(Order, """{"Name":"mine"}""");

        Assert.Equal("mine", (string?)(await api.LoadAsync(Order, id))!["Name"]);
    }

    [Theory]
    [InlineData("{F0000001")]
    [InlineData("a}b")]
    [InlineData("{}")]
    public async Task A_broken_title_template_stops_the_start_naming_the_form(string template)
    {
        var options = new H3YunEmulatorOptions();
        options.TitleTemplates["D000100Broken"] = template;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => H3YunEmulator.StartAsync(options));

        Assert.Contains("D000100Broken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strict_numbers_only_forms_whose_schema_lists_SeqNo()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("numbered.h3form.json"), """{"SchemaCode":"D000100Numbered","Properties":[{"Name":"SeqNo","DataType":"ShortString"},{"Name":"F0000001","DataType":"ShortString"}]}""");
        var options = EmulatorSession.SchemaOptions();
        options.SchemaFiles.Add(folder.File("numbered.h3form.json"));
        options.Strict = true;
        await using var api = await EmulatorSession.StartAsync(options);

        var plainId = await api.CreateAsync(Order, "{}");
        var plain = (await api.LoadAsync(Order, plainId))!;
        var numbered = (await api.LoadAsync("D000100Numbered", await api.CreateAsync("D000100Numbered", "{}")))!;

        Assert.False(plain.ContainsKey("SeqNo"));
        Assert.Null(api.Emulator.Find(Order, plainId)!["SeqNo"]);
        Assert.Matches("^[0-9]{4}00000001$", (string?)numbered["SeqNo"]);
    }

    [Fact]
    public async Task By_default_every_form_numbers_its_records()
    {
        await using var api = await StartAsync(strict: false);

        var record = (await api.LoadAsync(Order, await api.CreateAsync(Order, "{}")))!;

        Assert.Matches("^[0-9]{4}00000001$", (string?)record["SeqNo"]);
    }

    [Fact]
    public async Task Strict_answers_a_missing_record_with_the_not_found_error_unless_told_otherwise()
    {
        await using (var strict = await StartAsync(strict: true))
        {
            Assert.StartsWith("业务对象不存在", await strict.FailAsync($$"""{"ActionName":"LoadBizObject","SchemaCode":"{{Order}}","BizObjectId":"x"}"""), StringComparison.Ordinal);
        }

        var options = EmulatorSession.SchemaOptions();
        options.Strict = true;
        options.MissingRecord = MissingRecordAnswer.NullBizObject;
        await using var relaxed = await EmulatorSession.StartAsync(options);
        Assert.Null(await relaxed.LoadAsync(Order, "x"));
    }

    private static Task<EmulatorSession> StartAsync(bool strict)
    {
        var options = EmulatorSession.SchemaOptions();
        options.Strict = strict;
        return EmulatorSession.StartAsync(options);
    }
}
