using System.Globalization;
using System.Text;
using H3Yun.Cli.Text;
using H3Yun.Sync;

namespace H3Yun.Cli.Sync;

/// <summary>
/// The progress of <c>h3yun sync</c> on a terminal: one line per form, redrawn in place (ANSI: cursor up, clear line)
/// at most five times a second, with windows, rows and their rate, requests and their rate, and what is ahead with the
/// time it takes at the request budget. Used only when standard output is a terminal; a redirected output gets
/// <see cref="LineProgress"/>'s plain lines on standard error instead, which a log or a file can hold. Called on the
/// sync's own flow, one report at a time. <paramref name="elapsed"/> is the time since the run started.
/// </summary>
internal sealed class LiveProgress(TextWriter output, double requestsPerSecond, Func<TimeSpan> elapsed) : IProgress<SyncProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly List<FormState> _forms = [];
    private int _drawn;
    private TimeSpan? _lastDraw;

    public void Report(SyncProgress value)
    {
        var now = elapsed();
        var form = _forms.Find(state => state.SchemaCode == value.SchemaCode);
        var changed = form?.Phase != value.Phase;
        if (form is null)
        {
            form = new FormState(value.SchemaCode) { Start = now };
            _forms.Add(form);
        }

        form.Value = value;
        form.Last = now;
        if (changed || _lastDraw is not { } last || now - last >= Interval)
        {
            Draw(now);
        }
    }

    /// <summary>Draws the last figures, so that the block ends showing where every form ended.</summary>
    public void Finish()
    {
        if (_forms.Count > 0)
        {
            Draw(elapsed());
        }
    }

    /// <summary>One form's line: <c>code  phase  windows  rows (rate)  requests (rate)  ahead or done</c>.</summary>
    /// <param name="value">The form's last progress.</param>
    /// <param name="seconds">Seconds since the form began.</param>
    /// <param name="requestsPerSecond">The request budget.</param>
    /// <returns>The line, without ANSI codes.</returns>
    internal static string Line(SyncProgress value, double seconds, double requestsPerSecond)
    {
        seconds = Math.Max(seconds, 0.001);
        var line = new StringBuilder();
        line.Append(Pad(value.SchemaCode, 20)).Append("  ").Append(Pad(value.Phase, 9)).Append("  ");
        line.Append(CultureInfo.InvariantCulture, $"{Right(SyncCommand.N(value.Windows), 6)} windows  ");
        line.Append(CultureInfo.InvariantCulture, $"{Right(SyncCommand.N(value.RowsUpserted), 9)} rows {Right(ProgressFigures.Rate(value.RowsUpserted / seconds), 7)}/s  ");
        line.Append(CultureInfo.InvariantCulture, $"{Right(SyncCommand.N(value.Requests), 6)} requests {Right(ProgressFigures.Rate(value.Requests / seconds), 5)}/s  ");
        if (value.RowsDeleted > 0)
        {
            line.Append(CultureInfo.InvariantCulture, $"{SyncCommand.N(value.RowsDeleted)} deleted  ");
        }

        if (value.WindowsAhead > 0)
        {
            var requestsAhead = ProgressFigures.RequestsAhead(value);
            line.Append(CultureInfo.InvariantCulture, $"ahead: ~{SyncCommand.N(value.RowsAhead)} rows, {SyncCommand.N(requestsAhead)} requests, ")
                .Append(SyncCommand.Format(TimeSpan.FromSeconds(requestsAhead / requestsPerSecond)))
                .Append(CultureInfo.InvariantCulture, $" at {ProgressFigures.Rate(requestsPerSecond)}/s");
        }
        else
        {
            line.Append(value.Cursor is { } cursor ? $"complete up to {SyncCommand.Time(cursor)}" : "nothing yet");
        }

        return line.ToString().TrimEnd();
    }

    private void Draw(TimeSpan now)
    {
        _lastDraw = now;
        var frame = new StringBuilder();
        if (_drawn > 0)
        {
            frame.Append(CultureInfo.InvariantCulture, $"\u001b[{_drawn}F"); // to the start of the block's first line
        }

        foreach (var form in _forms)
        {
            frame.Append("\u001b[2K").Append(Line(form.Value!, (form.Last - form.Start).TotalSeconds, requestsPerSecond)).Append('\n');
        }

        _drawn = _forms.Count;
        output.Write(frame.ToString());
        output.Flush();
    }

    private static string Pad(string text, int width) => text + new string(' ', Math.Max(0, width - TextTable.Width(text)));

    private static string Right(string text, int width) => new string(' ', Math.Max(0, width - text.Length)) + text;

    private sealed class FormState(string schemaCode)
    {
        public string SchemaCode { get; } = schemaCode;

        public SyncProgress? Value { get; set; }

        public TimeSpan Start { get; init; }

        public TimeSpan Last { get; set; }

        public string? Phase => Value?.Phase;
    }
}

/// <summary>The figures both progress displays show the same way.</summary>
internal static class ProgressFigures
{
    /// <summary>A rate: one decimal below 10, else whole and grouped.</summary>
    public static string Rate(double value) => value.ToString(value < 10 ? "0.#" : "N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// The requests ahead: at least one per window planned, and about one per 490 rows expected, since a copy commits
    /// nearly every row of each answer (each answer's rows proven whole by the next count).
    /// </summary>
    public static long RequestsAhead(SyncProgress value) => Math.Max(value.WindowsAhead, (long)Math.Ceiling(value.RowsAhead / 490.0));
}
