using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests.Standalone;

/// <summary>
/// The emulator as its own process, as a user starts it: relative paths are the caller's folder (the README's
/// <c>--schemas schemas</c> from the repository root), and each request writes one log line.
/// </summary>
public partial class StandaloneProcessTests
{
    [Fact]
    public async Task Relative_paths_are_taken_from_the_callers_folder_and_each_request_logs_one_line()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "schemas"));
        File.Copy(EmulatorSession.SchemaPath("order.h3form.json"), Path.Combine(folder.Path, "schemas", "order.h3form.json"));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "H3Yun.Emulator.dll"), "--urls", "http://127.0.0.1:0", "--schemas", "schemas", "--data", "data.db" })
        {
            start.ArgumentList.Add(arg);
        }

        var (process, output, lines) = Start(start);
        using var started = process;
        try
        {
            var banner = await WaitForAsync(output, lines, "Press Ctrl+C");
            var address = ListeningOn().Match(banner).Groups[1].Value;
            var secret = SecretLine().Match(banner).Groups[1].Value;
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            using var request = new HttpRequestMessage(HttpMethod.Post, "OpenApi/Invoke")
            {
                Content = new StringContent($$"""{"ActionName":"LoadBizObjects","SchemaCode":"{{EmulatorSession.OrderForm}}"}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("EngineCode", "emulator-engine");
            request.Headers.Add("EngineSecret", secret);
            using var response = await http.SendAsync(request);

            var logged = await WaitForAsync(output, lines, "-> Succeeded");
            Assert.Contains("Schemas: 1 form(s)", banner, StringComparison.Ordinal);
            Assert.Contains($"Data: {Path.Combine(folder.Path, "data.db")}", banner, StringComparison.Ordinal);
            Assert.Matches(@"#1 LoadBizObjects D000100Order -> Succeeded 200 in [0-9.]+ ms", logged);
            Assert.DoesNotContain(secret, logged[logged.IndexOf("#1 ", StringComparison.Ordinal)..], StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder.Path, "data.db")));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>
    /// Without <c>--data</c> the data file goes under the user's local application data folder, not into the folder
    /// the emulator was started in (a project, where <c>h3yun-emulator.db</c>, <c>-wal</c> and <c>-shm</c> were easy to
    /// commit by mistake), its folder created when missing, and the banner says where it is.
    /// </summary>
    [Fact]
    public async Task Without_data_the_data_file_goes_under_the_users_local_application_data_not_the_current_folder()
    {
        using var folder = new TempFolder();
        using var home = new TempFolder();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "H3Yun.Emulator.dll"), "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(arg);
        }

        // Where .NET puts LocalApplicationData: $XDG_DATA_HOME on Linux, under $HOME on macOS; Windows asks the shell.
        start.Environment["XDG_DATA_HOME"] = Path.Combine(home.Path, "data");
        start.Environment["HOME"] = home.Path;
        var localApplicationData = OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
            : OperatingSystem.IsMacOS() ? Path.Combine(home.Path, "Library", "Application Support")
            : Path.Combine(home.Path, "data");
        var expected = Path.Combine(localApplicationData, "h3yun", "emulator", "h3yun-emulator.db");

        var (process, output, lines) = Start(start);
        using var started = process;
        try
        {
            var banner = await WaitForAsync(output, lines, "Press Ctrl+C");
            var data = DataLine().Match(banner).Groups[1].Value;

            Assert.Equal(expected, data);
            Assert.True(File.Exists(expected), expected);
            Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>
    /// <c>dotnet run</c> starts an app in its project's folder unless the project sets RunWorkingDirectory; without
    /// it, the README's <c>--schemas schemas</c> run from the repository root stopped with "no such file or folder".
    /// Evaluating the property (no build) from a folder must give that folder back.
    /// </summary>
    [Fact]
    public async Task Dotnet_run_starts_the_emulator_in_the_callers_folder()
    {
        using var folder = new TempFolder();
        var project = Path.Combine(RepositoryRoot(), "emulator", "H3Yun.Emulator", "H3Yun.Emulator.csproj");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "msbuild", project, "-getProperty:RunWorkingDirectory", "-nologo" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(Path.TrimEndingDirectorySeparator(folder.Path), Path.TrimEndingDirectorySeparator(output.Trim()));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "H3Yun.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No H3Yun.Generators.sln above {AppContext.BaseDirectory}.");
    }

    // Starts the emulator's process and collects what it prints, line by line, for WaitForAsync.
    private static (Process Process, StringBuilder Output, SemaphoreSlim Lines) Start(ProcessStartInfo start)
    {
        var process = Process.Start(start)!;
        var output = new StringBuilder();
        var lines = new SemaphoreSlim(0);
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            lines.Release();
        };
        process.BeginOutputReadLine();
        return (process, output, lines);
    }

    private static async Task<string> WaitForAsync(StringBuilder output, SemaphoreSlim lines, string text)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            lock (output)
            {
                if (output.ToString().Contains(text, StringComparison.Ordinal))
                {
                    return output.ToString();
                }
            }

            await lines.WaitAsync(patience.Token);
        }
    }

    [GeneratedRegex(@"listening on (\S+)")]
    private static partial Regex ListeningOn();

    [GeneratedRegex(@"^export H3YUN_ENGINE_SECRET=(\S+)\r?$", RegexOptions.Multiline)]
    private static partial Regex SecretLine();

    [GeneratedRegex(@"^Data: (.+?)\r?$", RegexOptions.Multiline)]
    private static partial Regex DataLine();
}
