using System.Globalization;
using H3Yun.Sync.Tests.Support;

namespace H3Yun.Sync.Tests;

/// <summary>
/// The copy's paths through windows holding more rows than one request returns: a prefix that a later count cannot
/// prove, a window reaching above the entry bound, a window of two seconds, a crowded last second. Every path copies
/// every row and moves the cursor only past committed rows; what the paths differ in is what they cost, so the request
/// counts are exact, and the progress shows each window as it is read.
/// </summary>
public class OversizedWindowTests
{
    [Fact]
    public async Task A_prefix_left_unproven_by_a_record_leaving_is_cut_at_its_last_second_and_then_read_whole()
    {
        await using var bench = await SyncBench.StartAsync();
        var start = bench.ChinaNow.AddSeconds(-2000);
        var records = Enumerable.Range(0, 1000).Select(i => (Id: Guid.NewGuid().ToString(), Stamp: start.AddSeconds(i))).ToList();
        await bench.SeedAsync(records);
        var leaving = records[700].Id;
        var first = bench.Hook.Sent;
        bench.Hook.Before = async number =>
        {
            if (number - first == 2)
            {
                await bench.UpdateAsync(leaving, "edited", 1m, false, null); // stamped now: above this run's bound
            }
        };
        var progress = new List<SyncProgress>();

        var report = (await bench.NewSync(progress: new InlineProgress<SyncProgress>(progress.Add)).RunAsync()).Forms.Single();

        // 1: the first 500 of 1,000, held below a cut after their last second; 2: the rest counts 499, not 500, so the
        // cut moves to their last second; 3: the rest from there counts 500, not 501, so the 500 below it are read
        // whole (4) and then the rest again (5); 6: the seconds above the entry bound.
        Assert.Equal((6L, 6), (report.Requests, report.Windows));
        Assert.Equal(999, report.RowsUpserted);
        Assert.Equal(records.Select(record => record.Id).Where(id => id != leaving).Order(StringComparer.Ordinal), bench.CopiedIds());
        Assert.Equal(Enumerable.Range(1, 6), progress.Select(step => step.Windows).Distinct());
        Assert.Equal(
            [(2, 500L), (2, 499L), (3, 1000L)],
            Enumerable.Range(1, 3).Select(windows => progress.First(step => step.Windows == windows)).Select(step => (step.WindowsAhead, step.RowsAhead)));
    }

    [Fact]
    public async Task A_window_reaching_above_the_entry_bound_is_read_below_it_on_its_own()
    {
        await using var bench = await SyncBench.StartAsync();
        await bench.NewSync().RunAsync();
        var now = bench.ChinaNow;
        // 576 changes below the next run's entry bound (6 a second), 9 above it.
        var stamps = Enumerable.Range(0, 96).SelectMany(second => Enumerable.Repeat(now.AddSeconds(second), 6))
            .Concat(Enumerable.Range(96, 3).SelectMany(second => Enumerable.Repeat(now.AddSeconds(second), 3)));
        var ids = stamps.Select(stamp => (Id: Guid.NewGuid().ToString(), Stamp: stamp)).ToList();
        await bench.SeedAsync(ids);
        bench.Clock.Advance(TimeSpan.FromSeconds(100));

        var report = (await bench.NewSync().RunAsync()).Forms.Single();

        // 1: the whole increment counts 585; 2: below the entry bound, 576, whose first 500 are held below their last
        // second; 3: the rest counts 78, which proves them; 4: the seconds above the bound. Split by its rows' times
        // instead, the increment would take 3 requests, but no count of a window reaching above the bound proves anything.
        Assert.Equal(4, report.Requests);
        Assert.Equal(ids.Select(record => record.Id).Order(StringComparer.Ordinal), bench.CopiedIds());
    }

    [Fact]
    public async Task A_window_of_two_seconds_too_big_for_one_read_is_read_a_second_at_a_time()
    {
        await using var bench = await SyncBench.StartAsync();
        var upper = bench.ChinaNow.AddSeconds(-1);
        var stamps = Enumerable.Repeat(upper.AddSeconds(-2), 300).Concat(Enumerable.Repeat(upper.AddSeconds(-1), 300));
        var ids = stamps.Select(stamp => (Id: Guid.NewGuid().ToString(), Stamp: stamp)).ToList();
        await bench.SeedAsync(ids);

        var report = (await bench.NewSync(overlap: TimeSpan.FromSeconds(2)).RunAsync()).Forms.Single();

        // Below the entry bound, nothing; above it, two seconds counting 600, then each of them whole. By ObjectId
        // prefixes, as a single crowded second is read, the two would take 17 requests more.
        Assert.Equal(4, report.Requests);
        Assert.Equal(ids.Select(record => record.Id).Order(StringComparer.Ordinal), bench.CopiedIds());
    }

    [Fact]
    public async Task A_crowded_last_second_moves_the_cursor_to_the_runs_bound_and_copies_whole_records()
    {
        await using var bench = await SyncBench.StartAsync();
        var upper = bench.ChinaNow.AddSeconds(-1);
        var ids = Enumerable.Range(0, 520).Select(_ => (Id: Guid.NewGuid().ToString(), Stamp: upper.AddSeconds(-1))).ToList();
        await bench.SeedAsync(ids);

        var run = await bench.NewSync().RunAsync();

        Assert.Equal(upper, run.Upper);
        Assert.Equal(upper, run.Forms[0].Cursor);
        var stored = Assert.Single(bench.Rows("SELECT cursor_time FROM h3yun_forms WHERE schema_code = 'D000900Order'"))["cursor_time"];
        Assert.Equal(upper.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), stored);
        Assert.Equal(ids.Select(record => record.Id).Order(StringComparer.Ordinal), bench.CopiedIds());
        Assert.Equal(520, bench.Scalar("SELECT COUNT(*) FROM \"Orders\" WHERE 标题 LIKE 'r%'")); // whole records, not ObjectIds
    }
}
