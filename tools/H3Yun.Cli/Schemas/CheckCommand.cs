using System.CommandLine;
using Microsoft.CodeAnalysis;

namespace H3Yun.Cli.Schemas;

/// <summary><c>h3yun schema check [paths]</c>: the build's H3Y diagnostics for schema files, with file, line and column.</summary>
internal static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Schema files, or folders searched for *.h3form.json (not under bin or obj). Default: the current folder. Check a project's files together: names and associations are checked across files.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var rootNamespace = new Option<string?>("--root-namespace") { Description = "The project's RootNamespace, for the class-name checks of forms without a Namespace. Default: H3Yun.Forms." };
        var command = new Command("check", "Report the H3Y diagnostics a build would, for schema files, without building. Exit 0: no error; 1: errors; 2: no files.")
        {
            paths, rootNamespace,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = Files(parse.GetValue(paths)!, console);
            var diagnostics = SchemaChecker.Check(files, parse.GetValue(rootNamespace), cancellationToken);
            foreach (var diagnostic in diagnostics)
            {
                await console.Output.WriteLineAsync(diagnostic.Format(console)).ConfigureAwait(false);
            }

            var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            var warnings = diagnostics.Count - errors;
            await console.Output.WriteLineAsync($"{files.Count} schema file(s) checked: {errors} error(s), {warnings} warning(s).").ConfigureAwait(false);
            return errors > 0 ? ExitCodes.Finding : ExitCodes.Success;
        });
        return command;
    }

    private static List<string> Files(string[] paths, CliConsole console)
    {
        var files = new List<string>();
        foreach (var path in paths.Length == 0 ? ["."] : paths)
        {
            var full = console.FullPath(path);
            if (Directory.Exists(full))
            {
                files.AddRange(LocalSchemaFiles.Find(full));
            }
            else if (File.Exists(full))
            {
                files.Add(full);
            }
            else
            {
                throw new CliException($"No such file or folder: {path} (looked for {full}).");
            }
        }

        var distinct = files.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count > 0
            ? distinct
            : throw new CliException($"No *.h3form.json file in {string.Join(", ", paths.Length == 0 ? [console.CurrentDirectory] : paths)}.");
    }
}
