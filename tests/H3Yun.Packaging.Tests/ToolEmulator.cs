using System.Diagnostics;
using System.Text.RegularExpressions;

namespace H3Yun.Packaging.Tests;

/// <summary>
/// <c>h3yun emulator</c> from the installed tool, in its own process, as a user starts it: the address and
/// credentials are read from what it prints, and become the variables a consumer reads.
/// </summary>
internal sealed class ToolEmulator(Process process, Dictionary<string, string> environment) : IDisposable
{
    private const string Secret = "packaging-tests-secret-7f3a";

    /// <summary><c>H3YUN_BASE_ADDRESS</c>, <c>H3YUN_ENGINE_CODE</c> and <c>H3YUN_ENGINE_SECRET</c> of this emulator.</summary>
    public Dictionary<string, string> Environment { get; } = environment;

    public static async Task<ToolEmulator> StartAsync(string h3yunTool, string schemas, params string[] options)
    {
        var process = Processes.StartBackground(h3yunTool, ["emulator", "--urls", "http://127.0.0.1:0", "--schemas", schemas, "--in-memory", .. options], schemas,
            new Dictionary<string, string> { ["H3YUN_EMULATOR_ENGINE_SECRET"] = Secret });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        string? address = null;
        string? code = null;
        while (code is null)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException("h3yun emulator stopped: " + await process.StandardError.ReadToEndAsync(timeout.Token));
            address ??= Regex.Match(line, @"listening on (\S+)") is { Success: true } listening ? listening.Groups[1].Value : null;
            code = Regex.Match(line, @"^export H3YUN_ENGINE_CODE=(\S+)$") is { Success: true } engine ? engine.Groups[1].Value : null;
        }

        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
        return new ToolEmulator(process, new Dictionary<string, string>
        {
            ["H3YUN_BASE_ADDRESS"] = address!,
            ["H3YUN_ENGINE_CODE"] = code,
            ["H3YUN_ENGINE_SECRET"] = Secret,
        });
    }

    public void Dispose()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
    }
}
