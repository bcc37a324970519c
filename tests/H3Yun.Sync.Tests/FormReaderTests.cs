using System.Text.Json;
using H3Yun.Sync.Tests.Support;

namespace H3Yun.Sync.Tests;

/// <summary>
/// <see cref="H3YunFormReader"/>, the copy's windows as a read of its own (what <c>h3yun export</c> reads): every record
/// once, a second of more than 500 records included, and only the records from <c>since</c> on.
/// </summary>
public class FormReaderTests
{
    [Fact]
    public async Task Every_record_comes_once_a_crowded_second_included_and_since_reads_only_the_newer()
    {
        await using var bench = await SyncBench.StartAsync();
        var ids = new List<string>();
        for (var batch = 0; batch < 6; batch++)
        {
            ids.AddRange(await CreateAsync(bench, 100, "crowded")); // 600 in one second: split by ObjectId prefix
        }

        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        ids.AddRange(await CreateAsync(bench, 30, "later"));
        bench.Clock.Advance(TimeSpan.FromSeconds(10));
        var since = bench.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime;
        var newer = await CreateAsync(bench, 20, "newer");
        ids.AddRange(newer);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        var reader = new H3YunFormReader(bench.Client) { Lag = TimeSpan.FromSeconds(1), Clock = bench.Clock };
        var progress = new List<FormReadProgress>();

        var all = await ReadAsync(reader, null, progress);
        var fromSince = await ReadAsync(reader, since, []);

        Assert.Equal(ids.Count, all.Count);
        Assert.Equal(ids.Order(), all.Order());
        Assert.Equal(650, progress[^1].Records);
        Assert.True(progress[^1].Requests > 17, $"{progress[^1].Requests} request(s): the crowded second is read in 16 parts and counted again");
        Assert.Equal(newer.Order(), fromSince.Order());
        Assert.Equal(progress.Select(p => p.Windows).Order(), progress.Select(p => p.Windows)); // counts only grow
        Assert.Equal(progress[^1].Requests - 1, progress[^1].Windows); // a request a window, and the crowded second counted again
        Assert.All(progress, p => Assert.Equal(SyncBench.Form, p.SchemaCode));
        Assert.Contains(progress, p => p.WindowsAhead > 1 && p.RecordsAhead > 0); // a split's parts are ahead, with their share of its count
        Assert.Equal(0, progress[^1].WindowsAhead);
        Assert.Equal(0, progress[^1].RecordsAhead);
    }

    [Fact]
    public async Task Windows_come_in_ascending_time_and_an_answers_rows_place_the_cuts_of_a_window_too_big_for_it()
    {
        await using var bench = await SyncBench.StartAsync();
        for (var second = 0; second < 3; second++)
        {
            await CreateAsync(bench, 300, $"second {second}");
            bench.Clock.Advance(TimeSpan.FromSeconds(20));
        }

        var reader = new H3YunFormReader(bench.Client) { Lag = TimeSpan.FromSeconds(1), Clock = bench.Clock };
        var progress = new List<FormReadProgress>();
        var batches = new List<List<string>>();

        await foreach (var batch in reader.ReadAsync(SyncBench.Form, null, reader.Upper(), new InlineProgress<FormReadProgress>(progress.Add)))
        {
            batches.Add([.. batch.Select(record => record.GetProperty("ModifiedTime").GetString()!)]);
        }

        Assert.Equal(900, batches.Sum(batch => batch.Count));
        Assert.Equal(Enumerable.Range(1, progress.Count), progress.Select(p => p.Windows)); // each window read is reported, a split one too
        for (var i = 1; i < batches.Count; i++)
        {
            Assert.True(string.CompareOrdinal(batches[i - 1].Max(), batches[i].Min()) <= 0, $"batch {i} is earlier than batch {i - 1}");
        }

        // 900 rows in a window of sixteen years: cut by the answer's 500 rows, a handful of requests; cut evenly, the
        // years would be divided again and again before any part held fewer than 500.
        Assert.InRange(progress[^1].Requests, 3, 8);
    }

