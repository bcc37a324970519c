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
    public void A_first_copy_reads_everything_below_the_entry_bound_and_the_seconds_above_it_apart()
    {
        var windows = WindowPlanner.CopyWindows(null, Noon, TimeSpan.FromMinutes(1));

        Assert.Equal([new TimeWindow(DateTime.MinValue, Noon.AddMinutes(-1)), new TimeWindow(Noon.AddMinutes(-1), Noon)], windows);
        Assert.Equal([new TimeWindow(DateTime.MinValue, Noon)], WindowPlanner.CopyWindows(null, Noon, TimeSpan.Zero));
        Assert.Equal([new TimeWindow(Noon.AddSeconds(-70), Noon)], WindowPlanner.CopyWindows(Noon.AddSeconds(-10), Noon, TimeSpan.FromMinutes(1)));
        Assert.Equal(Noon.AddSeconds(-61), WindowPlanner.EntryBound(Noon, TimeSpan.FromSeconds(60.5)));
    }

    [Fact]
    public void An_answer_in_ascending_time_is_cut_after_its_last_second_when_its_seconds_are_rarely_shared_else_at_it()
    {
        var window = new TimeWindow(Noon, Noon.AddHours(1));
        var sparse = Enumerable.Range(0, 500).Select(i => Noon.AddSeconds(i * 3)).ToList();
        var dense = Enumerable.Range(0, 500).Select(i => Noon.AddSeconds(i / 4)).ToList();

        Assert.Equal(Noon.AddSeconds(1498), WindowPlanner.PrefixCut(window, sparse, afterLast: true));
        Assert.Equal(Noon.AddSeconds(1497), WindowPlanner.PrefixCut(window, sparse, afterLast: false));
        Assert.Equal(Noon.AddSeconds(124), WindowPlanner.PrefixCut(window, dense, afterLast: true));
        Assert.Null(WindowPlanner.PrefixCut(window, [.. sparse.AsEnumerable().Reverse()], afterLast: true));
        Assert.Null(WindowPlanner.PrefixCut(window, [.. Enumerable.Repeat(Noon, 500)], afterLast: true));
    }

    [Fact]
    public void Rows_below_a_cut_are_proven_whole_only_by_an_exact_count_below_the_entry_bound()
    {
        var window = new TimeWindow(Noon, Noon.AddHours(1));

        Assert.True(WindowPlanner.ProvesPrefix(window, Noon.AddHours(1), 1500, 1000, 500));
        Assert.False(WindowPlanner.ProvesPrefix(window, Noon.AddHours(1), 1500, 1001, 500)); // impossible unless a row entered
        Assert.False(WindowPlanner.ProvesPrefix(window, Noon.AddHours(1), 1500, 999, 500)); // a row below the cut was not answered, or one left the remainder
        Assert.False(WindowPlanner.ProvesPrefix(window, Noon.AddMinutes(59), 1500, 1000, 500)); // a row may have entered the remainder
    }

    [Fact]
    public void Cutting_and_proving_copy_any_window_exactly_once_whatever_rows_an_answer_holds()
    {
        // A window's rows (times), the answer any subset of them in any order: whenever the proof holds, the rows held
        // below the cut are all the rows there, and the prefix and remainder cover the window exactly.
        Gen.Select(Gen.Int[0, 600].Array[501, 900], Gen.Int[0, 1000], Gen.Bool).Sample((offsets, seed, sorted) =>
        {
            var window = new TimeWindow(Noon, Noon.AddSeconds(601));
            var rows = offsets.Select(offset => Noon.AddSeconds(offset)).ToList();
            var random = new Random(seed);
            var answer = rows.OrderBy(_ => random.Next()).Take(500).ToList();
            if (sorted)
            {
                answer.Sort();
            }

            foreach (var afterLast in new[] { true, false })
            {
                if (WindowPlanner.PrefixCut(window, answer, afterLast) is not { } cut)
                {
                    continue;
                }

                Assert.True(cut > window.Start && cut < window.End);
                var held = answer.Count(time => time < cut);
                var remainder = rows.Count(time => time >= cut);
                if (WindowPlanner.ProvesPrefix(window, window.End, rows.Count, remainder, held))
                {
                    Assert.Equal(rows.Count(time => time < cut), held);
                }
            }
        }, iter: 2000, seed: "0N0XIzNsQ0O2");
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
    public void A_sample_in_ascending_time_ends_a_part_at_its_last_second_and_cuts_the_rest_at_its_density()
    {
        // H3Yun answering in creation order: the 500 rows returned are the window's earliest, one every 3 seconds.
        var window = new TimeWindow(Noon, Noon.AddDays(10));
        var sample = Enumerable.Range(0, 500).Select(i => Noon.AddSeconds(100 + (3 * i))).ToList();

        var split = WindowPlanner.Split(window, 10_000, sample);

        Assert.Equal(new TimeWindow(Noon, sample[^1]), split[0]); // the 499 rows below the sample's last second
        var step = (long)Math.Floor(WindowPlanner.SampledRowsPerWindow / (500 / 1498.0));
        Assert.All(split.Skip(1).SkipLast(1), part => Assert.Equal(step, part.Seconds)); // 450 rows at one row every 3 s
        Assert.Equal(1 + 22, split.Count); // the 9,501 rows not seen, 450 a part; the last part reaches the window's end
        Assert.Equal(window.End, split[^1].End);
    }

    [Fact]
    public void A_sample_in_any_other_order_cuts_at_its_quantiles_into_parts_that_fit()
    {
        // 1,000 rows, one every 2 seconds, 500 of them returned in no time order (every other row, shuffled).
        var window = new TimeWindow(Noon, Noon.AddDays(1));
        var rows = Enumerable.Range(0, 1000).Select(i => Noon.AddSeconds(2 * i)).ToList();
        var sample = rows.Where((_, i) => i % 2 == 0).OrderBy(time => (time.Ticks * 7919) % 1009).ToList();

        var split = WindowPlanner.Split(window, 1000, sample);

        Assert.Equal(3, split.Count);
        Assert.All(split, part => Assert.InRange(rows.Count(time => time >= part.Start && time < part.End), 1, 500));
        Assert.All(split.Skip(1), part => Assert.Contains(part.Start, sample)); // the cuts are sample times
    }

    [Fact]
    public void Without_a_sample_or_with_one_outside_the_window_the_split_is_even()
    {
        var window = new TimeWindow(Noon, Noon.AddSeconds(3600));

        Assert.Equal(WindowPlanner.Split(window, 2000), WindowPlanner.Split(window, 2000, []));
        Assert.Equal(WindowPlanner.Split(window, 2000), WindowPlanner.Split(window, 2000, [Noon.AddDays(-1), Noon.AddDays(1)]));
    }

    [Fact]
    public void A_sample_all_in_the_first_second_still_splits_the_window_in_two_or_more()
    {
        var window = new TimeWindow(Noon, Noon.AddSeconds(10));

        var split = WindowPlanner.Split(window, 800, Enumerable.Repeat(Noon, 500).ToList());

        Assert.Equal(new TimeWindow(Noon, Noon.AddSeconds(1)), split[0]);
        Assert.True(split.Count >= 2);
        Assert.Equal(window.End, split[^1].End);
    }

    [Fact]
    public void Any_split_by_any_sample_covers_the_window_exactly_in_order_on_whole_seconds()
    {
        // Windows open below or not, of 2 seconds to about 30 years; samples of any size and order, with times inside,
        // outside and between seconds: the sample places the cuts, it can never open a gap or an overlap.
        var genWindow = Gen.Select(Gen.Bool, Gen.Long[0, 400_000_000], Gen.Long[2, 1_000_000_000]).Select((open, from, seconds) =>
            open ? new TimeWindow(DateTime.MinValue, WindowPlanner.Floor) : new TimeWindow(WindowPlanner.Floor.AddSeconds(from), WindowPlanner.Floor.AddSeconds(from + seconds)));
        var genSample = Gen.Select(Gen.Bool, Gen.Long[-1_000_000, 1_000_000_000].Array[0, 500], Gen.Int[0, 9_999_999]).Select((ascending, offsets, ticks) =>
        {
            var times = offsets.Select(offset => WindowPlanner.Floor.AddSeconds(offset).AddTicks(ticks)).ToList();
            return ascending ? times.Order().ToList() : times;
        });
        Gen.Select(genWindow, Gen.Long[501, 10_000_000], genSample).Sample((window, count, sample) =>
        {
            var split = WindowPlanner.Split(window, count, sample);
            Assert.True(split.Count >= 2);
            Assert.Equal(window.Start, split[0].Start);
            Assert.Equal(window.End, split[^1].End);
            for (var i = 0; i < split.Count; i++)
            {
                Assert.True(split[i].Start < split[i].End);
                Assert.Equal(0, split[i].End.Ticks % TimeSpan.TicksPerSecond);
                if (i > 0)
                {
                    Assert.Equal(split[i - 1].End, split[i].Start);
                }
            }
        }, iter: 2000, seed: "0N0XIzNsQ0O2");
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
