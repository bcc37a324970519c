using System.CommandLine;
using H3Yun.Cli.Connection;
using Microsoft.CodeAnalysis;

namespace H3Yun.Cli.Schemas;

/// <summary>
/// <c>h3yun schema pull</c>: writes one schema file per form from H3Yun, merged into the file the form already has
/// (found by SchemaCode anywhere under <c>--out</c>), so that local additions survive; new forms get
/// <c>&lt;SchemaCode&gt;.h3form.json</c>. Everything is asked and merged before anything is written, so a refusal
/// or a malformed answer writes nothing; a file is replaced whole (written beside, then moved), and left as it is
/// when nothing H3Yun knows about the form changed.
/// </summary>
internal static class PullCommand
{
    public static Command Create(CliConsole console)
    {
        var connection = new ConnectionOptions();
        var forms = new Option<string[]>("--form") { Description = "A form's SchemaCode (the id= of the form designer's address); repeatable. Default: every form of the app." };
        var output = new Option<string>("--out") { Description = "The folder of the schema files; searched for existing files by SchemaCode, new ones are written here.", DefaultValueFactory = _ => "schemas" };
        var command = new Command("pull", "Write a schema file per form from H3Yun, through the class export-code prints, keeping ClassName, PropertyName, Options and other local additions.")
        {
            forms, output,
        };
        connection.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, connection, parse.GetValue(forms)!, console.FullPath(parse.GetValue(output)!), console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, ConnectionOptions connection, string[] schemaCodes, string folder, CliConsole console, CancellationToken cancellationToken)
    {
        var local = LocalSchemaFiles.Read(folder, console);
        var appCode = parse.GetValue(connection.App)!;
        IReadOnlyList<RemoteForm> remote;
        using (var client = new H3YunClient(connection.Resolve(parse, console)))
        {
            remote = await SchemaSource.FetchAsync(client, appCode, [.. schemaCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)], console, cancellationToken).ConfigureAwait(false);
        }

        var plans = remote.Select(form => Plan(form, local, folder, console)).ToList();
        Directory.CreateDirectory(folder);
        foreach (var plan in plans.Where(plan => plan.Text is not null))
        {
            await WriteAsync(plan.Path, plan.Text!, console, cancellationToken).ConfigureAwait(false);
        }

        var summary = console.Output;
        foreach (var plan in plans)
        {
            await summary.WriteLineAsync(plan.Headline(console)).ConfigureAwait(false);
            foreach (var change in plan.Changes)
            {
                await summary.WriteLineAsync("    " + change.Describe()).ConfigureAwait(false);
            }

            if (plan.DroppedComments)
            {
                await summary.WriteLineAsync($"    note: the comments in {console.Show(plan.Path)} could not be kept when it was rewritten.").ConfigureAwait(false);
            }
        }

        if (schemaCodes.Length == 0)
        {
            foreach (var file in local.Values.Where(file => remote.All(form => form.SchemaCode != file.SchemaCode)))
            {
                await summary.WriteLineAsync($"{file.SchemaCode} ({console.Show(file.Path)}): not among app {appCode}'s forms in H3Yun's answer; left as it is.").ConfigureAwait(false);
            }
        }

        var all = plans.SelectMany(plan => plan.Changes).ToList();
        await summary.WriteLineAsync(
            $"Pulled {plans.Count} form(s) into {console.Show(folder)}: {plans.Count(p => p.IsNew)} new, {plans.Count(p => !p.IsNew && p.Text is not null)} updated, {plans.Count(p => p.Text is null)} unchanged; "
            + $"{all.Count(c => c.Kind == ChangeKind.Added)} field(s) added, {all.Count(c => c.Kind == ChangeKind.Removed)} removed, {all.Count(c => c.Kind == ChangeKind.Changed)} changed.").ConfigureAwait(false);

        // The files must build: check them as the build would, together with the folder's other files.
        var diagnostics = SchemaChecker.Check(LocalSchemaFiles.Find(folder), rootNamespace: null, cancellationToken);
        foreach (var diagnostic in diagnostics.Where(d => plans.Any(plan => plan.Path == d.Path)))
        {
            await console.Error.WriteLineAsync(diagnostic.Format(console)).ConfigureAwait(false);
        }

        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && plans.Any(plan => plan.Path == d.Path)))
        {
            throw new CliException("The pulled files have errors (above) that would fail a build; fix them in the files, or report the form's export.");
        }

        return ExitCodes.Success;
    }

    private sealed record FilePlan(RemoteForm Form, string Path, string? Text, bool IsNew, IReadOnlyList<SchemaChange> Changes, bool DroppedComments)
    {
        public string Headline(CliConsole console)
        {
            var what = IsNew ? "new file" : Text is null ? "unchanged" : "updated";
            var counts = Changes.Count == 0 || IsNew
                ? ""
                : $": {Changes.Count(c => c.Kind == ChangeKind.Added)} added, {Changes.Count(c => c.Kind == ChangeKind.Removed)} removed, {Changes.Count(c => c.Kind == ChangeKind.Changed)} changed";
            return $"{Form.SchemaCode} {Form.DisplayName} -> {console.Show(Path)} ({what}){counts}".Replace("  ", " ", StringComparison.Ordinal);
        }
    }

    private static FilePlan Plan(RemoteForm form, IReadOnlyDictionary<string, LocalSchemaFile> local, string folder, CliConsole console)
    {
        if (local.TryGetValue(form.SchemaCode, out var file))
        {
            var merge = SchemaMerge.Merge(file.Root, form);
            return merge.Changes.Count == 0
                ? new FilePlan(form, file.Path, null, IsNew: false, merge.Changes, DroppedComments: false)
                : new FilePlan(form, file.Path, SchemaFileWriter.Write(merge.Merged), IsNew: false, merge.Changes, file.HasComments);
        }

        var path = Path.Combine(folder, FileName(form.SchemaCode));
        if (File.Exists(path))
        {
            throw new CliException($"{console.Show(path)} exists but does not declare form {form.SchemaCode}; rename it, then pull again.");
        }

        var created = SchemaMerge.Merge(null, form);
        return new FilePlan(form, path, SchemaFileWriter.Write(created.Merged), IsNew: true, [], DroppedComments: false);
    }

    /// <summary>The SchemaCode, with any character a file name cannot hold replaced, plus the suffix.</summary>
    private static string FileName(string schemaCode) =>
        new string([.. schemaCode.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '/' or '\\' or ':' ? '_' : c)]) + LocalSchemaFiles.Suffix;

    private static async Task WriteAsync(string path, string text, CliConsole console, CancellationToken cancellationToken)
    {
        var temporary = path + ".h3yun-pull.tmp";
        try
        {
            await File.WriteAllTextAsync(temporary, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new CliException($"Could not write {console.Show(path)}: {ex.Message}", ex);
        }
    }
}
