using System.CommandLine;
using System.CommandLine.Help;
using H3Yun.Cli.Export;
using H3Yun.Cli.Import;
using H3Yun.Cli.Schemas;
using H3Yun.Cli.Sync;
using H3Yun.Emulator;

namespace H3Yun.Cli;

/// <summary>
/// The <c>h3yun</c> command: <c>schema export-code | pull | diff | check</c>, <c>sync</c>, <c>import</c>, <c>export</c> and <c>emulator</c>. Every failure the
/// user can fix is a message and exit code 2, never a stack trace; see <see cref="ExitCodes"/>.
/// </summary>
internal static class CliApp
{
    /// <summary>The name a user types; a <see cref="RootCommand"/> would take the assembly's, H3Yun.Cli.</summary>
    public const string Name = "h3yun";

    /// <summary>The root command: a plain <see cref="Command"/> named <see cref="Name"/>, with --help and --version.</summary>
    public static Command Create(CliConsole console)
    {
        var schema = new Command("schema", "Schema files (*.h3form.json): export them from H3Yun, pull, compare, check.")
        {
            ExportCodeCommand.Create(console),
            PullCommand.Create(console),
            DiffCommand.Create(console),
            CheckCommand.Create(console),
        };
        return new Command(Name, "h3yun: schema files from H3Yun (氚云) for H3Yun.Generators, checked like the build; a copy of forms in your own database; spreadsheets written into forms by key and forms exported to them; and a local OpenApi emulator.")
        {
            new HelpOption(),
            new VersionOption(),
            schema,
            SyncCommand.Create(console),
            ImportCommand.Create(console),
            ExportCommand.Create(console),
            H3YunEmulatorCommandLine.CreateCommand("emulator"),
        };
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var parse = Create(console).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                await console.Error.WriteLineAsync("h3yun: " + problem.Message).ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Run 'h3yun --help', or 'h3yun <command> --help', for the commands and options.").ConfigureAwait(false);
            return ExitCodes.Error;
        }

        var configuration = new InvocationConfiguration { Output = console.Output, Error = console.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            await console.Error.WriteLineAsync("h3yun: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.Error;
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("h3yun: cancelled.").ConfigureAwait(false);
            return ExitCodes.Error;
        }
#pragma warning disable CA1031 // The last line of defence: a bug is reported in one line, never as a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await console.Error.WriteLineAsync($"h3yun: unexpected error ({ex.GetType().Name}): {ex.Message}{Environment.NewLine}This is a bug in h3yun; please report it with the command you ran.").ConfigureAwait(false);
            return ExitCodes.Error;
        }
    }
}
