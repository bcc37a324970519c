namespace H3Yun.Cli.Tests;

/// <summary><c>h3yun emulator</c> is the emulator's own command, with its flags, and serves what pull reads.</summary>
public class EmulatorCommandTests
{
    [Fact]
    public async Task H3yun_emulator_prints_the_lines_to_paste_that_pull_reads_and_serves_until_cancelled()
    {
        using var folder = new TempFolder();
        var port = FreePort();
        var output = new StringWriter();
        var console = new CliConsole(TextWriter.Synchronized(output), TextWriter.Synchronized(new StringWriter()), _ => null, folder.Path);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var serving = CliApp.RunAsync(
            ["emulator", "--urls", $"http://127.0.0.1:{port}", "--schemas", Cli.RepositorySchema("Customer.h3form.json"), "--in-memory", "--custom-api", "schema-export", "--engine-code", "cli-test"],
            console,
            stop.Token);
        while (!output.ToString().Contains("Press Ctrl+C", StringComparison.Ordinal))
        {
            Assert.False(serving.IsCompleted, "the emulator stopped: " + output);
            await Task.Delay(50, stop.Token);
        }

        // The lines it prints to paste into a shell are the whole environment pull needs: the client's own names.
        var exported = output.ToString().Split('\n').Select(line => line.TrimEnd('\r'))
            .Where(line => line.StartsWith("export ", StringComparison.Ordinal))
            .Select(line => line["export ".Length..].Split('=', 2))
            .ToDictionary(pair => pair[0], pair => (string?)pair[1]);
        var pull = await Cli.RunAsync(folder.Path, exported, "schema", "pull", "--app", H3YunEmulatorOptionsApp.Default);
        await stop.CancelAsync();

        Assert.Equal([H3YunClientOptions.BaseAddressVariable, H3YunClientOptions.EngineCodeVariable, H3YunClientOptions.EngineSecretVariable], exported.Keys);
        Assert.Equal($"http://127.0.0.1:{port}/", exported[H3YunClientOptions.BaseAddressVariable]);
        Assert.Equal("cli-test", exported[H3YunClientOptions.EngineCodeVariable]);
        Assert.True(pull.ExitCode == 0, pull.All);
        Assert.True(File.Exists(folder.File("schemas/D000024Customer.h3form.json")));
        Assert.Equal(0, await serving);
    }

    [Fact]
    public async Task H3yun_emulator_has_every_flag_of_the_emulators_own_command_line()
    {
        using var folder = new TempFolder();
        var own = H3Yun.Emulator.H3YunEmulatorCommandLine.Create().Options.SelectMany(option => option.Aliases.Prepend(option.Name)).ToHashSet();

        var help = await Cli.RunAsync(folder.Path, new Dictionary<string, string?>(), "emulator", "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.All(own.Where(flag => flag.StartsWith("--", StringComparison.Ordinal) && flag != "--version"), flag => Assert.Contains(flag, help.Output, StringComparison.Ordinal));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
