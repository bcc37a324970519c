using CsCheck;
using H3Yun.Sync.Windows;

namespace H3Yun.Sync.Tests;

/// <summary>The rules that make the windows lossless, on their own: cover without a gap, split on whole seconds, move the cursor only forward.</summary>
public class WindowPlannerTests
{
    private static readonly DateTime Noon = new(2026, 5, 1, 12, 0, 0);

    [Fact]
    public void A_first_run_covers_everything_below_the_upper_bound_in_two_windows()
    {
        var windows = WindowPlanner.Initial(null, Noon, TimeSpan.FromMinutes(1));

        Assert.Equal([new TimeWindow(DateTime.MinValue, WindowPlanner.Floor), new TimeWindow(WindowPlanner.Floor, Noon)], windows);
        Assert.True(windows[0].IsOpenBelow);
    }

    [Fact]
    public void A_later_run_reads_from_the_cursor_less_the_overlap_and_nothing_when_the_cursor_is_at_the_bound()
    {
        Assert.Equal([new TimeWindow(Noon.AddSeconds(-70), Noon)], WindowPlanner.Initial(Noon.AddSeconds(-10), Noon, TimeSpan.FromMinutes(1)));
        Assert.Empty(WindowPlanner.Initial(Noon, Noon, TimeSpan.Zero));
    }

    [Fact]
    public void The_upper_bound_is_the_server_clock_in_China_time_cut_to_the_second_less_the_lag()
    {
        var server = new DateTimeOffset(2026, 5, 1, 4, 0, 7, 900, TimeSpan.Zero);

        Assert.Equal(new DateTime(2026, 5, 1, 12, 0, 2), WindowPlanner.Upper(server, TimeSpan.FromSeconds(5)));
    }

    [Theory]
    [InlineData(10, 501, 2)]
    [InlineData(10, 4000, 10)]
    [InlineData(3600, 2000, 5)]
    [InlineData(2, 100000, 2)]
    public void A_window_splits_into_parts_of_about_400_rows_on_whole_seconds_covering_it_exactly(int seconds, long count, int parts)
    {
        var window = new TimeWindow(Noon, Noon.AddSeconds(seconds));

        var split = WindowPlanner.Split(window, count);

        Assert.Equal(parts, split.Count);
        Assert.Equal(window.Start, split[0].Start);
        Assert.Equal(window.End, split[^1].End);
        for (var i = 1; i < split.Count; i++)
        {
            Assert.Equal(split[i - 1].End, split[i].Start);
        }

        Assert.All(split, part =>
        {
            Assert.True(part.Seconds >= 1);
            Assert.Equal(0, part.Start.Ticks % TimeSpan.TicksPerSecond);
        });
    }

    [Fact]
    public void A_one_second_window_cannot_be_split_by_time()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WindowPlanner.Split(new TimeWindow(Noon, Noon.AddSeconds(1)), 1000));
    }

    [Fact]
    public void Any_split_of_any_window_covers_it_exactly_in_order()
    {
        Gen.Select(Gen.Int[2, 1_000_000], Gen.Long[501, 10_000_000]).Sample((seconds, count) =>
        {
            var window = new TimeWindow(Noon, Noon.AddSeconds(seconds));
            var split = WindowPlanner.Split(window, count);
            Assert.True(split.Count >= 2);
            Assert.Equal(window.Seconds, split.Sum(part => part.Seconds));
            Assert.All(split, part => Assert.True(part.Start < part.End));
        }, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void The_cursor_moves_to_a_committed_windows_end_and_never_backwards()
    {
        var window = new TimeWindow(Noon.AddSeconds(-60), Noon.AddSeconds(-30));

        Assert.Equal(window.End, WindowPlanner.Advance(null, window));
        Assert.Equal(window.End, WindowPlanner.Advance(Noon.AddSeconds(-45), window));
        Assert.Equal(Noon, WindowPlanner.Advance(Noon, window)); // an overlap window below the cursor
    }

    [Fact]
    public void A_second_is_divided_by_sixteen_hex_prefixes_one_digit_at_a_time()
    {
        Assert.Equal("0123456789abcdef".Select(c => c.ToString()), ObjectIdPrefixes.Children(string.Empty));
        Assert.Equal(["a30", "a31"], ObjectIdPrefixes.Children("a3").Take(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ObjectIdPrefixes.Children("01234567"));
    }
}
