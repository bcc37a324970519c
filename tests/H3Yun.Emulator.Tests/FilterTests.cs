using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests;

/// <summary>LoadBizObjects: the Filter string, matcher trees, paging and what comes back.</summary>
public class FilterTests
{
    // The official example of H3Yun's help page, verbatim but for the SeqNo, which the test fills in.
    private const string OfficialExample = """
        {
              "ActionName": "LoadBizObjects",
              "SchemaCode": "D000024chuangjian",
              "Filter":   "{\"FromRowNum\":0,\"ToRowNum\":500,\"Matcher\":{\"Type\":\"And\",   \"Matchers\":[{\"Type\":\"And\",\"Matchers\":[{\"Type\":\"Item\",\"Name\":\"SeqNo\",\"Operator\":2,\"Value\":\"201900000001\"}]},{\"Type\":\"And\",\"Matchers\":[{\"Type\":\"Item\",\"Name\":\"Title\",\"Operator\":2,\"Value\":\"标1\"}]},{\"Type\":\"Or\",\"Matchers\":[{\"Type\":\"Item\",\"Name\":\"Like\",\"Operator\":8,\"Value\":\"选项2\"}]}]},\"SortByCollection\":[],\"RequireCount\":false}"
        }
        """;

    [Theory]
    [InlineData("""{"Title":"标1","Like":"选项1;选项2"}""", true)]
    [InlineData("""{"Title":"标2","Like":"选项1;选项2"}""", false)]
    [InlineData("""{"Title":"标1","Like":"选项1"}""", false)]
    public async Task The_official_filter_example_needs_SeqNo_and_Title_and_Like_to_match(string record, bool expectedToMatch)
    {
        await using var api = await EmulatorSession.StartAsync();
        var id = await api.CreateAsync("D000024chuangjian", record);
        await api.CreateAsync("D000024chuangjian", """{"Title":"标1","Like":"选项2"}""");
        var seqNo = (string)api.Emulator.Find("D000024chuangjian", id)!["SeqNo"]!;

        var returnData = await api.SucceedAsync(OfficialExample.Replace("201900000001", seqNo, StringComparison.Ordinal));

        var ids = returnData["BizObjectArray"]!.AsArray().Select(row => (string)row!["ObjectId"]!).ToList();
        Assert.Equal(expectedToMatch ? [id] : [], ids);
    }

    [Fact]
    public async Task An_empty_And_matches_every_record_in_creation_order()
    {
        await using var api = await EmulatorSession.StartAsync();
        var ids = await CreateNumberedAsync(api, 3);

        var returnData = await api.QueryAsync("D000024chuangjian", """
            {"FromRowNum":0,"RequireCount":false,"ReturnItems":[],"SortByCollection":[],"ToRowNum":500,"Matcher":{"Type":"And","Matchers":[]}}
            """);

        Assert.Equal(ids, ObjectIds(returnData));
    }

    [Fact]
    public async Task A_missing_Filter_returns_the_first_500_rows()
    {
        await using var api = await EmulatorSession.StartAsync();
        await CreateNumberedAsync(api, 501);

        var firstPage = await api.SucceedAsync("""{"ActionName":"LoadBizObjects","SchemaCode":"D000024chuangjian"}""");
        var secondPage = await api.QueryAsync("D000024chuangjian", """{"FromRowNum":500,"ToRowNum":1000}""");

        Assert.Equal(500, firstPage["BizObjectArray"]!.AsArray().Count);
        Assert.Equal(501, (int)Assert.Single(secondPage["BizObjectArray"]!.AsArray())!["N"]!);
    }

    [Fact]
    public async Task The_window_is_FromRowNum_inclusive_to_ToRowNum_exclusive()
    {
        await using var api = await EmulatorSession.StartAsync();
        await CreateNumberedAsync(api, 7);

        var returnData = await api.QueryAsync("D000024chuangjian", """{"FromRowNum":2,"ToRowNum":5}""");

        Assert.Equal([3, 4, 5], Numbers(returnData));
    }

