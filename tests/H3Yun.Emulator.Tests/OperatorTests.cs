using System;
using System.Linq;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests;

/// <summary>
/// Every documented Operator against three records (schema-less, values stored as sent):
/// 甲 Amount 100, Title "Apple pie", Day 2024-01-15, Tags "红;绿", no Note
/// 乙 Amount 250.5, Title "banana split", Day 2024-03-01, Tags "蓝", Note ""
/// 丙 Amount "30" (a numeric string), Title "Cherry", Day 2023-12-31 23:59:59, Tags ["绿","黄"], Note "x".
/// </summary>
public class OperatorTests
{
    [Theory]
    [InlineData("Amount", 0, "100", "乙")]
    [InlineData("Amount", 1, "100", "甲,乙")]
    [InlineData("Amount", 2, "\"100\"", "甲")]
    [InlineData("Amount", 3, "100", "甲,丙")]
    [InlineData("Amount", 4, "100", "丙")]
    [InlineData("Amount", 5, "100", "乙,丙")]
    [InlineData("Amount", 6, "[100, 30]", "甲,丙")]
    [InlineData("Title", 6, "[\"Cherry\",\"Apple pie\"]", "甲,丙")]
    [InlineData("Title", 7, "[\"Cherry\"]", "甲,乙")]
    [InlineData("Title", 8, "\"AN\"", "乙")]
    [InlineData("Title", 13, "\"app\"", "甲")]
    [InlineData("Title", 14, "\"RRY\"", "丙")]
    [InlineData("Note", 18, "null", "甲")]
    [InlineData("Note", 19, "null", "乙,丙")]
    [InlineData("Note", 20, "null", "甲,乙")]
    [InlineData("Note", 21, "null", "丙")]
    [InlineData("Title", 22, "\"app\"", "乙,丙")]
    [InlineData("Title", 23, "\"split\"", "甲,丙")]
    [InlineData("Title", 24, "\"an\"", "甲,丙")]
    [InlineData("Day", 0, "\"2024-01-01\"", "甲,乙")]
    [InlineData("Day", 4, "\"2024/1/15 0:00:01\"", "甲,丙")]
    [InlineData("Day", 2, "\"2024-03-01 00:00:00\"", "乙")]
    [InlineData("Tags", 6, "[\"绿\"]", "甲,丙")]
    [InlineData("Tags", 7, "[\"绿\"]", "乙")]
    [InlineData("Tags", 8, "\"黄\"", "丙")]
    [InlineData("Note", 2, "null", "甲")]
    [InlineData("Note", 5, "null", "乙,丙")]
    [InlineData("Title", 6, "null", "")]
    [InlineData("Title", 8, "null", "甲,乙,丙")]
    public async Task Operator_matches_the_expected_records(string field, int op, string valueJson, string expected)
    {
        await using var api = await EmulatorSession.StartAsync();
        await api.CreateAsync("FormA", """{"Key":"甲","Amount":100,"Title":"Apple pie","Day":"2024-01-15","Tags":"红;绿"}""");
        await api.CreateAsync("FormA", """{"Key":"乙","Amount":250.5,"Title":"banana split","Day":"2024-03-01","Tags":"蓝","Note":""}""");
        await api.CreateAsync("FormA", """{"Key":"丙","Amount":"30","Title":"Cherry","Day":"2023-12-31 23:59:59","Tags":["绿","黄"],"Note":"x"}""");

        var returnData = await api.QueryAsync("FormA", $$$"""
            {"FromRowNum":0,"ToRowNum":500,"Matcher":{"Type":"And","Matchers":[{"Type":"Item","Name":"{{{field}}}","Operator":{{{op}}},"Value":{{{valueJson}}}}]}}
            """);

        var keys = returnData["BizObjectArray"]!.AsArray().Select(row => (string)row!["Key"]!);
        Assert.Equal(expected, string.Join(',', keys));
    }

    [Theory]
    [InlineData(6, "[\"1E+30\"]", "big")]
    [InlineData(4, "\"1e31\"", "big")]
    [InlineData(0, "\"1e31\"", "word")]
    public async Task Numbers_beyond_decimals_range_compare_as_numbers_and_words_as_text(int op, string valueJson, string expected)
    {
        await using var api = await EmulatorSession.StartAsync();
        await api.CreateAsync("FormA", """{"Key":"big","Size":"1e30"}""");
        await api.CreateAsync("FormA", """{"Key":"word","Size":"abc"}""");

        var returnData = await api.QueryAsync("FormA", $$$"""{"Matcher":{"Type":"Item","Name":"Size","Operator":{{{op}}},"Value":{{{valueJson}}}}}""");

        Assert.Equal(expected, (string?)Assert.Single(returnData["BizObjectArray"]!.AsArray())!["Key"]);
    }

    [Fact]
    public async Task Status_can_be_filtered_as_a_number()
    {
        await using var api = await EmulatorSession.StartAsync();
        await api.CreateAsync("FormA", """{"Key":"draft"}""", isSubmit: false);
        await api.CreateAsync("FormA", """{"Key":"effective"}""", isSubmit: true);

        var returnData = await api.QueryAsync("FormA", """{"Matcher":{"Type":"Item","Name":"Status","Operator":2,"Value":1}}""");

        Assert.Equal("effective", (string?)Assert.Single(returnData["BizObjectArray"]!.AsArray())!["Key"]);
    }

    [Fact]
    public async Task Owner_filters_use_ids_not_display_names()
    {
        await using var api = await EmulatorSession.StartAsync();
        await api.CreateAsync("FormA", """{"Key":"mine","OwnerId":"user-2"}""");
        await api.CreateAsync("FormA", """{"Key":"admin's"}""");

        var returnData = await api.QueryAsync("FormA", $$$"""
            {"Matcher":{"Type":"Item","Name":"OwnerId","Operator":2,"Value":"{{{EmulatorOrganization.AdminUserId}}}"}}
            """);

        Assert.Equal("admin's", (string?)Assert.Single(returnData["BizObjectArray"]!.AsArray())!["Key"]);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(99)]
    public async Task An_unknown_operator_is_refused_by_number(int op)
    {
        await using var api = await EmulatorSession.StartAsync();

        var message = await api.FailAsync($$$"""
            {"ActionName":"LoadBizObjects","SchemaCode":"FormA","Filter":"{\"Matcher\":{\"Type\":\"Item\",\"Name\":\"Title\",\"Operator\":{{{op}}},\"Value\":\"x\"}}"}
            """);

        Assert.Contains($"unknown operator {op}", message, StringComparison.Ordinal);
    }
}
