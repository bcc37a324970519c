using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CsCheck;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests;

/// <summary>
/// LoadBizObjects finds the records of a ModifiedTime or CreatedTime range in a sorted index (a copy reads hundreds of
/// windows of a large form). The index must never change an answer: each filter is compared with the same conditions
/// inside an <c>Or</c> of one group, which the index does not take, so every record is tested one by one.
/// </summary>
public class TimeIndexTests
{
    private const string Form = "D000024chuangjian";

    // Times as clients and seeds write them; filter values that are no date at all leave the index out.
    private static readonly string[] Stamps = ["2026/5/1 10:00:0{0}", "2026-05-01 10:00:0{0}", "2026-05-01T10:00:0{0}", "2026-05-01 10:00:0{0}.5", "2026-05-01T02:00:0{0}Z", "x{0}", ""];

    [Fact]
    public async Task A_range_of_a_system_date_answers_as_a_test_of_every_record_would()
    {
        await using var api = await EmulatorSession.StartAsync();
        var random = new Random(7);
        var seed = new StringBuilder("""{"Format":"h3yun-emulator-seed/1","Records":{"D000024chuangjian":[""");
        for (var i = 0; i < 300; i++)
        {
            var modified = string.Format(CultureInfo.InvariantCulture, Stamps[random.Next(5)], random.Next(10));
            var created = string.Format(CultureInfo.InvariantCulture, Stamps[random.Next(2)], random.Next(10));
            seed.Append(CultureInfo.InvariantCulture, $$"""{{(i == 0 ? "" : ",")}}{"ObjectId":"{{Guid.NewGuid()}}","Title":"t{{i % 3}}","CreatedTime":"{{created}}"{{(i % 11 == 0 ? "" : $",\"ModifiedTime\":\"{modified}\"")}}}""");
        }

        seed.Append("]},\"Attachments\":[]}");
        await api.Emulator.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(seed.ToString())));

        var item = Gen.Select(Gen.Int[0, 4], Gen.Int[0, 9], Gen.Int[0, 6]).Select((op, second, style) =>
            $$"""{"Type":"Item","Name":"ModifiedTime","Operator":{{op}},"Value":"{{string.Format(CultureInfo.InvariantCulture, Stamps[style], second)}}"}""");
        var extra = Gen.Int[0, 2].Select(pick => new[] {
            "",
            """,{"Type":"Item","Name":"Title","Operator":2,"Value":"t1"}""",
            """,{"Type":"Item","Name":"CreatedTime","Operator":4,"Value":"2026-05-01 10:00:05"}""",
        }[pick]);
        await Gen.Select(item.Array[1, 3], extra, Gen.Int[0, 300], Gen.Int[1, 500]).SampleAsync(async (items, rest, from, size) =>
        {
            var conditions = string.Join(",", items) + rest;
            var indexed = await QueryAsync(api, $$"""{"Type":"And","Matchers":[{{conditions}}]}""", from, size);
            var scanned = await QueryAsync(api, $$"""{"Type":"Or","Matchers":[{"Type":"And","Matchers":[{{conditions}}]}]}""", from, size);
            Assert.Equal(scanned.Count, indexed.Count);
            Assert.Equal(scanned.Ids, indexed.Ids);
        }, iter: 200, seed: "0N0XIzNsQ0O2");
    }

    [Theory]
    [InlineData("And", "0:5,1:5", new[] { 6, 7, 8, 9 })]
    [InlineData("And", "1:5,0:5", new[] { 6, 7, 8, 9 })]
    [InlineData("And", "4:5,3:5", new[] { 0, 1, 2, 3, 4 })]
    [InlineData("And", "3:5,4:5", new[] { 0, 1, 2, 3, 4 })]
    [InlineData("And", "2:5,0:3,3:6", new[] { 5 })]
    [InlineData("Or", "0:7,4:2", new[] { 0, 1, 8, 9 })]
    public async Task Bounds_of_the_same_time_keep_the_strictest_and_an_Or_is_never_read_as_bounds(string group, string items, int[] expectedSeconds)
    {
        await using var api = await EmulatorSession.StartAsync();
        var records = string.Join(",", Enumerable.Range(0, 10).Select(second =>
            $$"""{"ObjectId":"{{Guid.NewGuid()}}","N":{{second}},"CreatedTime":"2026-05-01 09:00:00","ModifiedTime":"2026-05-01 10:00:0{{second}}"}"""));
        await api.Emulator.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"Format":"h3yun-emulator-seed/1","Records":{"{{Form}}":[{{records}}]},"Attachments":[]}""")));
        var matchers = items.Split(',').Select(item => item.Split(':')).Select(parts =>
            $$"""{"Type":"Item","Name":"ModifiedTime","Operator":{{parts[0]}},"Value":"2026-05-01 10:00:0{{parts[1]}}"}""");

        var data = await api.QueryAsync(Form, $$$"""{"RequireCount":true,"Matcher":{"Type":"{{{group}}}","Matchers":[{{{string.Join(",", matchers)}}}]}}""");

        Assert.Equal(expectedSeconds, data["BizObjectArray"]!.AsArray().Select(row => (int)row!["N"]!).Order());
        Assert.Equal(expectedSeconds.Length, (int)data["TotalCount"]!);
    }

    private static async Task<(int Count, string[] Ids)> QueryAsync(EmulatorSession api, string matcher, int from, int size)
    {
        var filter = new JsonObject
        {
            ["FromRowNum"] = from,
            ["ToRowNum"] = from + size,
            ["RequireCount"] = true,
            ["ReturnItems"] = new JsonArray(),
            ["SortByCollection"] = new JsonArray(),
            ["Matcher"] = JsonNode.Parse(matcher),
        };
        var data = await api.QueryAsync(Form, filter.ToJsonString());
        return ((int)data["TotalCount"]!, data["BizObjectArray"]!.AsArray().Select(row => (string)row!["ObjectId"]!).ToArray());
    }
}
