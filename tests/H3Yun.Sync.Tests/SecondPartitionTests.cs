using System.Globalization;
using System.Text.Json.Nodes;
using H3Yun.Sync.Tests.Support;

namespace H3Yun.Sync.Tests;

/// <summary>
/// A second of more than 500 records, read by ObjectId prefixes: a prefix still too full is divided by its next hex
/// digit, down to eight; the parts must add up to the second's counts before and after, or the copy stops with the
/// cursor before that second.
/// </summary>
public class SecondPartitionTests
{
    [Fact]
    public async Task A_prefix_of_more_than_500_records_is_divided_by_its_next_digit()
    {
        await using var bench = await SyncBench.StartAsync();
        var ids = await SeedOneSecondAsync(bench, [.. Enumerable.Range(0, 600).Select(i => Id("a", i)), .. Enumerable.Range(0, 30).Select(i => Id("5", i))]);

        var report = (await bench.NewSync().RunAsync()).Forms.Single();

        Assert.Equal(ids.Order(StringComparer.Ordinal), bench.CopiedIds());
        Assert.True(report.Requests >= 1 + 16 + 16 + 1, $"{report.Requests} requests"); // the second, its digits, a's digits, its count after
        // The count after the parts needs no more than ids; the windows and the parts read whole records.
        Assert.Equal(["", "ObjectId"], bench.Hook.ReturnItemsSent.GroupBy(items => items).Select(group => group.Key).Order());
        Assert.Single(bench.Hook.ReturnItemsSent, items => items == "ObjectId");
    }

    [Fact]
    public async Task More_than_500_records_sharing_eight_digits_stop_the_copy_before_their_second()
    {
        await using var bench = await SyncBench.StartAsync();
        await SeedOneSecondAsync(bench, [.. Enumerable.Range(0, 501).Select(i => Id("abcdef01", i))]);

        var error = await Assert.ThrowsAsync<H3YunSyncException>(() => bench.NewSync().RunAsync());

        Assert.Matches(
            @"^The second \[.+\) of D000900Order \(ModifiedTime\) still holds 501 rows with ObjectIds starting 'abcdef01'; H3Yun does not divide it by ObjectId\. The cursor stays before that second\.$",
            error.Message);
        Assert.Empty(bench.CopiedIds());
        Assert.Equal(Second(bench), Cursor(bench)); // every row below the second is committed (there are none)
    }

    [Fact]
    public async Task Parts_that_count_fewer_rows_than_the_second_holds_after_them_stop_the_copy()
    {
        await using var bench = await SyncBench.StartAsync();
        await SeedOneSecondAsync(bench, [.. Enumerable.Range(0, 520).Select(i => Id(((char)('0' + (i % 10))).ToString(), i))]);
        bench.Hook.Rewrite = body =>
        {
            // The count after the parts (ObjectIds only): one more row than the parts held.
            var envelope = JsonNode.Parse(body)!;
            if (envelope["ReturnData"] is JsonObject data && (long?)data["TotalCount"] == 520
                && data["BizObjectArray"] is JsonArray { Count: > 0 } rows && rows[0]!.AsObject().Count == 1)
            {
                data["TotalCount"] = 521;
            }

            return envelope.ToJsonString();
        };

        var error = await Assert.ThrowsAsync<H3YunSyncException>(() => bench.NewSync().RunAsync());

        Assert.Matches(
            @"^H3Yun did not honour the ObjectId partition of the second \[.+\) of D000900Order \(ModifiedTime\): its parts \(StartWith on ObjectId, by hex digit\) counted 520 rows, while the second held 520 before and 521 after\. The copy stops rather than lose rows; the cursor stays before that second\.$",
            error.Message);
        Assert.Equal(Second(bench), Cursor(bench));
    }

    [Fact]
    public async Task A_record_deleted_while_its_second_is_read_leaves_the_parts_between_the_counts_and_the_copy_goes_on()
    {
        await using var bench = await SyncBench.StartAsync();
        var ids = await SeedOneSecondAsync(bench, [.. Enumerable.Range(0, 520).Select(i => Id(((char)('0' + (i % 10))).ToString(), i))]);
        var last = ids.Single(id => id == Id("9", 519));
        var firstPartRead = false;
        var deleted = false;
        bench.Hook.Rewrite = body =>
        {
            var rows = JsonNode.Parse(body)!["ReturnData"]?["BizObjectArray"] as JsonArray;
            firstPartRead |= rows is { Count: > 0 and < 500 } && rows.All(row => ((string)row!["ObjectId"]!).StartsWith('0'));
            return body;
        };
        bench.Hook.Before = async _ =>
        {
            if (firstPartRead && !deleted)
            {
                deleted = true;
                await bench.RemoveAsync(last); // its prefix, 9, is read later
            }
        };

        var report = (await bench.NewSync().RunAsync()).Forms.Single();

        Assert.True(deleted);
        Assert.Equal(ids.Where(id => id != last).Order(StringComparer.Ordinal), bench.CopiedIds());
        Assert.Equal(519, report.RowsUpserted);
        Assert.NotNull(Cursor(bench));
    }

    private static string Id(string prefix, int i) => prefix + i.ToString("x8", CultureInfo.InvariantCulture);

    private static async Task<List<string>> SeedOneSecondAsync(SyncBench bench, List<string> ids)
    {
        await bench.SeedAsync(ids.Select(id => (id, bench.ChinaNow.AddSeconds(-60))));
        return ids;
    }

    /// <summary>The crowded second: a minute before the bench's clock, which the tests do not move.</summary>
    private static string Second(SyncBench bench) =>
        bench.ChinaNow.AddSeconds(-60).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static object? Cursor(SyncBench bench) =>
        Assert.Single(bench.Rows("SELECT cursor_time FROM h3yun_forms WHERE schema_code = 'D000900Order'"))["cursor_time"];
}
