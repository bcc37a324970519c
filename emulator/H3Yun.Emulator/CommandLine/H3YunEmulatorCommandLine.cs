using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace H3Yun.Emulator;

/// <summary>
/// The emulator's command line (System.CommandLine): serve with flags for every option, or <c>export</c> a data file
/// as a seed. Other tools (such as an <c>h3yun emulator</c> command) can add <see cref="CreateCommand"/> to theirs.
/// Relative paths are taken from the current directory, the caller's folder.
/// </summary>
public static class H3YunEmulatorCommandLine
{
    /// <summary>The name of the data file standalone mode uses unless told otherwise.</summary>
    public const string DataFileName = "h3yun-emulator.db";

    /// <summary>
    /// The data file standalone mode uses unless told otherwise (<c>--data</c>, <c>--in-memory</c>):
    /// <c>h3yun/emulator/h3yun-emulator.db</c> under the user's local application data folder
    /// (<see cref="Environment.SpecialFolder.LocalApplicationData"/>: <c>%LOCALAPPDATA%</c> on Windows,
    /// <c>$XDG_DATA_HOME</c> or <c>~/.local/share</c> on Linux), so that the data (and SQLite's <c>-wal</c> and
    /// <c>-shm</c> files beside it) stays out of the project the emulator is started in, where it would be easy to
    /// commit by mistake. The folder is created when the emulator starts with it. The temp folder stands in when the
    /// system names no such folder (no home directory).
    /// </summary>
    public static string DefaultDataFile
    {
        get
        {
            var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            return Path.Combine(string.IsNullOrEmpty(root) ? Path.GetTempPath() : root, "h3yun", "emulator", DataFileName);
        }
    }

    /// <summary>How many requests standalone mode keeps for the web page unless told otherwise.</summary>
    public const int DefaultRequestLogLimit = 1000;

    private const string SecretVariable = "H3YUN_EMULATOR_ENGINE_SECRET";

    // The variables the runtime's client and h3yun read (H3YunClientOptions.*Variable): the emulator prints them as
    // lines to paste. It does not reference the runtime, so the CLI's tests check that the names agree.
    private const string BaseAddressVariable = "H3YUN_BASE_ADDRESS";
    private const string EngineCodeVariable = "H3YUN_ENGINE_CODE";
    private const string EngineSecretVariable = "H3YUN_ENGINE_SECRET";

