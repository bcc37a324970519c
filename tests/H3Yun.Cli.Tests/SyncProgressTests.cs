using H3Yun.Cli.Sync;
using H3Yun.Sync;

namespace H3Yun.Cli.Tests;

/// <summary>
/// <c>h3yun sync</c>'s two progress displays, on a clock the test moves: plain lines (at most one a second per form, and
/// one at each change of phase), and the block a terminal redraws in place (at most five times a second).
/// </summary>
public class SyncProgressTests
{
    private const string Customer = "D000024Customer";
    private const string Order = "D000024SalesOrder";

    private TimeSpan _now;

    [Fact]
    public void Lines_come_once_a_second_per_form_and_at_each_change_of_phase()
    {
        var error = new StringWriter();
        var lines = new LineProgress(error, requestsPerSecond: 2, () => _now, quiet: false);

        Report(lines, 0.2, Progress(Customer, "copy", windows: 0, requests: 0, rows: 0));
        Report(lines, 0.5, Progress(Order, "copy", windows: 1, requests: 1, rows: 500, windowsAhead: 1, rowsAhead: 980)); // another form: its own clock
        Report(lines, 1.19, Progress(Customer, "copy", windows: 1, requests: 1, rows: 400)); // 0.99 s after: quiet
        Report(lines, 1.2, Progress(Customer, "copy", windows: 1, requests: 2, rows: 800, cursor: new DateTime(2026, 5, 1, 9, 0, 0)));
        Report(lines, 1.4, Progress(Customer, "reconcile", windows: 2, requests: 3, rows: 800, deleted: 3)); // a new phase, however soon

        Assert.Equal(
            [
                "D000024Customer copy: 0 window(s), 0 request(s) (0/s), 0 row(s) (0/s)",
                "D000024SalesOrder copy: 1 window(s), 1 request(s) (1,000/s), 500 row(s) (500,000/s); ahead: about 980 row(s) in 2 request(s), 1 s at 2 requests/s",
                "D000024Customer copy: 1 window(s), 2 request(s) (2/s), 800 row(s) (800/s), complete up to 2026-05-01 09:00:00",
                "D000024Customer reconcile: 2 window(s), 3 request(s) (2.5/s), 800 row(s) (667/s), 3 deleted",
            ],
            Lines(error));
        Assert.Equal(1.2, lines.SecondsOf(Customer));
        Assert.Equal(0, lines.SecondsOf(Order));
        Assert.Equal(0, lines.SecondsOf("D000024Unknown"));
    }

    [Fact]
    public void Quiet_lines_print_nothing_but_still_time_each_form()
    {
        var error = new StringWriter();
        var lines = new LineProgress(error, requestsPerSecond: 1, () => _now, quiet: true);

        Report(lines, 2, Progress(Customer, "copy", windows: 0, requests: 0, rows: 0));
        Report(lines, 5.4567, Progress(Customer, "reconcile", windows: 3, requests: 4, rows: 9));

        Assert.Empty(error.ToString());
        Assert.Equal(3.457, lines.SecondsOf(Customer));
    }

    [Fact]
    public void The_time_ahead_is_at_the_request_budget()
    {
        var error = new StringWriter();
        var lines = new LineProgress(error, requestsPerSecond: 0.5, () => _now, quiet: false);

        Report(lines, 10, Progress(Customer, "copy", windows: 5, requests: 5, rows: 2_000, windowsAhead: 40, rowsAhead: 9_800));

        Assert.Equal("D000024Customer copy: 5 window(s), 5 request(s) (5,000/s), 2,000 row(s) (2,000,000/s); ahead: about 9,800 row(s) in 40 request(s), 80 s at 0.5 requests/s", Assert.Single(Lines(error)));
    }

