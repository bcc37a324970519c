using System;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests;

/// <summary>
/// A malformed request is refused with a message that names the member, the place inside it (an index, a nested
/// matcher) and what was sent instead, so that a client's author can find the mistake without the emulator's source.
/// </summary>
public class RefusalMessageTests
{
    public static TheoryData<string, string> Filters => new()
    {
        { """{"FromRowNum":-1}""", "Filter.FromRowNum must be 0 or more, got -1" },
        { """{"FromRowNum":"x"}""", "Filter.FromRowNum must be an integer, got \"x\"" },
        { """{"ToRowNum":true}""", "Filter.ToRowNum must be an integer, got true" },
        { """{"FromRowNum":100,"ToRowNum":700}""", "at most 500 rows per call: ToRowNum - FromRowNum is 600" },
        { """{"RequireCount":"yes"}""", "Filter.RequireCount must be true or false, got \"yes\"" },
        { """{"RequireCount":1}""", "Filter.RequireCount must be true or false, got 1" },
        { """{"RequireCount":{}}""", "Filter.RequireCount must be true or false, got {}" },
        { """{"ReturnItems":5}""", "Filter.ReturnItems must be a JSON array, got a number" },
        { """{"ReturnItems":true}""", "Filter.ReturnItems must be a JSON array, got a boolean" },
        { """{"ReturnItems":"{}"}""", "Filter.ReturnItems must be a JSON array, got an object" },
        { """{"ReturnItems":["N",{}]}""", "Filter.ReturnItems[1] must be a string, got an object" },
        { """{"SortByCollection":{}}""", "Filter.SortByCollection must be a JSON array, got an object" },
        { """{"SortByCollection":[null]}""", "Filter.SortByCollection[0] is null" },
        { """{"SortByCollection":[{"ItemName":"N"},5]}""", "Filter.SortByCollection[1] must be a JSON object or a string holding one, got a number" },
        { """{"SortByCollection":[{"ItemName":[]}]}""", "Filter.SortByCollection[0].ItemName must be a string, got an array" },
        { """{"SortByCollection":[{"ItemName":" "}]}""", "Filter.SortByCollection[0].ItemName is missing" },
        { """{"SortByCollection":[{"ItemName":"N","Direction":true}]}""", "Filter.SortByCollection[0].Direction must be a string, got a boolean" },
        { """{"Matcher":{"Type":{}}}""", "Filter.Matcher.Type must be a string, got an object" },
        { """{"Matcher":{"Type":"And","Matchers":{}}}""", "Filter.Matcher.Matchers must be a JSON array, got an object" },
        { """{"Matcher":{"Type":"Or","Matchers":[null]}}""", "Filter.Matcher.Matchers[0] is null" },
        { """{"Matcher":{"Type":"And","Matchers":[{"Type":"Item","Name":[]}]}}""", "Filter.Matcher.Matchers[0].Name must be a string, got an array" },
        { """{"Matcher":{"Type":"Item","Name":"N","Operator":"x"}}""", "Filter.Matcher.Operator must be an integer, got \"x\"" },
        { """{"Matcher":{"Type":"Item","Name":"N"}}""", "Filter.Matcher.Operator is missing" },
        { """{"Matcher":{"Type":"Item","Name":"N","Operator":9}}""", "unknown operator 9 at Filter.Matcher.Operator" },
    };

    public static TheoryData<string, string> Bodies => new()
    {
        { "5", "request body must be a JSON object, got a number" },
        { "null", "request body must be a JSON object, got null" },
        { "\"LoadBizObjects\"", "request body must be a JSON object, got a string" },
        { """{"SchemaCode":"FormA"}""", "missing ActionName" },
        { """{"ActionName":"CreateBizObjects","SchemaCode":"FormA","IsSubmit":true}""", "missing BizObjectArray" },
        { """{"ActionName":"CreateBizObjects","SchemaCode":"FormA","BizObjectArray":5,"IsSubmit":true}""", "BizObjectArray must be a JSON array, got a number" },
        { """{"ActionName":"CreateBizObjects","SchemaCode":"FormA","BizObjectArray":"[{}, 1]","IsSubmit":true}""", "BizObjectArray[1] must be a JSON object or a string holding one, got a number" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task A_malformed_filter_is_refused_naming_the_place_and_what_came(string filter, string expected)
    {
        await using var api = await EmulatorSession.StartAsync();

        var message = await api.FailAsync($$"""{"ActionName":"LoadBizObjects","SchemaCode":"FormA","Filter":{{filter}}}""");

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_malformed_body_is_refused_naming_the_member_and_what_came(string body, string expected)
    {
        await using var api = await EmulatorSession.StartAsync();

        var message = await api.FailAsync(body);

        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Equal(0, api.Emulator.Count("FormA"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task An_empty_body_is_refused_with_what_to_send(string body)
    {
        await using var api = await EmulatorSession.StartAsync();

        var message = await api.FailAsync(body);

        Assert.Equal("请求体为空 / the request body is empty; send a JSON object with ActionName and SchemaCode", message);
    }

    [Fact]
    public async Task With_a_schema_a_sort_by_a_code_the_form_lacks_is_refused_naming_where()
    {
        await using var api = await EmulatorSession.StartWithSchemasAsync();

        var message = await api.FailAsync($$$"""{"ActionName":"LoadBizObjects","SchemaCode":"{{{EmulatorSession.OrderForm}}}","Filter":{"SortByCollection":[{"ItemName":"F0000099"}]}}""");

        Assert.Contains("has no field code 'F0000099' (Filter.SortByCollection[0].ItemName)", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"  \"")]
    public async Task A_blank_Filter_or_ReturnItems_string_means_none(string blank)
    {
        await using var api = await EmulatorSession.StartAsync();
        var id = await api.CreateAsync("FormA", """{"N":1}""");

        var unfiltered = await api.SucceedAsync($$"""{"ActionName":"LoadBizObjects","SchemaCode":"FormA","Filter":{{blank}}}""");
        var allFields = await api.SucceedAsync($$$"""{"ActionName":"LoadBizObjects","SchemaCode":"FormA","Filter":{"ReturnItems":{{{blank}}}}}""");

        Assert.Equal(id, (string?)unfiltered["BizObjectArray"]![0]!["ObjectId"]);
        Assert.Equal(1, (int?)allFields["BizObjectArray"]![0]!["N"]);
    }
}