    /// <summary>Parses and runs a command line, as the emulator's own executable does.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where to write normal output; the console by default.</param>
    /// <param name="error">Where to write errors; the console's error stream by default.</param>
    /// <param name="cancellationToken">Stops a serving emulator (Ctrl+C and SIGTERM do too).</param>
    /// <returns>
    /// The exit code, as every command under <c>h3yun</c> returns it: 0 on success (served until stopped, exported),
    /// 2 on an error (bad flags, a file that cannot be read or written, a port that cannot be bound). 1, a finding,
    /// is for commands that check something; the emulator has none.
    /// </returns>
    public static Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var configuration = new InvocationConfiguration { Output = output ?? Console.Out, Error = error ?? Console.Error };
        var parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                configuration.Error.WriteLine(problem.Message);
            }

            configuration.Error.WriteLine("Run with --help for the flags.");
            return Task.FromResult(ExitCodes.Error);
        }

        return parse.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>The root command of the emulator's executable.</summary>
    /// <returns>A new root command.</returns>
    public static RootCommand Create()
    {
        var root = new RootCommand(Description);
        Configure(root);
        return root;
    }

    /// <summary>The emulator as a subcommand of another tool, with the same flags and the <c>export</c> subcommand.</summary>
    /// <param name="name">The subcommand's name.</param>
    /// <returns>A new command.</returns>
    public static Command CreateCommand(string name = "emulator")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var command = new Command(name, Description);
        Configure(command);
        return command;
    }

    private const string Description = "A local H3Yun (氚云) OpenApi emulator: /OpenApi/Invoke, attachments, custom APIs and a web page, with its data in a SQLite file.";

    private static void Configure(Command command)
    {
        var flags = new ServeFlags();
        flags.AddTo(command);
        command.SetAction((parse, cancellationToken) => ServeAsync(flags, parse, cancellationToken));
        command.Subcommands.Add(CreateExport());
    }

    private static Command CreateExport()
    {
        var data = new Option<string>("--data") { Description = "The data file to export; by default the one the emulator uses without --data.", DefaultValueFactory = _ => DefaultDataFile };
        var output = new Option<string?>("--out", "-o") { Description = "The seed file to write; standard output when left out." };
        var export = new Command("export", "Write the records and attachments of a data file as a seed file (JSON) that --seed reads back.") { data, output };
        export.SetAction(async (parse, cancellationToken) =>
        {
            var writer = parse.InvocationConfiguration.Output;
            try
            {
                var destination = parse.GetValue(output);
                if (destination is null)
                {
                    using var buffer = new MemoryStream();
                    await H3YunEmulator.ExportDataFileAsync(parse.GetValue(data)!, buffer, cancellationToken).ConfigureAwait(false);
                    await writer.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()).AsMemory(), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var file = File.Create(Path.GetFullPath(destination));
                    await using (file.ConfigureAwait(false))
                    {
                        await H3YunEmulator.ExportDataFileAsync(parse.GetValue(data)!, file, cancellationToken).ConfigureAwait(false);
                    }

                    await writer.WriteLineAsync($"Exported {Path.GetFullPath(parse.GetValue(data)!)} to {Path.GetFullPath(destination)}.").ConfigureAwait(false);
                }

                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return ExitCodes.Error;
            }
        });
        return export;
    }

    private static async Task<int> ServeAsync(ServeFlags flags, ParseResult parse, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        H3YunEmulatorOptions options;
        try
        {
            options = flags.ToOptions(parse);
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.Error;
        }

        options.EngineSecret ??= Environment.GetEnvironmentVariable(SecretVariable);
        options.ConfigureLogging = logging => logging
            .AddFilter((category, level) => category == "H3Yun.Emulator.Requests" ? level >= LogLevel.Information : level >= LogLevel.Warning)
            .AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss ";
                console.ColorBehavior = LoggerColorBehavior.Disabled;
            });

        H3YunEmulator emulator;
        try
        {
            emulator = await H3YunEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IOException)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.Error;
        }

        await using (emulator.ConfigureAwait(false))
        {
            await output.WriteAsync(Banner(emulator)).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await output.WriteLineAsync("Stopping.").ConfigureAwait(false);
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// What a started emulator prints: where it listens, what it serves, where its data is, and the three variables
    /// the client and h3yun read, as lines to paste into a POSIX shell and into PowerShell.
    /// </summary>
    private static string Banner(H3YunEmulator emulator)
    {
        var address = emulator.BaseAddress.ToString();
        (string Name, string Value)[] variables =
        [
            (BaseAddressVariable, address),
            (EngineCodeVariable, emulator.EngineCode),
            (EngineSecretVariable, emulator.EngineSecret),
        ];
        var schemas = emulator.SchemaFormCount == 0
            ? "none (schema-less mode: any SchemaCode, values stored as sent)"
            : emulator.SchemaFormCount.ToString(System.Globalization.CultureInfo.InvariantCulture) + " form(s)";
        List<string> lines =
        [
            $"H3Yun emulator listening on {address}",
            $"Web page: {address}",
            $"Endpoint: POST {address}OpenApi/Invoke",
            $"Schemas: {schemas}",
            $"Apps: {string.Join(", ", emulator.AppCodes)}",
            $"Data: {emulator.DataFile ?? "in memory (gone when stopped)"}",
            string.Empty,
            "Point a client or h3yun at it: paste into a shell (bash, zsh),",
            .. variables.Select(variable => $"export {variable.Name}={PosixWord(variable.Value)}"),
            "or into PowerShell:",
            .. variables.Select(variable => $"$env:{variable.Name} = {PowerShellString(variable.Value)}"),
            string.Empty,
            "Press Ctrl+C to stop.",
        ];
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    /// <summary>A value as one word of a POSIX shell: as it is when nothing in it is special, else in single quotes.</summary>
    private static string PosixWord(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "+-./:=@_%,".Contains(c, StringComparison.Ordinal))
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>A value as a PowerShell string: in double quotes, with <c>`</c>, <c>"</c> and <c>$</c> escaped by a backtick.</summary>
    private static string PowerShellString(string value) =>
        "\"" + value.Replace("`", "``", StringComparison.Ordinal).Replace("\"", "`\"", StringComparison.Ordinal).Replace("$", "`$", StringComparison.Ordinal) + "\"";

    /// <summary>The serve flags, one per option of <see cref="H3YunEmulatorOptions"/>.</summary>
    private sealed class ServeFlags
    {
        private readonly Option<string?> _urls = new("--urls") { Description = "The loopback address to listen on, e.g. http://127.0.0.1:5080 (127.0.0.1 or localhost only). Default: a free port." };
        private readonly Option<string[]> _schemas = new("--schemas") { Description = "A *.h3form.json file or a folder searched for them; repeatable. None: schema-less mode (any SchemaCode, values stored as sent).", AllowMultipleArgumentsPerToken = false };
        private readonly Option<string?> _data = new("--data") { Description = "The SQLite data file; created when missing, kept across restarts. Default: h3yun/emulator/h3yun-emulator.db in the user's local application data folder, out of any project." };
        private readonly Option<bool> _inMemory = new("--in-memory") { Description = "Keep the data in memory instead of a file (gone when stopped)." };
        private readonly Option<string[]> _seed = new("--seed") { Description = "A seed file (JSON, as `export` writes) to import at start; records with a stored ObjectId are replaced. Repeatable." };
        private readonly Option<string> _engineCode = new("--engine-code") { Description = "The EngineCode to accept.", DefaultValueFactory = _ => "emulator-engine" };
        private readonly Option<bool> _strict = new("--strict") { Description = "Behave like a strict tenant: SortByCollection ignored, numbers read as strings, SQL NULLs for negated operators, titles from templates, SeqNo only where the schema lists it, 业务对象不存在 for a missing record." };
        private readonly Option<double?> _rateLimit = new("--rate-limit") { Description = "Enforce this many requests per second per EngineCode (H3Yun documents 1-2). Default: no limit." };
        private readonly Option<RateLimitRefusal> _rateLimitRefusal = new("--rate-limit-refusal") { Description = "How to refuse the excess: ApiError (HTTP 200, Successful:false, 调用频率超过限制…) or Http429 (with Retry-After).", DefaultValueFactory = _ => RateLimitRefusal.ApiError };
        private readonly Option<ChildRowUpdateMode> _childRows = new("--child-rows") { Description = "What UpdateBizObject does with a child table: Replace, MergeByObjectId or ReplaceWithNewIds.", DefaultValueFactory = _ => ChildRowUpdateMode.Replace };
        private readonly Option<bool> _noAttachmentLists = new("--no-attachment-lists") { Description = "Answer reads with empty attachment and image fields, which H3Yun does not document that it lists: checks that a client downloads by the id an upload returned." };
        private readonly Option<MissingRecordAnswer?> _missingRecord = new("--missing-record") { Description = "How LoadBizObject answers a missing record: NullBizObject or NotFoundError. Default: NullBizObject, NotFoundError with --strict." };
        private readonly Option<string[]> _appCodes = new("--app-code") { Description = $"An AppCode whose custom APIs to answer; repeatable. Default: {H3YunEmulatorOptions.DefaultAppCode}." };
        private readonly Option<string[]> _customApis = new("--custom-api") { Description = $"A built-in custom API to answer in every hosted app; repeatable. Built-ins: {CustomApiCollection.SchemaExportName} ({CustomApiCollection.SchemaExportController}.{CustomApiCollection.SchemaExportAction})." };
        private readonly Option<string[]> _titleTemplates = new("--title-template") { Description = "SCHEMACODE=TEMPLATE: the form's title (Name) template, e.g. D000024SalesOrder={F0000001}; repeatable." };
        private readonly Option<int> _requestLogLimit = new("--request-log-limit") { Description = "How many requests to keep for the web page.", DefaultValueFactory = _ => DefaultRequestLogLimit };

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { _urls, _schemas, _data, _inMemory, _seed, _engineCode, _strict, _noAttachmentLists, _rateLimit, _rateLimitRefusal, _childRows, _missingRecord, _appCodes, _customApis, _titleTemplates, _requestLogLimit })
            {
                command.Options.Add(option);
            }
        }

        public H3YunEmulatorOptions ToOptions(ParseResult parse)
        {
            var options = new H3YunEmulatorOptions
            {
                EngineCode = parse.GetValue(_engineCode)!,
                DataFile = parse.GetValue(_inMemory) ? null : DataFile(parse.GetValue(_data)),
                Strict = parse.GetValue(_strict),
                ListAttachmentsInReads = !parse.GetValue(_noAttachmentLists),
                RateLimit = parse.GetValue(_rateLimit),
                RateLimitRefusal = parse.GetValue(_rateLimitRefusal),
                ChildRowUpdates = parse.GetValue(_childRows),
                MissingRecord = parse.GetValue(_missingRecord),
                RequestLogLimit = parse.GetValue(_requestLogLimit),
            };
            if (parse.GetValue(_urls) is { } urls)
            {
                options.Port = ParseLoopbackPort(urls);
            }

            foreach (var path in parse.GetValue(_schemas) ?? [])
            {
                AddSchemas(options.SchemaFiles, path);
            }

            foreach (var seed in parse.GetValue(_seed) ?? [])
            {
                options.SeedFiles.Add(Path.GetFullPath(seed));
            }

            foreach (var appCode in parse.GetValue(_appCodes) ?? [])
            {
                options.AppCodes.Add(appCode);
            }

            foreach (var name in parse.GetValue(_customApis) ?? [])
            {
                options.CustomApis.AddBuiltIn(name);
            }

            foreach (var pair in parse.GetValue(_titleTemplates) ?? [])
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    throw new ArgumentException($"--title-template takes SCHEMACODE=TEMPLATE, got '{pair}'.");
                }

                options.TitleTemplates[pair[..equals].Trim()] = pair[(equals + 1)..];
            }

            return options;
        }

        /// <summary>The file given, from the current directory; or the default, its folder created when missing.</summary>
        private static string DataFile(string? given)
        {
            if (given is not null)
            {
                return Path.GetFullPath(given);
            }

            var file = DefaultDataFile;
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            return file;
        }

        /// <summary>Only loopback: the emulator accepts any data and prints its secret, so it must not be reachable from the network.</summary>
        private static int ParseLoopbackPort(string urls)
        {
            var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [var url, ..] ? url : urls;
            if (!Uri.TryCreate(first, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            {
                throw new ArgumentException($"--urls must be an http URL such as http://127.0.0.1:5080, got '{urls}'.");
            }

            if (uri.Host is not ("127.0.0.1" or "localhost"))
            {
                throw new ArgumentException($"--urls must name 127.0.0.1 (the emulator listens on loopback only), got '{uri.Host}'.");
            }

            return uri.Port;
        }

        /// <summary>A relative path is taken from the current directory, and the message names the full path tried.</summary>
        private static void AddSchemas(ICollection<string> files, string path)
        {
            var fullPath = Path.GetFullPath(path);
            if (Directory.Exists(fullPath))
            {
                var found = Directory.GetFiles(fullPath, "*.h3form.json", SearchOption.AllDirectories);
                Array.Sort(found, StringComparer.Ordinal);
                if (found.Length == 0)
                {
                    throw new ArgumentException($"--schemas: the folder '{fullPath}' holds no *.h3form.json file.");
                }

                foreach (var file in found)
                {
                    files.Add(file);
                }
            }
            else if (File.Exists(fullPath))
            {
                files.Add(fullPath);
            }
            else
            {
                throw new ArgumentException($"--schemas: no such file or folder '{path}' (looked for {fullPath}; relative paths are taken from the current directory, {Environment.CurrentDirectory}).");
            }
        }
    }
}