    [Fact]
    public void The_live_block_draws_a_line_per_form_and_redraws_in_place_at_most_five_times_a_second()
    {
        var output = new StringWriter();
        var live = new LiveProgress(output, requestsPerSecond: 2, () => _now);

        live.Finish(); // nothing reported: nothing drawn
        Assert.Empty(output.ToString());

        Report(live, 0, Progress(Customer, "copy", windows: 0, requests: 0, rows: 0));
        var first = output.ToString();
        Report(live, 0.1, Progress(Customer, "copy", windows: 1, requests: 1, rows: 500)); // 0.1 s after the last draw: not drawn
        Assert.Equal(first, output.ToString());
        Report(live, 0.15, Progress(Order, "copy", windows: 0, requests: 0, rows: 0)); // a new form is a change: drawn
        var second = output.ToString()[first.Length..];
        Report(live, 0.3, Progress(Order, "copy", windows: 1, requests: 1, rows: 1)); // 0.15 s: not drawn
        Report(live, 0.35, Progress(Order, "copy", windows: 1, requests: 2, rows: 2)); // 0.2 s: drawn
        var third = output.ToString()[(first.Length + second.Length)..];
        _now = TimeSpan.FromSeconds(0.4);
        live.Finish();
        var last = output.ToString()[(first.Length + second.Length + third.Length)..];

        Assert.Equal("\u001b[2K" + LiveProgress.Line(Progress(Customer, "copy", 0, 0, 0), 0, 2) + "\n", first);
        Assert.Equal(
            "\u001b[1F\u001b[2K" + LiveProgress.Line(Progress(Customer, "copy", 1, 1, 500), 0.1, 2) + "\n"
            + "\u001b[2K" + LiveProgress.Line(Progress(Order, "copy", 0, 0, 0), 0, 2) + "\n",
            second);
        Assert.StartsWith("\u001b[2F\u001b[2K", third, StringComparison.Ordinal);
        Assert.EndsWith("\u001b[2K" + LiveProgress.Line(Progress(Order, "copy", 1, 2, 2), 0.2, 2) + "\n", third, StringComparison.Ordinal);
        Assert.Equal(third, last); // Finish draws the last figures again
    }

    [Fact]
    public void The_live_line_pads_wide_codes_by_display_width_and_says_nothing_yet_before_a_cursor()
    {
        var line = LiveProgress.Line(Progress("客户", "copy", windows: 0, requests: 0, rows: 0), seconds: 0, requestsPerSecond: 2);

        Assert.Equal("客户                  copy            0 windows          0 rows       0/s       0 requests     0/s  nothing yet", line);
        Assert.Equal(22, Cli.DisplayColumn(line, "copy"));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(9.94, "9.9")]
    [InlineData(9.96, "10")]
    [InlineData(10, "10")]
    [InlineData(1234.6, "1,235")]
    public void A_rate_has_one_decimal_below_ten(double rate, string shown)
    {
        Assert.Equal(shown, ProgressFigures.Rate(rate));
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(3, 0, 3)]
    [InlineData(1, 490, 1)]
    [InlineData(1, 491, 2)]
    [InlineData(1, 4_900, 10)]
    public void The_requests_ahead_are_one_a_window_or_one_per_490_rows_whichever_is_more(int windowsAhead, long rowsAhead, long requests)
    {
        Assert.Equal(requests, ProgressFigures.RequestsAhead(Progress(Customer, "copy", 0, 0, 0, windowsAhead: windowsAhead, rowsAhead: rowsAhead)));
    }

    [Theory]
    [InlineData(0.2, "1 s")]
    [InlineData(89.5, "90 s")]
    [InlineData(90, "2 min")]
    [InlineData(5 * 60 + 1, "6 min")]
    [InlineData(89.5 * 60, "90 min")]
    [InlineData(90 * 60, "1.5 h")]
    [InlineData(26 * 3600, "26.0 h")]
    public void A_duration_is_in_seconds_minutes_or_hours(double seconds, string shown)
    {
        Assert.Equal(shown, SyncCommand.Format(TimeSpan.FromSeconds(seconds)));
    }

    private static SyncProgress Progress(
        string code, string phase, int windows, long requests, long rows, long deleted = 0, DateTime? cursor = null, int windowsAhead = 0, long rowsAhead = 0) =>
        new(code, phase, windows, requests, rows, deleted, cursor, windowsAhead, rowsAhead);

    private static string[] Lines(StringWriter writer) => writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    private void Report(IProgress<SyncProgress> progress, double seconds, SyncProgress value)
    {
        _now = TimeSpan.FromSeconds(seconds);
        progress.Report(value);
    }
}
