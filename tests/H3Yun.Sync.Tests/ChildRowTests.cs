using System.Text.Json.Nodes;
using H3Yun.Sync.Tests.Support;

namespace H3Yun.Sync.Tests;

/// <summary>
/// A record's child rows in the copy are the rows H3Yun sent with it last: an edit that drops rows drops them from the
/// copy, and a row sent without an id is keyed by its parent and place.
/// </summary>
public class ChildRowTests
{
    [Fact]
    public async Task An_edit_that_drops_child_rows_drops_them_from_the_copy()
    {
        await using var bench = await SyncBench.StartAsync();
        var id = await bench.CreateAsync("a", 1m, false, ("x", 1m), ("y", 2m), ("z", 3m));
        var other = await bench.CreateAsync("b", 1m, false, ("w", 4m));
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        await bench.NewSync().RunAsync();
        Assert.Equal(4, bench.Scalar("SELECT COUNT(*) FROM \"Orders_Lines\""));

        await bench.UpdateAsync(id, "a", 1m, false, [("y", 5m)]);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        await bench.NewSync().RunAsync();

        Assert.Equal(
            [(id, "y", "5"), (other, "w", "4")],
            bench.Rows("SELECT * FROM \"Orders_Lines\" ORDER BY \"品名\" DESC").Select(row => ((string)row["ParentObjectId"]!, (string)row["品名"]!, (string)row["数量"]!)));
    }

    [Fact]
    public async Task An_edit_that_empties_a_child_table_leaves_the_record_no_rows()
    {
        await using var bench = await SyncBench.StartAsync();
        var id = await bench.CreateAsync("a", 1m, false, ("x", 1m), ("y", 2m));
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        await bench.NewSync().RunAsync();

        await bench.UpdateAsync(id, "a", 1m, false, []);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        await bench.NewSync().RunAsync();

        Assert.Equal(0, bench.Scalar("SELECT COUNT(*) FROM \"Orders_Lines\""));
        Assert.Equal([id], bench.CopiedIds());
    }

    [Fact]
    public async Task A_child_row_sent_without_an_id_is_keyed_by_its_parent_and_place()
    {
        await using var bench = await SyncBench.StartAsync();
        var id = await bench.CreateAsync("a", 1m, false, ("x", 1m), ("y", 2m));
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        bench.Hook.Rewrite = body =>
        {
            var envelope = JsonNode.Parse(body)!;
            foreach (var record in envelope["ReturnData"]?["BizObjectArray"]?.AsArray() ?? [])
            {
                foreach (var row in record![SyncBench.Lines]?.AsArray() ?? [])
                {
                    row!.AsObject().Remove("ObjectId");
                }
            }

            return envelope.ToJsonString();
        };

        await bench.NewSync().RunAsync();

        Assert.Equal(
            [($"{id}:0", "x"), ($"{id}:1", "y")],
            bench.Rows("SELECT * FROM \"Orders_Lines\" ORDER BY _row_index").Select(row => ((string)row["ObjectId"]!, (string)row["品名"]!)));
    }
}
