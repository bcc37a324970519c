using System.Globalization;
using H3Yun.Cli.Sync;
using H3Yun.Spreadsheets;
using H3Yun.Sync;

namespace H3Yun.Cli.Export;

/// <summary>
/// The export's progress as plain lines on standard error, at most one a second, as <c>h3yun sync</c> prints them:
/// records and child rows written, the rate, the requests, and what the reads still have ahead. Called on the export's
/// own flow. <paramref name="elapsed"/> is the time since the export started.
/// </summary>
internal sealed class ExportProgress(TextWriter error, Func<TimeSpan> elapsed) : IProgress<FormReadProgress>, IProgress<SpreadsheetWriteProgress>
{
    private TimeSpan? _printed;
    private FormReadProgress? _read;

    public long Requests => _read?.Requests ?? 0;

    public void Report(FormReadProgress value) => _read = value;

    public void Report(SpreadsheetWriteProgress value)
    {
        var now = elapsed();
        if ((_printed is { } printed && now - printed < TimeSpan.FromSeconds(1)) || _read is not { } read)
        {
            return;
        }

        _printed = now;
        var seconds = Math.Max(now.TotalSeconds, 0.001);
        error.WriteLine(
            $"{read.SchemaCode}: {SyncCommand.N(value.Records)} record(s) ({(value.Records / seconds).ToString("N0", CultureInfo.InvariantCulture)}/s), {SyncCommand.N(value.ChildRows)} child row(s), {SyncCommand.N(read.Requests)} request(s)"
            + (read.WindowsAhead > 0 ? $"; ahead: about {SyncCommand.N(read.RecordsAhead)} record(s) in {SyncCommand.N(Math.Max(read.WindowsAhead, (long)Math.Ceiling(read.RecordsAhead / 400.0)))} request(s)" : ""));
    }
}
