namespace H3Yun.Cli.Tests;

/// <summary><c>h3yun emulator</c> is the emulator's own command, with its flags, and serves what pull reads.</summary>
public class EmulatorCommandTests
{
    [Fact]
    public async Task H3yun_emulator_serves_the_schema_export_that_pull_reads_until_cancelled()
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
        while (!output.ToString().Contains("EngineSecret:", StringComparison.Ordinal))
        {
            Assert.False(serving.IsCompleted, "the emulator stopped: " + output);
            await Task.Delay(50, stop.Token);
        }

        var secret = output.ToString().Split('\n').Single(line => line.Contains("EngineSecret:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        var pull = await Cli.RunAsync(folder.Path, new Dictionary<string, string?>
        {
            [H3YunClientOptions.EngineCodeVariable] = "cli-test",
            [H3YunClientOptions.EngineSecretVariable] = secret,
            [H3YunClientOptions.BaseAddressVariable] = $"http://127.0.0.1:{port}",
        }, "schema", "pull", "--app", H3YunEmulatorOptionsApp.Default);
        await stop.CancelAsync();

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
