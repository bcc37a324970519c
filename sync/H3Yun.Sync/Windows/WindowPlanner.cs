namespace H3Yun.Sync.Windows;

/// <summary>
/// Cuts ranges of H3Yun time into windows that each fit one request, and decides when rows may be committed. Pure
/// functions, so that the rules that make the copy lossless are tested on their own:
/// <list type="bullet">
/// <item>the windows of a run cover <c>[cursor − overlap, upper)</c> (everything below <c>upper</c> on a first run)
/// without a gap, and are only cut on whole seconds, because H3Yun filters whole seconds and a gap is a lost row;</item>
/// <item>the cursor moves only to the end of a range whose every row is committed in the same transaction, never
/// backwards, because the next run starts from it;</item>
/// <item>rows are "every row" of a range only when one answer held them all (its count ≤ 500 and every counted row
/// came), or when a later count proves it (<see cref="ProvesPrefix"/>), never because a sample looked complete: H3Yun
/// answers an oversized window with any 500 of its rows, in no promised order;</item>
/// <item>counts compared across requests are only trusted below the entry bound (<see cref="EntryBound"/>), where
/// rows can leave a range but not enter it.</item>
/// </list>
/// </summary>
internal static class WindowPlanner
{
    /// <summary>
    /// The first second of the main window of a first run. Everything before it is one more window, open below, that
    /// costs one request and is normally empty (H3Yun stamps records with its own clock, and began in 2014), so that a
    /// first run neither loses an old record nor spends requests halving centuries.
    /// </summary>
    public static readonly DateTime Floor = new(2010, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>The rows a part is aimed at when a window is split by its count: below 500, so that chance unevenness fits.</summary>
    public const int TargetRowsPerWindow = 400;

    /// <summary>The windows a run reads, in order.</summary>
    /// <param name="cursor">The form's cursor (every row with an earlier ModifiedTime is committed), or null before the first run.</param>
    /// <param name="upper">The run's upper bound (exclusive), a whole second.</param>
    /// <param name="overlap">How far below the cursor to read again.</param>
    /// <returns>The windows; empty when there is nothing to read.</returns>
    public static IReadOnlyList<TimeWindow> Initial(DateTime? cursor, DateTime upper, TimeSpan overlap)
    {
        if (cursor is not { } from)
        {
            return upper <= Floor
                ? [new TimeWindow(DateTime.MinValue, upper)]
                : [new TimeWindow(DateTime.MinValue, Floor), new TimeWindow(Floor, upper)];
        }

        var start = from - overlap < Floor ? Floor : from - overlap;
        return start < upper ? [new TimeWindow(WholeSecond(start), upper)] : [];
    }

    /// <summary>
    /// The windows a copy run reads, in order. A first run reads everything below the entry bound
    /// (<see cref="EntryBound"/>) as one window open below, and the seconds from there to <paramref name="upper"/> as
    /// another: the first is where a full copy's rows are, and it must end at the entry bound so that its reads can
    /// prove each other (<see cref="ProvesPrefix"/>); no floor year is needed, since the first answer's rows show where
    /// the records are. A later run reads <c>[cursor − overlap, upper)</c> as one window, so that a run with nothing new
    /// costs one request.
    /// </summary>
    /// <param name="cursor">The form's cursor, or null before the first run.</param>
    /// <param name="upper">The run's upper bound (exclusive), a whole second.</param>
    /// <param name="overlap">How far below the cursor to read again.</param>
    /// <returns>The windows; empty when there is nothing to read.</returns>
    public static IReadOnlyList<TimeWindow> CopyWindows(DateTime? cursor, DateTime upper, TimeSpan overlap)
    {
        if (cursor is not null)
        {
            return Initial(cursor, upper, overlap);
        }

        var bound = EntryBound(upper, overlap);
        return bound <= DateTime.MinValue || bound >= upper
            ? [new TimeWindow(DateTime.MinValue, upper)]
            : [new TimeWindow(DateTime.MinValue, bound), new TimeWindow(bound, upper)];
    }

    /// <summary>
    /// The second below which no row can appear in this run's range while the run reads it. The copy assumes what its
    /// overlap is for: a write that becomes visible at time T is stamped no earlier than T − lag − overlap; T is after
    /// the run began and the upper bound is the run's start less the lag, so a row can only enter the range at or above
    /// <c>upper − overlap</c>. Below it rows can only leave (an edit moves a record past the upper bound, a delete
    /// removes it), which is what makes a count read later an upper bound of the same range's count read earlier.
    /// </summary>
    /// <param name="upper">The run's upper bound.</param>
    /// <param name="overlap">The overlap.</param>
    /// <returns>The bound, a whole second.</returns>
    public static DateTime EntryBound(DateTime upper, TimeSpan overlap) =>
        upper.Ticks <= overlap.Ticks ? DateTime.MinValue : WholeSecond(upper - overlap);

    /// <summary>
    /// Where to cut an oversized window so that the answer's rows below the cut are, hopefully, every row there: only
    /// when the answer came in ascending time (H3Yun returning rows in the order they were written, or sorted), so
    /// that it is the window's earliest rows. After the sample's last second when that second shows one row and the
    /// sample's seconds are rarely shared (the whole answer is then likely the rows below the cut), else at that last
    /// second (its rows may continue beyond the answer). Null when no cut leaves a prefix and a remainder. Only a
    /// guess: <see cref="ProvesPrefix"/> decides whether the rows below the cut are committed.
    /// </summary>
    /// <param name="window">The oversized window.</param>
    /// <param name="sample">The times of the answer's rows, in the order they came.</param>
    /// <param name="afterLast">Whether to try after the last second (false after that cut failed once).</param>
    /// <returns>The cut, a whole second strictly inside the window, or null.</returns>
    public static DateTime? PrefixCut(TimeWindow window, IReadOnlyList<DateTime> sample, bool afterLast)
    {
        var times = new List<DateTime>(sample.Count);
        foreach (var time in sample)
        {
            var second = WholeSecond(time);
            if (second >= window.Start && second < window.End)
            {
                times.Add(second);
            }
        }

        if (times.Count < 2)
        {
            return null;
        }

        var ascending = 0;
        for (var i = 1; i < times.Count; i++)
        {
            ascending += times[i - 1] <= times[i] ? 1 : 0;
        }

        if (ascending < (times.Count - 1) * 0.95)
        {
            return null;
        }

        times.Sort();
        var last = times[^1];
        var shared = 0;
        for (var i = 1; i < times.Count; i++)
        {
            shared += times[i - 1] == times[i] ? 1 : 0;
        }

        if (afterLast && times[^2] < last && shared <= times.Count / 20 && last.AddSeconds(1) < window.End)
        {
            return last.AddSeconds(1);
        }

        return last > window.Start && times[0] < last ? last : null;
    }

    /// <summary>
    /// Whether the rows an oversized window's answer returned below a cut are every row the window had there. The
    /// window <c>[a, b)</c> counted <paramref name="windowCount"/> rows when it was read; its remainder
    /// <c>[cut, b)</c>, read after it, counted <paramref name="remainderCount"/>. Both lie below the entry bound, where
    /// rows only leave, so the remainder held at least <paramref name="remainderCount"/> rows at the first read, and
    /// <c>[a, cut)</c> at most <paramref name="windowCount"/> − <paramref name="remainderCount"/>; the answer's
    /// <paramref name="held"/> distinct rows below the cut were all there at the first read. Equality leaves no row of
    /// <c>[a, cut)</c> outside the answer. Rows that left since were edited (their new version is above this run's
    /// range, for the next run) or deleted (for the reconcile), as for any window read whole. Never true when the
    /// window reaches above the entry bound: a row entering the remainder could hide one missing below the cut.
    /// </summary>
    /// <param name="window">The oversized window.</param>
    /// <param name="entryBound">The run's entry bound.</param>
    /// <param name="windowCount">The window's count.</param>
    /// <param name="remainderCount">The remainder's count, read later.</param>
    /// <param name="held">Distinct ObjectIds of the window's answer with times below the cut.</param>
    /// <returns>Whether those rows can be committed with the cursor at the cut.</returns>
    public static bool ProvesPrefix(TimeWindow window, DateTime entryBound, long windowCount, long remainderCount, int held) =>
        window.End <= entryBound && held > 0 && windowCount - remainderCount == held;

    /// <summary>
    /// Splits a window that held more rows than one request returns into parts of about
    /// <see cref="TargetRowsPerWindow"/> rows, as if its rows were spread evenly; a part that still holds too many is
    /// split again. At least two parts, at most one a second. Used when no row's time is known (the reconcile's listing
    /// of ObjectIds).
    /// </summary>
    /// <param name="window">A window of two seconds or more.</param>
    /// <param name="totalCount">How many rows H3Yun counted in it.</param>
    /// <returns>The parts, in order, covering the window exactly.</returns>
    public static IReadOnlyList<TimeWindow> Split(TimeWindow window, long totalCount) => Split(window, totalCount, []);

    /// <summary>
    /// Splits a window that held more rows than one request returns, placing the cuts by the times of the rows its
    /// answer did return (up to 500 of them, in H3Yun's order, which is unknown). The sample only decides where the cuts
    /// fall: the parts always cover the window exactly, in order, on whole seconds, and each is read whole and split
    /// again if it holds more than 500, so a sample that misrepresents the window costs requests, never rows.
    /// <list type="bullet">
    /// <item>No usable sample: even parts of about <see cref="TargetRowsPerWindow"/> rows (<see cref="Split(TimeWindow, long)"/>).</item>
    /// <item>A sample in ascending time (H3Yun answering in creation order, or sorted): it is most likely the window's
    /// earliest rows, so one part ends at its last second (it holds the sample's rows below that second), and the rest is
    /// cut at the sample's density into parts of <see cref="TargetRowsPerWindow"/> rows for the rows not yet seen,
    /// the last part reaching the window's end.</item>
    /// <item>Any other order: the sample is taken as spread over the window, and the cuts are its quantiles, aimed at
    /// parts that stay under 500 rows despite the sample's chance error (fewer rows per part when the sample is a small
    /// share of the window).</item>
    /// </list>
    /// </summary>
    /// <param name="window">A window of two seconds or more.</param>
    /// <param name="totalCount">How many rows H3Yun counted in it.</param>
    /// <param name="sample">The times of the rows the answer returned, in the order it returned them; times outside the window are ignored.</param>
    /// <returns>The parts, in order, covering the window exactly.</returns>
    public static IReadOnlyList<TimeWindow> Split(TimeWindow window, long totalCount, IReadOnlyList<DateTime> sample)
    {
        if (window.Seconds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "A window of one second cannot be split by time.");
        }

        var times = new List<DateTime>(sample.Count);
        foreach (var time in sample)
        {
            var second = WholeSecond(time);
            if (second >= window.Start && second < window.End)
            {
                times.Add(second);
            }
        }

        if (times.Count < 2)
        {
            return Even(window, totalCount);
        }

        var ascending = 0;
        for (var i = 1; i < times.Count; i++)
        {
            ascending += times[i - 1] <= times[i] ? 1 : 0;
        }

        var sorted = times.Order().ToArray();
        var cuts = ascending >= (times.Count - 1) * 0.95
            ? PrefixCuts(window, Math.Max(totalCount, sorted.Length), sorted)
            : QuantileCuts(Math.Max(totalCount, sorted.Length), sorted);
        return FromCuts(window, cuts);
    }

