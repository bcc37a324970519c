using System.Text;
using H3Yun.Emulator;

namespace H3Yun.Cli.Tests;

/// <summary>What one run of h3yun printed and returned.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;

    /// <summary>Every failure is a message: a stack trace would show ".cs:line" or "   at ".</summary>
    public void AssertNoStackTrace()
    {
        Assert.DoesNotContain("   at ", All, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", All, StringComparison.Ordinal);
    }
}

/// <summary>Runs h3yun in-process as a user would from a folder, with the environment a test gives it.</summary>
internal static class Cli
{
    public static Task<CliRun> RunAsync(string folder, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunAsync(folder, environment, outputIsTerminal: false, args);

    /// <summary>As the other, with standard output a terminal (not redirected) when <paramref name="outputIsTerminal"/>.</summary>
    public static Task<CliRun> RunAsync(string folder, IReadOnlyDictionary<string, string?> environment, bool outputIsTerminal, params string[] args) =>
        RunAsync(folder, environment, new StringWriter(), new StringWriter(), outputIsTerminal, CancellationToken.None, args);

    /// <summary>As the others, printing to the writers given, and cancelled by <paramref name="cancellationToken"/>.</summary>
    public static async Task<CliRun> RunAsync(
        string folder, IReadOnlyDictionary<string, string?> environment, StringWriter output, StringWriter error, bool outputIsTerminal, CancellationToken cancellationToken, params string[] args)
    {
        var console = new CliConsole(TextWriter.Synchronized(output), TextWriter.Synchronized(error), name => environment.TryGetValue(name, out var value) ? value : null, folder, outputIsTerminal);
        var exit = await CliApp.RunAsync(args, console, cancellationToken);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>The environment that points h3yun at an emulator.</summary>
    public static Dictionary<string, string?> EnvironmentFor(H3YunEmulator emulator) => new()
    {
        [H3YunClientOptions.EngineCodeVariable] = emulator.EngineCode,
        [H3YunClientOptions.EngineSecretVariable] = emulator.EngineSecret,
        [H3YunClientOptions.BaseAddressVariable] = emulator.BaseAddress.ToString(),
    };

    /// <summary>An emulator that hosts the schema export over the given schema files.</summary>
    public static Task<H3YunEmulator> StartEmulatorAsync(params string[] schemaFiles)
    {
        var options = new H3YunEmulatorOptions();
        foreach (var file in schemaFiles)
        {
            options.SchemaFiles.Add(file);
        }

        options.CustomApis.AddSchemaExport();
        return H3YunEmulator.StartAsync(options);
    }

    public static string RepositorySchema(string name) => Path.Combine(AppContext.BaseDirectory, "Schemas", name);

    /// <summary>The terminal column at which <paramref name="text"/> starts in <paramref name="line"/>.</summary>
    public static int DisplayColumn(string line, string text) => H3Yun.Cli.Text.TextTable.Width(line[..line.IndexOf(text, StringComparison.Ordinal)]);
}

/// <summary>A folder of its own under the temp folder, removed at the end.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "h3yun-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public string Write(string relative, string text)
    {
        var path = File(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
