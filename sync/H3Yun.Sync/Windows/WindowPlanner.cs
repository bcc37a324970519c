namespace H3Yun.Sync.Windows;

/// <summary>
/// Cuts ranges of H3Yun time into windows that each fit one request. Pure functions, so that the rules that make the
/// copy lossless are tested on their own: the windows of a run cover <c>[cursor − overlap, upper)</c> (everything below
/// <c>upper</c> on a first run) without a gap, a window is only split on whole seconds, and the cursor moves only to
/// the end of a window whose rows were committed, never backwards.
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
    /// Splits a window that held more rows than one request returns into parts of about
    /// <see cref="TargetRowsPerWindow"/> rows, as if its rows were spread evenly; a part that still holds too many is
    /// split again. A window open below is split at <see cref="Floor"/> first. At least two parts, at most one a second.
    /// </summary>
    /// <param name="window">A window of two seconds or more.</param>
    /// <param name="totalCount">How many rows H3Yun counted in it.</param>
    /// <returns>The parts, in order, covering the window exactly.</returns>
    public static IReadOnlyList<TimeWindow> Split(TimeWindow window, long totalCount)
    {
        if (window.Seconds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "A window of one second cannot be split by time.");
        }

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