    /// <summary>The rows a part of a split guided by its sample is aimed at, when the sample leaves little doubt (nearer 500 than <see cref="TargetRowsPerWindow"/>).</summary>
    public const int SampledRowsPerWindow = 450;

    private static TimeWindow[] Even(TimeWindow window, long totalCount)
    {
        var seconds = window.Seconds;
        var parts = Math.Clamp((totalCount + TargetRowsPerWindow - 1) / TargetRowsPerWindow, 2, seconds);
        var result = new TimeWindow[parts];
        var start = window.Start;
        for (var i = 1; i <= parts; i++)
        {
            // Integer arithmetic on seconds: the parts end on whole seconds and the last ends exactly at the window's end.
            var end = i == parts ? window.End : window.Start.AddSeconds((double)(seconds * i / parts));
            result[i - 1] = new TimeWindow(start, end);
            start = end;
        }

        return result;
    }

    /// <summary>Cuts for a sample that is the window's earliest rows: its span, then its density extrapolated over the rows not seen.</summary>
    private static List<DateTime> PrefixCuts(TimeWindow window, long totalCount, DateTime[] sorted)
    {
        var last = sorted[^1];
        var seen = sorted.Count(time => time < last); // the rows below the sample's last second, all of them if the sample is a prefix
        var cuts = new List<DateTime> { last };
        var spanSeconds = Math.Max(1, (last - sorted[0]).Ticks / TimeSpan.TicksPerSecond + 1);
        var rowsPerSecond = sorted.Length / (double)spanSeconds;
        var step = Math.Max(1, (long)Math.Floor(SampledRowsPerWindow / rowsPerSecond));
        var parts = (totalCount - seen + SampledRowsPerWindow - 1) / SampledRowsPerWindow;
        var cut = last;
        for (var i = 1; i < parts && (window.End - cut).Ticks / TimeSpan.TicksPerSecond > step; i++)
        {
            cut = cut.AddSeconds(step);
            cuts.Add(cut);
        }

        return cuts;
    }