    [Fact]
    public async Task ToRowNum_defaults_to_500_rows_after_FromRowNum()
    {
        await using var api = await EmulatorSession.StartAsync();
        await CreateNumberedAsync(api, 4);

        var returnData = await api.QueryAsync("D000024chuangjian", """{"FromRowNum":1}""");

        Assert.Equal([2, 3, 4], Numbers(returnData));
    }

    [Theory]
    [InlineData(0, 501)]
    [InlineData(100, 700)]
    public async Task A_window_of_more_than_500_rows_is_refused(int from, int to)
    {
        await using var api = await EmulatorSession.StartAsync();

        var message = await api.FailAsync($$"""
            {"ActionName":"LoadBizObjects","SchemaCode":"D000024chuangjian","Filter":"{\"FromRowNum\":{{from}},\"ToRowNum\":{{to}}}"}
            """);

        Assert.Contains("500", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(10, 5)]
    public async Task ToRowNum_not_after_FromRowNum_is_refused(int from, int to)
    {
        await using var api = await EmulatorSession.StartAsync();

        var message = await api.FailAsync($$"""
            {"ActionName":"LoadBizObjects","SchemaCode":"D000024chuangjian","Filter":"{\"FromRowNum\":{{from}},\"ToRowNum\":{{to}}}"}
            """);

        Assert.Contains("ToRowNum", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_window_of_exactly_500_rows_is_allowed()
    {
        await using var api = await EmulatorSession.StartAsync();

        var returnData = await api.QueryAsync("D000024chuangjian", """{"FromRowNum":500,"ToRowNum":1000}""");

        Assert.Empty(returnData["BizObjectArray"]!.AsArray());
    }

    [Fact]
    public async Task RequireCount_adds_TotalCount_of_every_matching_row_whatever_the_window()
    {
        await using var api = await EmulatorSession.StartAsync();
        await CreateNumberedAsync(api, 7);

        // The 2019 production client's filter, verbatim: note SortByCollection sent as the string "[]".
        var returnData = await api.SucceedAsync("""
            {"ActionName":"LoadBizObjects","SchemaCode":"D000024chuangjian","Filter":"{\"FromRowNum\":0,\"ToRowNum\":1,\"RequireCount\":true,\"SortByCollection\":\"[]\",\"ReturnItems\":[],\"Matcher\":{\"Type\":\"And\",\"Matchers\":[]}}"}
            """);

        Assert.Single(returnData["BizObjectArray"]!.AsArray());
        Assert.Equal(7, (int)returnData["TotalCount"]!);
    }

    [Fact]
    public async Task TotalCount_counts_matches_not_all_rows()
    {
        await using var api = await EmulatorSession.StartAsync();
        await CreateNumberedAsync(api, 7);

        var returnData = await api.QueryAsync("D000024chuangjian", """
            {"FromRowNum":1,"ToRowNum":2,"RequireCount":"true","Matcher":{"Type":"Item","Name":"N","Operator":0,"Value":4}}
            """);

        Assert.Equal([6], Numbers(returnData));
        Assert.Equal(3, (int)returnData["TotalCount"]!);
    }

    [Theory]
    [InlineData(",\"Filter\":\"{\\\"RequireCount\\\":false}\"")]
    [InlineData(",\"Filter\":\"{}\"")]
    [InlineData("")]
    public async Task Without_RequireCount_there_is_no_TotalCount(string filter)
    {
        await using var api = await EmulatorSession.StartAsync();

        var returnData = await api.SucceedAsync($$"""{"ActionName":"LoadBizObjects","SchemaCode":"D000024chuangjian"{{filter}}}""");

        Assert.False(returnData.ContainsKey("TotalCount"));
    }

    [Fact]
    public async Task ReturnItems_limits_the_fields_but_ObjectId_always_comes_back()
    {
        await using var api = await EmulatorSession.StartAsync();
        var id = await api.CreateAsync("D000024chuangjian", """{"F0000001":"a","F0000002":"b"}""");

        var returnData = await api.QueryAsync("D000024chuangjian", """{"ReturnItems":["F0000002","OwnerId"]}""");

        var row = Assert.Single(returnData["BizObjectArray"]!.AsArray())!.AsObject();
        Assert.Equal(["ObjectId", "OwnerId", "OwnerIdObject", "F0000002"], row.Select(member => member.Key));
        Assert.Equal(id, (string?)row["ObjectId"]);
    }

    [Fact]
    public async Task SortByCollection_sorts_and_ties_keep_creation_order()
    {
        await using var api = await EmulatorSession.StartAsync();
        await api.CreateAsync("D000024chuangjian", """{"N":1,"Group":"b"}""");
        await api.CreateAsync("D000024chuangjian", """{"N":2,"Group":"a"}""");
        await api.CreateAsync("D000024chuangjian", """{"N":3,"Group":"b"}""");
        await api.CreateAsync("D000024chuangjian", """{"N":4,"Group":"a"}""");

        var byGroup = await api.QueryAsync("D000024chuangjian", """{"SortByCollection":[{"ItemName":"Group","Direction":"Ascending"}]}""");
        var newestFirst = await api.QueryAsync("D000024chuangjian", """{"SortByCollection":[{"ItemName":"N","Direction":"Descending"}]}""");

        Assert.Equal([2, 4, 1, 3], Numbers(byGroup));
        Assert.Equal([4, 3, 2, 1], Numbers(newestFirst));
    }

    [Theory]
    [InlineData(null, new[] { 1, 2, 3 })]
    [InlineData("\"\"", new[] { 1, 2, 3 })]
    [InlineData("\"0\"", new[] { 1, 2, 3 })]
    [InlineData("\" ascending \"", new[] { 1, 2, 3 })]
    [InlineData("\"1\"", new[] { 3, 2, 1 })]
    [InlineData("1", new[] { 3, 2, 1 })]
    [InlineData("\"DESCENDING\"", new[] { 3, 2, 1 })]
    public async Task A_sort_direction_is_ascending_unless_it_says_descending_or_1(string? direction, int[] expected)
    {
        await using var api = await EmulatorSession.StartAsync();
        await CreateNumberedAsync(api, 3);
        var key = direction is null ? """{"ItemName":"N"}""" : $$"""{"ItemName":"N","Direction":{{direction}}}""";

        var returnData = await api.QueryAsync("D000024chuangjian", $$"""{"SortByCollection":[{{key}}]}""");

        Assert.Equal(expected, Numbers(returnData));
    }

    [Fact]
    public async Task Records_without_the_sort_field_come_first_ascending_and_last_descending()
    {
        await using var api = await EmulatorSession.StartAsync();
        await api.CreateAsync("D000024chuangjian", """{"N":1,"Amount":20}""");
        await api.CreateAsync("D000024chuangjian", """{"N":2}""");
        await api.CreateAsync("D000024chuangjian", """{"N":3,"Amount":10}""");

        var ascending = await api.QueryAsync("D000024chuangjian", """{"SortByCollection":[{"ItemName":"Amount","Direction":"Ascending"}]}""");
        var descending = await api.QueryAsync("D000024chuangjian", """{"SortByCollection":[{"ItemName":"Amount","Direction":"Descending"}]}""");

        Assert.Equal([2, 3, 1], Numbers(ascending));
        Assert.Equal([1, 3, 2], Numbers(descending));
    }

    [Fact]
    public async Task Sorting_compares_numeric_strings_as_numbers()
    {
        await using var api = await EmulatorSession.StartAsync();
        await api.CreateAsync("D000024chuangjian", """{"N":1,"Amount":"100"}""");
        await api.CreateAsync("D000024chuangjian", """{"N":2,"Amount":"30"}""");
        await api.CreateAsync("D000024chuangjian", """{"N":3,"Amount":"7"}""");

        var returnData = await api.QueryAsync("D000024chuangjian", """{"SortByCollection":[{"ItemName":"Amount","Direction":"Ascending"}]}""");

        Assert.Equal([3, 2, 1], Numbers(returnData));
    }

    [Fact]
    public async Task An_unknown_sort_direction_is_refused()
    {
        await using var api = await EmulatorSession.StartAsync();

        var message = await api.FailAsync("""
            {"ActionName":"LoadBizObjects","SchemaCode":"D000024chuangjian","Filter":"{\"SortByCollection\":[{\"ItemName\":\"N\",\"Direction\":\"Sideways\"}]}"}
            """);

        Assert.Contains("Sideways", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nested_And_and_Or_groups_combine_as_written()
    {
        await using var api = await EmulatorSession.StartAsync();
        await CreateNumberedAsync(api, 10);

        // N > 2 AND (N < 5 OR (N >= 8 AND N != 9))
        var returnData = await api.QueryAsync("D000024chuangjian", """
            {"Matcher":{"Type":"And","Matchers":[
              {"Type":"Item","Name":"N","Operator":0,"Value":2},
              {"Type":"Or","Matchers":[
                {"Type":"Item","Name":"N","Operator":4,"Value":5},
                {"Type":"And","Matchers":[
                  {"Type":"Item","Name":"N","Operator":1,"Value":8},
                  {"Type":"Item","Name":"N","Operator":5,"Value":9}]}]}]}}
            """);

        Assert.Equal([3, 4, 8, 10], Numbers(returnData));
    }

    [Fact]
    public async Task A_Filter_sent_as_an_object_instead_of_a_string_is_accepted()
    {
        await using var api = await EmulatorSession.StartAsync();
        await CreateNumberedAsync(api, 3);

        var returnData = await api.SucceedAsync("""
            {"ActionName":"LoadBizObjects","SchemaCode":"D000024chuangjian","Filter":{"FromRowNum":0,"ToRowNum":500,"Matcher":{"Type":"Item","Name":"N","Operator":2,"Value":"2"}}}
            """);

        Assert.Equal([2], Numbers(returnData));
    }

    [Fact]
    public async Task A_Filter_string_that_is_not_JSON_is_refused()
    {
        await using var api = await EmulatorSession.StartAsync();

        // H3Yun's Java demo: single-quoted JSON inside the matcher list.
        var message = await api.FailAsync("""
            {"ActionName":"LoadBizObjects","SchemaCode":"D000024chuangjian","Filter":"{\"FromRowNum\":0,\"RequireCount\": false,\"ReturnItems\": [],   \"SortByCollection\": [],\"ToRowNum\": 500,   \"Matcher\": { \"Type\": \"And\",   \"Matchers\": [{'F0000001':122}]}}"}
            """);

        Assert.Contains("Filter is not valid JSON", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_matcher_Type_other_than_And_Or_Item_is_refused()
    {
        await using var api = await EmulatorSession.StartAsync();

        // The shape one Python client used before finding that H3Yun ignores it.
        var message = await api.FailAsync("""
            {"ActionName":"LoadBizObjects","SchemaCode":"D000024chuangjian","Filter":"{\"Matcher\":{\"Type\":\"Equal\",\"Left\":\"F0000001\",\"Right\":\"1\"}}"}
            """);

        Assert.Contains("Equal", message, StringComparison.Ordinal);
        Assert.Contains("Type", message, StringComparison.Ordinal);
    }

    private static async Task<string[]> CreateNumberedAsync(EmulatorSession api, int count)
    {
        var items = string.Join(',', Enumerable.Range(1, count).Select(n => EmulatorSession.Quote($$"""{"N":{{n}}}""")));
        var returnData = await api.SucceedAsync($$"""
            {"ActionName":"CreateBizObjects","SchemaCode":"D000024chuangjian","BizObjectArray":[{{items}}],"IsSubmit":true}
            """);
        return [.. returnData["BizObjectIdArray"]!.AsArray().Select(id => (string)id!)];
    }

    private static string[] ObjectIds(JsonObject returnData) =>
        [.. returnData["BizObjectArray"]!.AsArray().Select(row => (string)row!["ObjectId"]!)];

    private static int[] Numbers(JsonObject returnData) =>
        [.. returnData["BizObjectArray"]!.AsArray().Select(row => (int)row!["N"]!)];
}
