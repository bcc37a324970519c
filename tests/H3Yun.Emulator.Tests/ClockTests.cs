using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests;

/// <summary>
/// The clock a test gives the emulator stamps CreatedTime and ModifiedTime to the second in China time, and every
/// comparison operator and RequireCount work on those stamps: what an incremental copy of a form relies on.
/// </summary>
public class ClockTests
{
    private const string Form = "D000024chuangjian";

    [Fact]
    public async Task Many_writes_in_one_controlled_second_share_one_stamp_and_an_update_moves_only_ModifiedTime()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 1, 2, 3, 250, TimeSpan.Zero));
        var options = new H3YunEmulatorOptions { Clock = clock };
        await using var api = await EmulatorSession.StartAsync(options);

        var ids = new string[120];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = await api.CreateAsync(Form, $$"""{"F0000001":"r{{i}}"}""");
            clock.Advance(TimeSpan.FromMilliseconds(5)); // still inside 09:02:03 China time
        }

        Assert.All(ids, id => Assert.Equal("2026/3/1 9:02:03", (string?)api.Emulator.Find(Form, id)!["ModifiedTime"]));
        clock.Advance(TimeSpan.FromSeconds(2));
        await api.SucceedAsync($$"""{"ActionName":"UpdateBizObject","SchemaCode":"{{Form}}","BizObjectId":"{{ids[0]}}","BizObject":"{\"F0000001\":\"x\"}"}""");
        var updated = api.Emulator.Find(Form, ids[0])!;
        Assert.Equal("2026/3/1 9:02:03", (string?)updated["CreatedTime"]);
        Assert.Equal("2026/3/1 9:02:05", (string?)updated["ModifiedTime"]);
    }

    [Theory]
    [InlineData(0, "2026-03-01 09:00:01", 1)] // Above
    [InlineData(1, "2026-03-01 09:00:01", 2)] // NotBelow
    [InlineData(2, "2026-03-01 09:00:01", 1)] // Equal
    [InlineData(3, "2026-03-01 09:00:01", 2)] // NotAbove
    [InlineData(4, "2026-03-01 09:00:01", 1)] // Below
    [InlineData(5, "2026-03-01 09:00:01", 2)] // NotEqual
    public async Task Every_comparison_operator_works_on_ModifiedTime_with_RequireCount(int op, string value, int expected)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero));
        await using var api = await EmulatorSession.StartAsync(new H3YunEmulatorOptions { Clock = clock });
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await api.CreateAsync(Form, """{"F0000001":"x"}""");
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var answer = await api.QueryAsync(Form, $$$"""
            {"FromRowNum":0,"ToRowNum":1,"RequireCount":true,"ReturnItems":["ObjectId"],"SortByCollection":[],
             "Matcher":{"Type":"And","Matchers":[{"Type":"Item","Name":"ModifiedTime","Operator":{{{op}}},"Value":"{{{value}}}"}]}}
            """);

        Assert.Equal(expected, (int)answer["TotalCount"]!);
        Assert.Single(answer["BizObjectArray"]!.AsArray());
    }

    [Fact]
    public async Task In_on_ModifiedTime_and_StartWith_on_ObjectId_select_what_they_name()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero));
        await using var api = await EmulatorSession.StartAsync(new H3YunEmulatorOptions { Clock = clock });
        var first = await api.CreateAsync(Form, """{"F0000001":"x"}""");
        clock.Advance(TimeSpan.FromSeconds(1));
        await api.CreateAsync(Form, """{"F0000001":"y"}""");

        var byTime = await api.QueryAsync(Form, """
            {"FromRowNum":0,"ToRowNum":500,"RequireCount":true,"Matcher":{"Type":"And","Matchers":[{"Type":"Item","Name":"ModifiedTime","Operator":6,"Value":["2026-03-01 09:00:00"]}]}}
            """);
        var byPrefix = await api.QueryAsync(Form, $$$"""
            {"FromRowNum":0,"ToRowNum":500,"RequireCount":true,"Matcher":{"Type":"And","Matchers":[{"Type":"Item","Name":"ObjectId","Operator":13,"Value":"{{{first[..8]}}}"}]}}
            """);

        Assert.Equal(first, (string?)byTime["BizObjectArray"]!.AsArray().Single()!["ObjectId"]);
        Assert.Equal(first, (string?)byPrefix["BizObjectArray"]!.AsArray().Single()!["ObjectId"]);
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
