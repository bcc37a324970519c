using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using H3Yun.Cli.Connection;
using H3Yun.Cli.Schemas;
using H3Yun.Cli.Sync;
using H3Yun.OpenApi;
using H3Yun.Spreadsheets;

namespace H3Yun.Cli.Import;

/// <summary>
/// <c>h3yun import</c>: writes the rows of an .xlsx or .csv file into a form, matched by a business key, with
/// <see cref="UntypedUpsert"/>. The file (and every child-table sheet) is validated whole before any request; then the
/// keys are looked up and a plan printed (to create, to update with the fields, unchanged); <c>--dry-run</c> stops
/// there. Otherwise the plan is applied with progress lines on standard error, and a per-row report is written.
/// Failed or unknown rows exit 2 with "run the same command again": the next run looks every key up first.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var connection = new ConnectionOptions();
        var file = new Argument<string>("FILE") { Description = "The .xlsx or .csv file; its first row names the fields by display name or code." };
        var form = new Option<string>("--form") { Description = "The form's SchemaCode.", Required = true };
        var keys = new Option<string[]>("--key") { Description = "A key field, by code or display name; repeat for a key of several fields. Rows are matched to records by it.", Required = true };
        var fields = new Option<string[]>("--field") { Description = "Import only this field's column (besides the keys), by code or display name; repeatable. Default: every column that names a field." };
        var sheet = new Option<string?>("--sheet") { Description = "The .xlsx sheet of the records. Default: the first sheet." };
        var children = new Option<string[]>("--child")
        {
            Description = "TABLE=SOURCE: the rows of a child table (by code or display name) from a sheet of the workbook or a .csv file, each row naming its record by the key columns; repeatable. A sheet named as a child table is read without it.",
        };
        var associations = new Option<string[]>("--association")
        {
            Description = "FIELD=KEY: the association column FIELD holds the associated records' KEY field (by code or display name), not their ObjectIds; looked up before any write. Repeatable.",
        };
        var schemas = new Option<string>("--schemas") { Description = "The folder of the forms' *.h3form.json files (h3yun schema pull writes them).", DefaultValueFactory = _ => "schemas" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate the file, look the keys up and print the plan; write nothing." };
        var draft = new Option<bool>("--draft") { Description = "Create new records as drafts (not submitted)." };
        var report = new Option<string?>("--report") { Description = "The per-row report (CSV: row, key, outcome, ObjectId, fields changed, error). Default: FILE's name with .report.csv, beside it." };
        var command = new Command("import", "Write the rows of an .xlsx or .csv file into a form, matched by a key: creates the missing records, updates only the fields that differ, and can be run again after any failure without a duplicate. Exit 0: done; 2: an error, or rows failed (run the same command again).")
        {
            file, form, keys, fields, sheet, children, associations, schemas, dryRun, draft, report,
        };
        connection.AddTo(command, withApp: false);
        command.SetAction((parse, cancellationToken) =>
        {
            var path = console.FullPath(parse.GetValue(file)!);
            var request = new ImportRequest(
                path,
                parse.GetValue(form)!.Trim(),
                [.. parse.GetValue(keys)!.Select(static k => k.Trim())],
                [.. parse.GetValue(fields)!.Select(static f => f.Trim())],
                parse.GetValue(sheet),
                [.. parse.GetValue(children)!.Select(static c => c.Trim())],
                [.. parse.GetValue(associations)!.Select(static a => a.Trim())],
                console.FullPath(parse.GetValue(schemas)!),
                parse.GetValue(dryRun),
                parse.GetValue(draft),
                parse.GetValue(report) is { } named ? console.FullPath(named) : Path.ChangeExtension(path, null) + ".report.csv");
            return RunAsync(request, () => connection.Resolve(parse, console), console, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(ImportRequest request, Func<H3YunClientOptions> clientOptions, CliConsole console, CancellationToken cancellationToken)
    {
        var schemas = FindSchemas(request, console);
        using var file = ImportFile.Read(schemas[request.Form].Path, request, console);
        await console.Error.WriteLineAsync(
            $"Read {N(file.Count)} row(s) from {console.Show(request.File)} ({file.Main.Sheet}){file.ChildSummary}; every cell converted.").ConfigureAwait(false);
        if (file.Main.UnmatchedColumns.Count > 0)
        {
            await console.Error.WriteLineAsync($"Not imported (no field of {request.Form} has these names): {string.Join(", ", file.Main.UnmatchedColumns)}.").ConfigureAwait(false);
        }

        var options = clientOptions();
        using var client = new H3YunClient(options);
        var rate = options.RequestsPerSecond ?? 2;
        var clock = Stopwatch.StartNew();
        await AssociationKeys.ResolveAsync(client, file, request, schemas, console, cancellationToken).ConfigureAwait(false);
        UpsertPlan plan;
        try
        {
            plan = await client.PlanUpsertAsync(file.Shape, file.ReadItems, file.Main.KeyCodes, cancellationToken).ConfigureAwait(false);
        }
        catch (H3YunUpsertRefusedException refused)
        {
            foreach (var conflict in refused.Conflicts)
            {
                await console.Error.WriteLineAsync("  " + file.Describe(conflict)).ConfigureAwait(false);
            }

            throw new CliException($"The import was refused before anything was written: {refused.Conflicts.Count} key problem(s) (above). Fix the file, or the records in H3Yun that share a key, and run the command again.");
        }
        catch (ArgumentException ex)
        {
            throw new CliException($"The file does not fit the form {request.Form}: {ex.Message} Nothing was written.", ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or SpreadsheetException)
        {
            throw new CliException($"{console.Show(request.File)} changed during the import ({ex.Message}). Nothing was written; run the command again once nothing else writes the file.", ex);
        }
        catch (H3YunException ex)
        {
            throw new CliException($"Looking the keys up failed: {ex.Message}. Nothing was written; run the same command again.", ex);
        }

        await PrintPlanAsync(plan, file, options.CreateBatchSize, rate, console).ConfigureAwait(false);
        if (request.DryRun)
        {
            ImportReport.Write(request.Report, file, plan.Items, planned: true);
            await console.Output.WriteLineAsync($"Dry run: nothing was written ({N(plan.LookupRequests)} lookup request(s)). The plan per row is in {console.Show(request.Report)}.").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var progress = new ImportProgress(console.Error, plan.ToCreate + plan.ToUpdate, () => clock.Elapsed);
        IReadOnlyList<UpsertItemResult> results;
        try
        {
            results = await plan.ApplyAsync(!request.Draft, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new CliException("Cancelled. Whatever was on its way is found by the next run: run the same command again to finish.");
        }
        catch (Exception ex) when (ex is InvalidOperationException or SpreadsheetException)
        {
            throw new CliException($"{console.Show(request.File)} changed during the import ({ex.Message}). The rows written so far are found by the next run: run the same command again once nothing else writes the file.", ex);
        }

        ImportReport.Write(request.Report, file, results, planned: false);
        var counts = results.GroupBy(static r => r.Outcome).ToDictionary(static g => g.Key, static g => g.Count());
        int Count(UpsertOutcome outcome) => counts.GetValueOrDefault(outcome);
        var seconds = clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        await console.Output.WriteLineAsync(
            $"Imported {N(results.Count)} row(s) into {request.Form}: {N(Count(UpsertOutcome.Created))} created, {N(Count(UpsertOutcome.Updated))} updated, {N(Count(UpsertOutcome.Unchanged))} unchanged, "
            + $"{N(Count(UpsertOutcome.Failed))} failed, {N(Count(UpsertOutcome.Unknown))} unknown, in {seconds} s. Report: {console.Show(request.Report)}.").ConfigureAwait(false);
        var unfinished = Count(UpsertOutcome.Failed) + Count(UpsertOutcome.Unknown);
        if (unfinished > 0)
        {
            foreach (var result in results.Where(static r => r.Outcome is UpsertOutcome.Failed or UpsertOutcome.Unknown).Take(10))
            {
                await console.Error.WriteLineAsync($"  {file.Main.Sheet}, row {file.RowOf(result.Index)} ({file.KeyOf(result.Index)}): {result.Outcome}: {result.Error?.Message}").ConfigureAwait(false);
            }

            throw new CliException($"{N(unfinished)} row(s) failed or may not have been written (report: {console.Show(request.Report)}). Run the same command again to finish: it looks every key up first, so no record is created twice.");
        }

        return ExitCodes.Success;
    }

    private static async Task PrintPlanAsync(UpsertPlan plan, ImportFile file, int batchSize, double rate, CliConsole console)
    {
        var refused = plan.Items.Count(static i => i.Outcome == UpsertOutcome.Failed);
        var writes = plan.WriteRequests(batchSize);
        await console.Output.WriteLineAsync(
            $"Plan: {N(plan.ToCreate)} to create, {N(plan.ToUpdate)} to update, {N(plan.Unchanged)} unchanged{(refused > 0 ? $", {N(refused)} refused" : "")} "
            + $"({N(plan.LookupRequests)} lookup request(s) made; the writes take {N(writes)} request(s), about {SyncCommand.Format(TimeSpan.FromSeconds(writes / rate))} at {rate.ToString("0.##", CultureInfo.InvariantCulture)} requests/s).").ConfigureAwait(false);
        var byField = plan.Items.Where(static i => i.Outcome == UpsertOutcome.Updated)
            .SelectMany(static i => i.ChangedFields)
            .GroupBy(static code => code, StringComparer.Ordinal)
            .Select(g => $"{file.NameOf(g.Key)} ({N(g.Count())})")
            .ToList();
        if (byField.Count > 0)
        {
            await console.Output.WriteLineAsync($"Fields to update: {string.Join(", ", byField)}.").ConfigureAwait(false);
        }

        foreach (var item in plan.Items.Where(static i => i.Outcome == UpsertOutcome.Failed).Take(10))
        {
            await console.Error.WriteLineAsync($"  {file.Main.Sheet}, row {file.RowOf(item.Index)} ({file.KeyOf(item.Index)}): refused: {item.Error?.Message}").ConfigureAwait(false);
        }
    }

    private static IReadOnlyDictionary<string, LocalSchemaFile> FindSchemas(ImportRequest request, CliConsole console)
    {
        if (!Directory.Exists(request.SchemaFolder))
        {
            throw new CliException($"No schema folder {console.Show(request.SchemaFolder)}: pull the forms' schemas with 'h3yun schema pull --app <AppCode>', or name the folder with --schemas.");
        }

        var files = LocalSchemaFiles.Read(request.SchemaFolder, console);
        return files.ContainsKey(request.Form)
            ? files
            : throw new CliException($"No schema file of the form {request.Form} in {console.Show(request.SchemaFolder)} (it has {(files.Count == 0 ? "none" : string.Join(", ", files.Keys.Order(StringComparer.Ordinal)))}): pull it with 'h3yun schema pull', or name the folder with --schemas.");
    }

    internal static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>What <c>h3yun import</c> was asked to do.</summary>
internal sealed record ImportRequest(
    string File,
    string Form,
    IReadOnlyList<string> Keys,
    IReadOnlyList<string> Fields,
    string? Sheet,
    IReadOnlyList<string> Children,
    IReadOnlyList<string> Associations,
    string SchemaFolder,
    bool DryRun,
    bool Draft,
    string Report);
