using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using H3Yun.Cli.Connection;
using H3Yun.Cli.Schemas;
using H3Yun.Sync;
using Microsoft.CodeAnalysis;

namespace H3Yun.Cli.Sync;

/// <summary>
/// <c>h3yun sync</c>: copies forms into SQLite (<c>h3yun.db</c> by default) or PostgreSQL with <see cref="H3YunSync"/>,
/// once or on an interval. Progress per form is a display redrawn in place when standard output is a terminal, else
/// plain lines on standard error (a redirected output is a log or a file); the result goes to standard output, as lines
/// or one JSON report. The schema files are checked as the build checks them
/// before the database is opened, and every message has the target's password masked.
/// </summary>
internal static class SyncCommand
{
    public static Command Create(CliConsole console)
    {
        var connection = new ConnectionOptions();
        var schemas = new Option<string>("--schemas") { Description = "The folder of the forms' *.h3form.json files (h3yun schema pull writes them).", DefaultValueFactory = _ => "schemas" };
        var forms = new Option<string[]>("--form") { Description = "A form's SchemaCode to copy; repeatable. Default: every form of the schema folder." };
        var to = new Option<string?>("--to")
        {
            Description = "Where to copy: a SQLite file (default h3yun.db in the current folder) or connection string, or a PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…) or URL (postgresql://user:password@host/database).",
        };
        var full = new Option<bool>("--full") { Description = "Also find the records deleted in H3Yun and delete them from the copy (costs about one request per 400 records)." };
        var watch = new Option<string?>("--watch") { Description = "Run again every INTERVAL (30s, 5m, 1h, or 00:05:00) until stopped with Ctrl+C." };
        var json = new Option<bool>("--json") { Description = "Print one JSON report per run on standard output instead of lines." };
        var command = new Command("sync", "Copy forms into your own database (SQLite or PostgreSQL), incrementally and without losing a row. Exit 0: copied; 2: an error, with what was committed kept.")
        {
            schemas, forms, to, full, watch, json,
        };
        connection.AddTo(command, withApp: false);
        command.SetAction((parse, cancellationToken) => RunAsync(
            new Request(
                console.FullPath(parse.GetValue(schemas)!),
                [.. parse.GetValue(forms)!.Select(code => code.Trim()).Where(code => code.Length > 0).Distinct(StringComparer.Ordinal)],
                SyncTargetText.Resolve(parse.GetValue(to), console),
                parse.GetValue(full),
                Interval(parse.GetValue(watch)),
                parse.GetValue(json)),
            () => connection.Resolve(parse, console),
            console,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(Request request, Func<H3YunClientOptions> clientOptions, CliConsole console, CancellationToken cancellationToken)
    {
        var shown = SyncTargetText.Show(request.Target, console);
        try
        {
            var options = clientOptions();
            await CheckSchemasAsync(request.SchemaFolder, console, cancellationToken).ConfigureAwait(false);
            using var client = new H3YunClient(options);
            var rate = options.RequestsPerSecond ?? 2;
            while (true)
            {
                await RunOnceAsync(client, request, rate, shown, console, cancellationToken).ConfigureAwait(false);
                if (request.Watch is not { } interval)
                {
                    return ExitCodes.Success;
                }

                if (!request.Json)
                {
                    await console.Error.WriteLineAsync($"Next run in {Format(interval)} (Ctrl+C stops).").ConfigureAwait(false);
                }

                try
                {
                    await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return ExitCodes.Success; // stopped between runs: everything is committed
                }
            }
        }
        catch (Exception ex) when (ex is H3YunSyncException or H3YunException or CliException)
        {
            var message = SyncTargetText.Mask(ex switch
            {
                H3YunSyncException => ex.Message,
                H3YunApiException => $"H3Yun refused a request of the copy: {ex.Message} (is every --form a form of this engine?). What was committed is kept; the next run continues from it.",
                H3YunException => $"The copy stopped: {ex.Message}. What was committed is kept; the next run continues from it.",
                _ => ex.Message,
            }, request.Target);
            if (request.Json)
            {
                await console.Output.WriteLineAsync(JsonSerializer.Serialize(new ErrorReport(shown, message), SyncJson.Default.ErrorReport)).ConfigureAwait(false);
            }

            throw new CliException(message);
        }
    }

    private static async Task RunOnceAsync(H3YunClient client, Request request, double rate, string shown, CliConsole console, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        // On a terminal the progress redraws itself on standard output; redirected, it is plain lines on standard error.
        var live = console.OutputIsTerminal && !request.Json ? new LiveProgress(console.Output, rate, () => clock.Elapsed) : null;
        var progress = new LineProgress(console.Error, rate, () => clock.Elapsed, quiet: request.Json);
        var sync = new H3YunSync(client, new H3YunSyncOptions
        {
            SchemaFolder = request.SchemaFolder,
            Target = request.Target,
            Forms = request.Forms,
            Reconcile = request.Full,
            Progress = live is null ? progress : live,
        });
        if (!request.Json)
        {
            await console.Error.WriteLineAsync($"Copying into {shown} at {rate.ToString("0.##", CultureInfo.InvariantCulture)} requests/s{(request.Full ? ", with deletions" : "")}.").ConfigureAwait(false);
        }

        SyncReport report;
        try
        {
            report = await sync.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            live?.Finish();
        }

        var seconds = clock.Elapsed.TotalSeconds;
        if (request.Json)
        {
            var forms = report.Forms.Select(form => new FormJson(
                form.SchemaCode, form.TableName, form.Windows, form.Requests, form.RowsUpserted, form.RowsDeleted, form.ColumnsAdded, form.Cursor is { } c ? Time(c) : null, form.Reconciled, progress.SecondsOf(form.SchemaCode))).ToList();
            var json = new RunReport(shown, Time(report.Upper), forms, report.Requests, report.RowsUpserted, report.RowsDeleted, Math.Round(seconds, 3));
            await console.Output.WriteLineAsync(JsonSerializer.Serialize(json, SyncJson.Default.RunReport)).ConfigureAwait(false);
            return;
        }

        foreach (var form in report.Forms)
        {
            await console.Output.WriteLineAsync(
                $"{form.SchemaCode} → {form.TableName}: {N(form.RowsUpserted)} row(s) copied, {N(form.RowsDeleted)} deleted{(form.Reconciled ? "" : " (deletions not checked: --full)")}, "
                + $"{N(form.Requests)} request(s), {form.Windows} window(s){(form.ColumnsAdded > 0 ? $", {form.ColumnsAdded} column(s) added" : "")}; "
                + $"complete up to {(form.Cursor is { } cursor ? Time(cursor) : "nothing yet")} (China time).").ConfigureAwait(false);
        }

        await console.Output.WriteLineAsync(
            $"Copied {report.Forms.Count} form(s) into {shown} in {seconds.ToString("0.0", CultureInfo.InvariantCulture)} s: {N(report.RowsUpserted)} row(s), {N(report.RowsDeleted)} deleted, {N(report.Requests)} request(s).").ConfigureAwait(false);
    }

    /// <summary>The schema files must build: the generator's own error diagnostics stop the copy before the database is opened.</summary>
    private static async Task CheckSchemasAsync(string folder, CliConsole console, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new CliException($"No schema folder {console.Show(folder)}: pull the forms' schemas with 'h3yun schema pull --app <AppCode>', or name the folder with --schemas.");
        }

        var files = LocalSchemaFiles.Find(folder);
        if (files.Count == 0)
        {
            throw new CliException($"No *.h3form.json file in {console.Show(folder)}: pull the forms' schemas with 'h3yun schema pull --app <AppCode>'.");
        }

        var errors = SchemaChecker.Check(files, rootNamespace: null, cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        foreach (var error in errors)
        {
            await console.Error.WriteLineAsync(error.Format(console)).ConfigureAwait(false);
        }

        if (errors.Count > 0)
        {
            throw new CliException($"{errors.Count} error(s) in the schema files of {console.Show(folder)} (above), which would not build either: nothing was copied. Fix them, or check with 'h3yun schema check {console.Show(folder)}'.");
        }
    }

    /// <summary>An interval: <c>30s</c>, <c>5m</c>, <c>1h</c>, <c>1d</c>, or a TimeSpan (<c>00:05:00</c>).</summary>
    internal static TimeSpan? Interval(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        var unit = trimmed[^1];
        TimeSpan? value = char.IsAsciiLetter(unit) && double.TryParse(trimmed[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? char.ToLowerInvariant(unit) switch
            {
                's' => TimeSpan.FromSeconds(number),
                'm' => TimeSpan.FromMinutes(number),
                'h' => TimeSpan.FromHours(number),
                'd' => TimeSpan.FromDays(number),
                _ => null,
            }
            : TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var span) ? span : null;
        return value is { } interval && interval > TimeSpan.Zero
            ? interval
            : throw new CliException($"--watch '{text}' is not an interval: write 30s, 5m, 1h, 1d or 00:05:00.");
    }

    internal static string Time(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    internal static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    internal static string Format(TimeSpan span) => span.TotalSeconds < 90
        ? $"{Math.Ceiling(span.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s"
        : span.TotalMinutes < 90 ? $"{Math.Ceiling(span.TotalMinutes).ToString(CultureInfo.InvariantCulture)} min" : $"{span.TotalHours.ToString("0.0", CultureInfo.InvariantCulture)} h";

    private sealed record Request(string SchemaFolder, IReadOnlyList<string> Forms, string Target, bool Full, TimeSpan? Watch, bool Json);
}
