using H3Yun.Sync.Windows;

namespace H3Yun.Sync.Tests;

/// <summary>
/// The window rules at their edges: the floor year, an overlap longer than the clock, a sample's first and last
/// seconds, the 95% share of ascending pairs that marks an answer in time order, and the part sizes a sample's share
/// of its window allows.
/// </summary>
public class WindowPlannerBoundaryTests
{
    private static readonly DateTime Noon = new(2026, 5, 1, 12, 0, 0);

    private static readonly TimeWindow Hour = new(Noon, Noon.AddHours(1));

    private static List<DateTime> Seconds(params int[] offsets) => [.. offsets.Select(offset => Noon.AddSeconds(offset))];

    [Fact]
    public void A_first_run_whose_upper_bound_is_at_or_below_the_floor_reads_one_window()
    {
        Assert.Equal([new TimeWindow(DateTime.MinValue, WindowPlanner.Floor)], WindowPlanner.Initial(null, WindowPlanner.Floor, TimeSpan.Zero));
        var early = WindowPlanner.Floor.AddDays(-1);
        Assert.Equal([new TimeWindow(DateTime.MinValue, early)], WindowPlanner.Initial(null, early, TimeSpan.Zero));
    }

    [Fact]
    public void A_later_run_never_reads_below_the_floor()
    {
        var cursor = WindowPlanner.Floor.AddSeconds(30);

        Assert.Equal([new TimeWindow(WindowPlanner.Floor, Noon)], WindowPlanner.Initial(cursor, Noon, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void An_overlap_longer_than_the_clock_puts_the_entry_bound_at_the_beginning_of_time()
    {
        var upper = DateTime.MinValue.AddSeconds(10);

        Assert.Equal(DateTime.MinValue, WindowPlanner.EntryBound(upper, TimeSpan.FromMinutes(1)));
        Assert.Equal([new TimeWindow(DateTime.MinValue, upper)], WindowPlanner.CopyWindows(null, upper, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void A_prefix_cut_reads_only_the_answers_times_inside_the_window()
    {
        Assert.Equal(Noon.AddSeconds(21), WindowPlanner.PrefixCut(Hour, Seconds(0, 20), afterLast: true)); // the window's first second counts
        Assert.Equal(Noon.AddSeconds(21), WindowPlanner.PrefixCut(Hour, Seconds(10, 20, 3600), afterLast: true)); // its end does not
        Assert.Equal(Noon.AddSeconds(21), WindowPlanner.PrefixCut(Hour, Seconds(10, 20, 7200), afterLast: true));
        Assert.Null(WindowPlanner.PrefixCut(Hour, Seconds(20), afterLast: true)); // one time proves no order
        Assert.Null(WindowPlanner.PrefixCut(Hour, Seconds(-5, 20), afterLast: true));
    }

    [Fact]
    public void An_answer_counts_as_ascending_when_95_percent_of_its_pairs_are()
    {
        // 21 times, one every 10 seconds, the last two swapped: 19 of 20 pairs ascending, exactly the share.
        var times = Enumerable.Range(0, 21).Select(i => Noon.AddSeconds(10 * i)).ToList();
        (times[^2], times[^1]) = (times[^1], times[^2]);

        Assert.Equal(Noon.AddSeconds(201), WindowPlanner.PrefixCut(Hour, times, afterLast: true)); // after the latest, not the last given
        (times[0], times[1]) = (times[1], times[0]); // a second descending pair
        Assert.Null(WindowPlanner.PrefixCut(Hour, times, afterLast: true));
    }

    [Fact]
    public void A_prefix_cut_goes_after_the_last_second_only_when_at_most_one_pair_in_twenty_shares_a_second()
    {
        // 20 times, one second shared: 1 ≤ 20 / 20.
        Assert.Equal(Noon.AddSeconds(19), WindowPlanner.PrefixCut(Hour, Seconds([0, .. Enumerable.Range(0, 19)]), afterLast: true));

        // 39 times, 19 seconds shared: the answer may have stopped inside its last second's rows.
        var shared = Enumerable.Range(0, 19).SelectMany(i => new[] { i, i }).Append(19).ToArray();
        Assert.Equal(Noon.AddSeconds(19), WindowPlanner.PrefixCut(Hour, Seconds(shared), afterLast: true));

        // The last second held twice: its rows may continue beyond the answer.
        Assert.Equal(Noon.AddSeconds(38), WindowPlanner.PrefixCut(Hour, Seconds([.. Enumerable.Range(0, 39), 38]), afterLast: true));
    }

    [Fact]
    public void A_prefix_cut_stays_strictly_inside_the_window()
    {
        var window = new TimeWindow(Noon, Noon.AddSeconds(21));

        Assert.Equal(Noon.AddSeconds(20), WindowPlanner.PrefixCut(window, Seconds([.. Enumerable.Range(0, 21)]), afterLast: true));
        Assert.Null(WindowPlanner.PrefixCut(Hour, Seconds(5, 5, 5, 5), afterLast: true)); // every time in one second
    }

    [Fact]
    public void An_answer_of_no_rows_proves_nothing()
    {
        Assert.False(WindowPlanner.ProvesPrefix(Hour, Hour.End, 1000, 1000, 0));
    }

    [Fact]
    public void A_split_reads_only_the_samples_times_inside_the_window()
    {
        var window = new TimeWindow(Noon, Noon.AddSeconds(10));

        var split = WindowPlanner.Split(window, 1000, Seconds(1, 2, 10));

        Assert.Equal([new TimeWindow(Noon, Noon.AddSeconds(2)), new TimeWindow(Noon.AddSeconds(2), window.End)], split);
    }

    [Fact]
    public void A_sample_with_shared_seconds_in_ascending_order_is_read_as_the_windows_earliest_rows()
    {
        var window = new TimeWindow(Noon, Noon.AddDays(1));
        var sample = Seconds([.. Enumerable.Range(0, 500).Select(i => i / 2)]);

        Assert.Equal(new TimeWindow(Noon, Noon.AddSeconds(249)), WindowPlanner.Split(window, 1000, sample)[0]);
    }

    [Fact]
    public void A_split_sample_counts_as_ascending_when_95_percent_of_its_pairs_are()
    {
        var window = new TimeWindow(Noon, Noon.AddDays(1));
        var sample = Enumerable.Range(0, 21).Select(i => Noon.AddSeconds(10 * i)).ToList();
        (sample[^2], sample[^1]) = (sample[^1], sample[^2]);

        Assert.Equal(new TimeWindow(Noon, Noon.AddSeconds(200)), WindowPlanner.Split(window, 1000, sample)[0]);
    }

    [Theory]
    [InlineData(1350, 4)] // 901 rows not seen: 3 parts of 450 after the sample
    [InlineData(1349, 3)] // 900 rows not seen: 2 parts
    public void The_rows_an_ascending_sample_has_not_seen_exclude_only_those_below_its_last_second(long count, int parts)
    {
        // 449 rows one a second, then 51 in the last second: 449 seen below it, the 51 may have more beside them.
        var window = new TimeWindow(Noon, Noon.AddDays(1));
        var sample = Seconds([.. Enumerable.Range(0, 449), .. Enumerable.Repeat(449, 51)]);

        var split = WindowPlanner.Split(window, count, sample);

        Assert.Equal(parts, split.Count);
        Assert.Equal(Noon.AddSeconds(449), split[0].End);
    }

    [Theory]
    [InlineData(501, 2)] // nearly every row sampled: parts of 475
    [InlineData(891, 2)] // 56%: parts of 470
    [InlineData(930, 2)] // 54%: two parts of 465 exactly
    [InlineData(950, 3)] // 53%: parts of 465
    [InlineData(10_000, 28)] // 5%: parts of 370
    public void A_sample_in_no_order_cuts_parts_smaller_the_smaller_its_share_of_the_window(long count, int parts)
    {
        var window = new TimeWindow(Noon, Noon.AddDays(1));
        var sample = Enumerable.Range(0, 500).Select(i => Noon.AddSeconds(2 * i)).OrderBy(time => (time.Ticks * 7919) % 1009).ToList();

        Assert.Equal(parts, WindowPlanner.Split(window, count, sample).Count);
    }

    [Fact]
    public void A_two_second_window_whose_sample_is_all_in_its_first_second_splits_into_its_seconds()
    {
        var window = new TimeWindow(Noon, Noon.AddSeconds(2));

        var split = WindowPlanner.Split(window, 900, Seconds([.. Enumerable.Repeat(0, 50)]));

        Assert.Equal([new TimeWindow(Noon, Noon.AddSeconds(1)), new TimeWindow(Noon.AddSeconds(1), window.End)], split);
    }

    [Fact]
    public void An_even_split_ends_at_the_windows_own_end()
    {
        var window = new TimeWindow(Noon, Noon.AddSeconds(10.5));

        Assert.Equal(window.End, WindowPlanner.Split(window, 1000)[^1].End);
    }

    [Fact]
    public void What_cannot_be_split_or_divided_says_why()
    {
        var split = Assert.Throws<ArgumentOutOfRangeException>(() => WindowPlanner.Split(new TimeWindow(Noon, Noon.AddSeconds(1)), 1000));
        Assert.StartsWith("A window of one second cannot be split by time.", split.Message, StringComparison.Ordinal);

        var prefix = Assert.Throws<ArgumentOutOfRangeException>(() => ObjectIdPrefixes.Children("01234567"));
        Assert.StartsWith("A prefix is at most 8 hex digits.", prefix.Message, StringComparison.Ordinal);
    }
}
