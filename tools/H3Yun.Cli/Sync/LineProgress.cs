using System.Globalization;
using H3Yun.Sync;

namespace H3Yun.Cli.Sync;

/// <summary>
/// The progress of <c>h3yun sync</c> as plain lines on standard error, at most one a second per form (and one when a
/// form's phase changes): windows, requests and their rate, rows and their rate, how far the copy is complete, and
/// what is ahead with the time it takes at the request budget. Plain lines read the same in a terminal, a log and a
/// redirected file. Called on the sync's own flow, in order (not <see cref="Progress{T}"/>, which posts to the pool).
/// <paramref name="elapsed"/> is the time since the run started.
/// </summary>
internal sealed class LineProgress(TextWriter error, double requestsPerSecond, Func<TimeSpan> elapsed, bool quiet) : IProgress<SyncProgress>
{
    private readonly Dictionary<string, FormClock> _forms = new(StringComparer.Ordinal);

    public void Report(SyncProgress value)
    {
        var now = elapsed();
        if (!_forms.TryGetValue(value.SchemaCode, out var form))
        {
            form = new FormClock { Start = now };
            _forms[value.SchemaCode] = form;
        }

        form.Last = now;
        if (quiet || (now - form.Printed < TimeSpan.FromSeconds(1) && value.Phase == form.Phase))
        {
            return;
        }

        form.Printed = now;
        form.Phase = value.Phase;
        var seconds = Math.Max((now - form.Start).TotalSeconds, 0.001);
        var line = $"{value.SchemaCode} {value.Phase}: {value.Windows} window(s), {SyncCommand.N(value.Requests)} request(s) ({Rate(value.Requests / seconds)}/s), "
            + $"{SyncCommand.N(value.RowsUpserted)} row(s) ({Rate(value.RowsUpserted / seconds)}/s)"
            + (value.RowsDeleted > 0 ? $", {SyncCommand.N(value.RowsDeleted)} deleted" : "")
            + (value.Cursor is { } cursor ? $", complete up to {SyncCommand.Time(cursor)}" : "");
        if (value.WindowsAhead > 0)
        {
            var requestsAhead = ProgressFigures.RequestsAhead(value);
            line += $"; ahead: about {SyncCommand.N(value.RowsAhead)} row(s) in {SyncCommand.N(requestsAhead)} request(s), "
                + $"{SyncCommand.Format(TimeSpan.FromSeconds(requestsAhead / requestsPerSecond))} at {Rate(requestsPerSecond)} requests/s";
        }

        error.WriteLine(line);
    }

    /// <summary>Seconds from a form's first progress to its last.</summary>
    public double SecondsOf(string schemaCode) =>
        _forms.TryGetValue(schemaCode, out var form) ? Math.Round((form.Last - form.Start).TotalSeconds, 3) : 0;

    private static string Rate(double value) => ProgressFigures.Rate(value);

    private sealed class FormClock
    {
        public TimeSpan Start { get; set; }

        public TimeSpan Last { get; set; }

        public TimeSpan? Printed { get; set; }

        public string? Phase { get; set; }
    }
}
