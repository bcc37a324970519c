using System.Diagnostics;
using System.Text;

namespace H3Yun.Packaging.Tests;

/// <summary>What a command printed and returned.</summary>
internal sealed record ProcessResult(string Command, int ExitCode, string Output)
{
    public ProcessResult ShouldSucceed()
    {
        Assert.True(ExitCode == 0, $"'{Command}' exited {ExitCode}:\n{Output}");
        return this;
    }
}

/// <summary>
/// Runs the commands a user types (dotnet, h3yun) as child processes, with the machine's SDK and NuGet
/// configuration but without the variables `dotnet test` sets for its own MSBuild, which would leak into theirs.
/// </summary>
internal static class Processes
{
    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = Start(fileName, arguments, workingDirectory, environment);
        var output = new StringBuilder();
        start.Process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        start.Process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        start.Process.Start();
        start.Process.BeginOutputReadLine();
        start.Process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            await start.Process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            start.Process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{start.Command}' did not finish in {timeout ?? TimeSpan.FromMinutes(5)}:\n{output}");
        }

        start.Process.WaitForExit();
        lock (output)
        {
            return new ProcessResult(start.Command, start.Process.ExitCode, output.ToString());
        }
    }

    public static Task<ProcessResult> DotnetAsync(string workingDirectory, params string[] arguments) => RunAsync("dotnet", arguments, workingDirectory);

    /// <summary>Starts a long-running process (an emulator); the caller reads its output and kills it.</summary>
    public static Process StartBackground(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = Start(fileName, arguments, workingDirectory, environment);
        start.Process.Start();
        return start.Process;
    }

    private static (Process Process, string Command) Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment)
    {
        // Below normal priority where the OS allows it: these builds share two cores with the other test assemblies,
        // some of which measure time (rate limits), and must not starve them.
        var niced = OperatingSystem.IsLinux() && File.Exists("/usr/bin/nice");
        var info = new ProcessStartInfo(niced ? "/usr/bin/nice" : fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (niced)
        {
            info.ArgumentList.Add("-n");
            info.ArgumentList.Add("10");
            info.ArgumentList.Add(fileName);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var key in info.Environment.Keys.Where(key => key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return (new Process { StartInfo = info }, string.Join(' ', info.ArgumentList.Skip(niced ? 2 : 0).Prepend(niced ? "" : fileName)).Trim());
    }
}
