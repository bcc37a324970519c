using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CsCheck;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests;

/// <summary>
/// <c>In</c> matches exactly the records that an <c>Or</c> of <c>Equal</c>s of its values matches, whatever mix of
/// texts, numbers written two ways, dates in H3Yun's formats and booleans the records and the set hold: the set is
/// hashed once per query, and only values that read as numbers, dates or booleans are compared one by one.
/// </summary>
public class InOperatorTests
{
    // Values that compare equal in pairs across forms (1.5 = "1.50", 2026/1/5 = 2026-01-05 00:00:00, true = "True"),
    // and texts that only look alike.
    private static readonly string[] Values =
    [
        "\"M-1\"", "\"m-1\"", "\"M-2\"", "\"甲\"", "\"1.5\"", "\"1.50\"", "1.5", "7", "\"7\"", "\"2026/1/5\"",
        "\"2026-01-05 00:00:00\"", "\"2026-01-06\"", "true", "\"True\"", "false", "\"\"", "\" M-1\"",
    ];

    [Fact]
    public async Task In_matches_what_an_Or_of_Equals_of_its_values_matches()
    {
        await using var api = await EmulatorSession.StartAsync();
        for (var i = 0; i < Values.Length; i++)
        {
            await api.CreateAsync("FormIn", $$"""{"Key":"r{{i}}","Value":{{Values[i]}}}""");
        }

        var checkedSets = 0;
        await Gen.Int[0, Values.Length - 1].Array[1, 6].SampleAsync(async picks =>
        {
            var set = picks.Select(p => Values[p]).ToArray();
            var byIn = await KeysAsync(api, $$"""{"Type":"Item","Name":"Value","Operator":6,"Value":[{{string.Join(',', set)}}]}""");
            var byEquals = await KeysAsync(api, $$"""{"Type":"Or","Matchers":[{{string.Join(',', set.Select(v => $$"""{"Type":"Item","Name":"Value","Operator":2,"Value":{{v}}}"""))}}]}""");
            checkedSets++;
            return byIn.SequenceEqual(byEquals);
        }, iter: 200);

        Assert.Equal(200, checkedSets);
    }

    private static async Task<List<string>> KeysAsync(EmulatorSession api, string matcher)
    {
        var returnData = await api.QueryAsync("FormIn", $$"""{"FromRowNum":0,"ToRowNum":500,"Matcher":{{matcher}}}""");
        return [.. returnData["BizObjectArray"]!.AsArray().Select(row => (string)row!["Key"]!).Order(StringComparer.Ordinal)];
    }
}