    /// <summary>Cuts at the sample's quantiles, with parts small enough that the sample's chance error rarely takes one past 500.</summary>
    private static List<DateTime> QuantileCuts(long totalCount, DateTime[] sorted)
    {
        // A part aimed at T rows holds about T·f sample rows (f = the sample's share of the window); its true count varies
        // by about T·sqrt((1 − f) / (T·f)). Aim at the largest T (at most 475) whose count stays under 500 by 1.5 of that.
        var share = Math.Min(1.0, sorted.Length / (double)totalCount);
        var target = 475;
        while (target > 200 && target * (1 + (1.5 * Math.Sqrt((1 - share) / (target * share)))) > Filter.MaxPageSize)
        {
            target -= 5;
        }

        var parts = (totalCount + target - 1) / target;
        var cuts = new List<DateTime>();
        for (var i = 1; i < parts; i++)
        {
            cuts.Add(sorted[(int)Math.Min(sorted.Length - 1, i * sorted.Length / parts)]);
        }

        return cuts;
    }

    /// <summary>The parts between the window's ends and the cuts strictly inside it, in order, without an empty part.</summary>
    private static TimeWindow[] FromCuts(TimeWindow window, List<DateTime> cuts)
    {
        var inside = cuts.Where(cut => cut > window.Start && cut < window.End).Distinct().Order().ToList();
        if (inside.Count == 0)
        {
            // Every cut at or below the window's first second: at least two parts, the first that second (the window
            // has two seconds or more).
            inside.Add(window.Start.AddSeconds(1));
        }

        var result = new TimeWindow[inside.Count + 1];
        var start = window.Start;
        for (var i = 0; i < inside.Count; i++)
        {
            result[i] = new TimeWindow(start, inside[i]);
            start = inside[i];
        }

        result[^1] = new TimeWindow(start, window.End);
        return result;
    }

    /// <summary>The cursor after a window's rows are committed: the window's end, unless the cursor is already past it.</summary>
    /// <param name="cursor">The cursor before.</param>
    /// <param name="committed">The window whose rows were committed, every window below it having been committed before.</param>
    /// <returns>The cursor after.</returns>
    public static DateTime Advance(DateTime? cursor, TimeWindow committed) =>
        cursor is { } current && current > committed.End ? current : committed.End;

    /// <summary>The run's upper bound: the server's time cut to the second, less the lag.</summary>
    /// <param name="serverNow">H3Yun's current time.</param>
    /// <param name="lag">How far behind the clock to stay, so that writes stamped just before now have committed.</param>
    /// <returns>The bound, a whole second of China time.</returns>
    public static DateTime Upper(DateTimeOffset serverNow, TimeSpan lag) => WholeSecond(ChinaTime.FromInstant(serverNow) - lag);

    private static DateTime WholeSecond(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Unspecified);
}