    [Fact]
    public async Task Records_from_before_2010_come_first()
    {
        // The first read is two windows, before the floor year and after it: the older comes first.
        await using var bench = await SyncBench.StartAsync();
        var old = Guid.NewGuid().ToString();
        var recent = Guid.NewGuid().ToString();
        await bench.SeedAsync([(recent, bench.ChinaNow.AddSeconds(-60)), (old, new DateTime(2005, 3, 1, 8, 0, 0))]);
        var reader = new H3YunFormReader(bench.Client) { Lag = TimeSpan.FromSeconds(1), Clock = bench.Clock };

        var batches = new List<string>();
        await foreach (var batch in reader.ReadAsync(SyncBench.Form, null, reader.Upper()))
        {
            batches.Add(string.Join(",", batch.Select(record => record.GetProperty("ObjectId").GetString())));
        }

        Assert.Equal([old, recent], batches);
    }

    [Fact]
    public async Task By_default_a_read_stays_ten_seconds_behind_the_systems_clock()
    {
        await using var bench = await SyncBench.StartAsync();

        var reader = new H3YunFormReader(bench.Client);

        Assert.Equal(TimeSpan.FromSeconds(10), reader.Lag);
        Assert.Same(TimeProvider.System, reader.Clock);
        var expected = WindowPlannerUpper(DateTimeOffset.UtcNow.AddSeconds(-10));
        Assert.InRange(reader.Upper(), expected.AddSeconds(-1), expected.AddSeconds(1));
        Assert.Equal(new DateTime(2026, 5, 1, 9, 59, 58), new H3YunFormReader(bench.Client) { Clock = bench.Clock, Lag = TimeSpan.FromSeconds(2) }.Upper());

        static DateTime WindowPlannerUpper(DateTimeOffset now) => now.ToOffset(TimeSpan.FromHours(8)).DateTime;
    }

    [Fact]
    public async Task A_missing_client_or_form_is_refused_and_a_cancelled_read_sends_nothing()
    {
        await using var bench = await SyncBench.StartAsync();
        var reader = new H3YunFormReader(bench.Client) { Clock = bench.Clock };
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.Throws<ArgumentNullException>(() => new H3YunFormReader(null!));
        await Assert.ThrowsAsync<ArgumentException>(async () => await reader.ReadAsync(" ", null, reader.Upper()).GetAsyncEnumerator().MoveNextAsync());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await reader.ReadAsync(SyncBench.Form, null, reader.Upper(), cancellationToken: cancelled.Token).GetAsyncEnumerator(cancelled.Token).MoveNextAsync());
        Assert.Equal(0, bench.Hook.Sent);
    }

    [Fact]
    public async Task A_since_between_seconds_reads_from_its_whole_second()
    {
        await using var bench = await SyncBench.StartAsync();
        var at = bench.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime;
        var ids = await CreateAsync(bench, 2, "same second");
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        var reader = new H3YunFormReader(bench.Client) { Lag = TimeSpan.FromSeconds(1), Clock = bench.Clock };

        var read = await ReadAsync(reader, at.AddMilliseconds(999), []);

        Assert.Equal(ids.Order(), read.Order());
    }

    [Fact]
    public async Task A_since_at_or_after_the_bound_reads_nothing_and_sends_nothing()
    {
        await using var bench = await SyncBench.StartAsync();
        await CreateAsync(bench, 3, "a");
        var reader = new H3YunFormReader(bench.Client) { Clock = bench.Clock };
        var upper = reader.Upper();
        var progress = new List<FormReadProgress>();

        var read = await ReadAsync(reader, upper, progress);

        Assert.Empty(read);
        Assert.Empty(progress);
    }

    private static async Task<List<string>> ReadAsync(H3YunFormReader reader, DateTime? since, List<FormReadProgress> progress)
    {
        var ids = new List<string>();
        await foreach (var batch in reader.ReadAsync(SyncBench.Form, since, reader.Upper(), new InlineProgress<FormReadProgress>(progress.Add)))
        {
            Assert.InRange(batch.Count, 1, 500);
            Assert.Equal(ids.Count + batch.Count, progress[^1].Records); // reported before it is handed on
            Assert.All(batch, record => Assert.True(record.TryGetProperty("F0000001", out _), "a whole record, not only its ObjectId"));
            ids.AddRange(batch.Select(record => record.GetProperty("ObjectId").GetString()!));
        }

        return ids;
    }

    private static async Task<List<string>> CreateAsync(SyncBench bench, int count, string title)
    {
        var jsons = Enumerable.Range(0, count).Select(i => SyncBench.RecordJson($"{title}-{i}", i, false, null));
        var data = await bench.Writer.InvokeAsync(OpenApiRequest.CreateBizObjects(SyncBench.Form, jsons, isSubmit: true));
        return [.. data.GetProperty("BizObjectIdArray").EnumerateArray().Select(id => id.GetString()!)];
    }
}
