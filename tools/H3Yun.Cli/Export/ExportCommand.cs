using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using H3Yun.Cli.Connection;
using H3Yun.Cli.Schemas;
using H3Yun.Cli.Sync;
using H3Yun.Spreadsheets;
using H3Yun.Sync;

namespace H3Yun.Cli.Export;

/// <summary>
/// <c>h3yun export</c>: writes a form's records into an .xlsx workbook or a .csv file with <see cref="SpreadsheetWriter"/>,
/// read through <see cref="H3YunFormReader"/>'s windows of ModifiedTime (never row-number paging, which skips rows
/// while H3Yun cannot sort). What the file holds reads back through <see cref="SpreadsheetReader"/> as the values
/// H3Yun holds, so importing it again by its key changes nothing. Progress goes to standard error, the result to
/// standard output.
/// </summary>
internal static class ExportCommand
{
    private static readonly string[] SinceFormats =
    [
        "yyyy-M-d", "yyyy-M-d H:mm", "yyyy-M-d H:mm:ss", "yyyy/M/d", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss",
        "yyyy-M-d'T'H:mm", "yyyy-M-d'T'H:mm:ss",
    ];

    public static Command Create(CliConsole console)
    {
        var connection = new ConnectionOptions();
        var form = new Option<string>("--form") { Description = "The form's SchemaCode.", Required = true };
        var schemas = new Option<string>("--schemas") { Description = "The folder of the forms' *.h3form.json files (h3yun schema pull writes them).", DefaultValueFactory = _ => "schemas" };
        var output = new Option<string?>("--out")
        {
            Description = "The file to write: .xlsx (one sheet for the form, one per child table) or .csv (UTF-8 with a BOM; each child table in FILE.<child table>.csv beside it). Default: <SchemaCode>.xlsx. Replaced if it exists.",
        };
        var since = new Option<string?>("--since") { Description = "Only the records modified at or after TIME (China time, as H3Yun shows it: 2026-01-05 or 2026-01-05 08:00:00; or with an offset, 2026-01-05T00:00:00Z)." };
        var fields = new Option<string[]>("--field") { Description = "A field to write, by code or display name (a child table's name writes its sheet); repeatable. Default: every field a spreadsheet holds, and every child table." };
        var keys = new Option<string[]>("--key") { Description = "The form's key field, by code or display name; repeatable. Written on every child table's sheet beside ParentObjectId, so that child rows can be matched by it." };
        var command = new Command("export", "Write a form's records into an .xlsx or .csv file as Excel shows them (display names, dates, numbers, option texts), which 'h3yun import' reads back without a change. Exit 0: written; 2: an error, and no file written.")
        {
            form, schemas, output, since, fields, keys,
        };
        connection.AddTo(command, withApp: false);
        command.SetAction((parse, cancellationToken) =>
        {
            var code = parse.GetValue(form)!.Trim();
            return RunAsync(
                new Request(
                    code,
                    console.FullPath(parse.GetValue(schemas)!),
                    console.FullPath(parse.GetValue(output) is { Length: > 0 } path ? path : code + ".xlsx"),
                    Since(parse.GetValue(since)),
                    [.. parse.GetValue(fields)!.Select(f => f.Trim()).Where(f => f.Length > 0)],
                    [.. parse.GetValue(keys)!.Select(k => k.Trim()).Where(k => k.Length > 0)]),
                () => connection.Resolve(parse, console),
                console,
                cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(Request request, Func<H3YunClientOptions> clientOptions, CliConsole console, CancellationToken cancellationToken)
    {
        if (Path.GetExtension(request.Out).ToUpperInvariant() is not (".XLSX" or ".CSV"))
        {
            throw new CliException($"--out {console.Show(request.Out)}: write an .xlsx or a .csv file.");
        }

        var writer = OpenWriter(request, console);
        var options = clientOptions();
        using var client = new H3YunClient(options);
        var reader = new H3YunFormReader(client);
        var upper = reader.Upper();
        if (writer.SkippedFields.Count > 0)
        {
            await console.Error.WriteLineAsync($"Not exported, since a spreadsheet cannot hold them exactly: {string.Join(", ", writer.SkippedFields)}.").ConfigureAwait(false);
        }

        var rate = options.RequestsPerSecond ?? 2;
        await console.Error.WriteLineAsync(
            $"Exporting {request.Form} (records modified {(request.Since is { } from ? $"from {SyncCommand.Time(from)} " : "")}before {SyncCommand.Time(upper)}, China time) into {console.Show(request.Out)} at {rate.ToString("0.##", CultureInfo.InvariantCulture)} requests/s.").ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var progress = new ExportProgress(console.Error, () => clock.Elapsed);
        SpreadsheetWriteResult result;
        try
        {
            result = await writer.WriteAsync(request.Out, reader.ReadAsync(request.Form, request.Since, upper, progress, cancellationToken), progress, cancellationToken).ConfigureAwait(false);
        }
        catch (H3YunSyncException ex)
        {
            throw new CliException($"The export stopped, and no file was written: {ex.Message}", ex);
        }
        catch (H3YunApiException ex)
        {
            throw new CliException($"H3Yun refused to read {request.Form}: {ex.Message} (is it a form of this engine?). No file was written.", ex);
        }
        catch (H3YunException ex)
        {
            throw new CliException($"The export stopped, and no file was written: {ex.Message}", ex);
        }
        catch (SpreadsheetException ex)
        {
            throw new CliException($"{ex.Message} No file was written.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Could not write {console.Show(request.Out)}: {ex.Message} (is it open in Excel?). No file was written.", ex);
        }

        foreach (var sheet in result.Sheets)
        {
            var where = Path.GetExtension(sheet.File).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? console.Show(sheet.File) : $"{console.Show(sheet.File)}, sheet {sheet.Sheet}";
            await console.Output.WriteLineAsync($"{where}: {SyncCommand.N(sheet.Rows)} row(s) of {sheet.SchemaCode}").ConfigureAwait(false);
        }

        await console.Output.WriteLineAsync(
            $"Exported {SyncCommand.N(result.Sheets[0].Rows)} record(s) of {request.Form} in {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s with {SyncCommand.N(progress.Requests)} request(s). "
            + $"Records modified from {SyncCommand.Time(upper)} on are not in the file; --since \"{SyncCommand.Time(upper)}\" exports them.").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    // The one place the command reads the form's schema: through SpreadsheetWriter, which reads it as the importer does.
    private static SpreadsheetWriter OpenWriter(Request request, CliConsole console)
    {
        if (!Directory.Exists(request.SchemaFolder))
        {
            throw new CliException($"No schema folder {console.Show(request.SchemaFolder)}: pull the form's schema with 'h3yun schema pull --app <AppCode> --form {request.Form}', or name the folder with --schemas.");
        }

        if (!LocalSchemaFiles.Read(request.SchemaFolder, console).TryGetValue(request.Form, out var file))
        {
            throw new CliException($"The form {request.Form} has no schema file in {console.Show(request.SchemaFolder)}: pull it with 'h3yun schema pull --app <AppCode> --form {request.Form}', or name the folder with --schemas.");
        }

        try
        {
            return SpreadsheetWriter.Open(file.Path, new SpreadsheetWriteOptions { Fields = request.Fields, Keys = request.Keys });
        }
        catch (SpreadsheetException ex)
        {
            throw new CliException($"{ex.Message} (schema file {console.Show(file.Path)})", ex);
        }
    }

    /// <summary>A time in China time (H3Yun's clock): a date, a date and time, or an instant with an offset, converted.</summary>
    internal static DateTime? Since(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (DateTime.TryParseExact(trimmed, SinceFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
        {
            return clock;
        }

        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            && (trimmed.EndsWith('Z') || trimmed.Contains('+', StringComparison.Ordinal) || trimmed.LastIndexOf('-') > 9))
        {
            return instant.ToOffset(TimeSpan.FromHours(8)).DateTime;
        }

        throw new CliException($"--since '{text}' is not a time: write 2026-01-05, 2026-01-05 08:00:00 (China time), or 2026-01-05T00:00:00Z.");
    }

    private sealed record Request(string Form, string SchemaFolder, string Out, DateTime? Since, IReadOnlyList<string> Fields, IReadOnlyList<string> Keys);
}
