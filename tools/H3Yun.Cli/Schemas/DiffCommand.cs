using System.CommandLine;
using H3Yun.Cli.Connection;
using H3Yun.Cli.Text;

namespace H3Yun.Cli.Schemas;

/// <summary>
/// <c>h3yun schema diff</c>: compares the schema files with H3Yun, in what H3Yun's backend can tell (fields, display
/// names, data types, associated forms, child tables), for CI. Exit 0: no drift; 1: drift, with a table; 2: error.
/// Without <c>--form</c> the whole app is compared: a form H3Yun has and the files lack is drift too.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(CliConsole console)
    {
        var connection = new ConnectionOptions();
        var forms = new Option<string[]>("--form") { Description = "Compare only this form (SchemaCode); repeatable. Default: every form of the app and every local file." };
        var folder = new Option<string>("--dir") { Description = "The folder of the schema files.", DefaultValueFactory = _ => "schemas" };
        var command = new Command("diff", "Compare the schema files with the forms in H3Yun. Exit 0: no drift; 1: drift (a table says where); 2: error.")
        {
            forms, folder,
        };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var directory = console.FullPath(parse.GetValue(folder)!);
            var local = LocalSchemaFiles.Read(directory, console);
            var codes = parse.GetValue(forms)!.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            var appCode = parse.GetValue(connection.App)!;
            IReadOnlyList<RemoteForm> remote;
            using (var client = new H3YunClient(connection.Resolve(parse, console)))
            {
                remote = await SchemaSource.FetchAsync(client, appCode, codes, console, cancellationToken).ConfigureAwait(false);
            }

            var changes = new List<SchemaChange>();
            foreach (var form in remote)
            {
                if (local.TryGetValue(form.SchemaCode, out var file))
                {
                    changes.AddRange(SchemaMerge.Merge(file.Root, form).Changes);
                }
                else
                {
                    changes.Add(new SchemaChange(form.SchemaCode, "", form.DisplayName, ChangeKind.Added, null, null, "form", "no schema file: h3yun schema pull writes it"));
                }
            }

            if (codes.Count == 0)
            {
                foreach (var file in local.Values.Where(file => remote.All(form => form.SchemaCode != file.SchemaCode)))
                {
                    changes.Add(new SchemaChange(file.SchemaCode, "", null, ChangeKind.Removed, null, "form", null, $"{console.Show(file.Path)}: not among app {appCode}'s forms"));
                }
            }

            if (changes.Count == 0)
            {
                await console.Output.WriteLineAsync($"No drift: {remote.Count} form(s) of app {appCode} match the schema files in {console.Show(directory)}.").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var rows = changes.Select(change => (IReadOnlyList<string>)
            [
                change.SchemaCode,
                change.Field.Length == 0 ? "(form)" : change.Field,
                change.FieldName ?? "",
                change.Kind == ChangeKind.Changed ? change.Aspect! : change.Kind == ChangeKind.Added ? "added in H3Yun" : "removed in H3Yun",
                change.Local ?? "",
                change.Remote ?? "",
            ]);
            await console.Output.WriteAsync(TextTable.Render(["Form", "Field", "Name", "Change", "Local", "H3Yun"], rows)).ConfigureAwait(false);
            await console.Output.WriteLineAsync($"{changes.Count} difference(s) in {changes.Select(c => c.SchemaCode).Distinct(StringComparer.Ordinal).Count()} form(s); 'h3yun schema pull --app {appCode}' brings the files up to date.").ConfigureAwait(false);
            return ExitCodes.Finding;
        });
        return command;
    }
}
