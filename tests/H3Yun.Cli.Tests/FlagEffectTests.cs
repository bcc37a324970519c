namespace H3Yun.Cli.Tests;

/// <summary>
/// Each option of the schema commands does what its help says, seen in the files and at the emulator, not only its
/// presence in <c>--help</c>: where pull writes and diff reads, where the commands connect, how fast they ask.
/// </summary>
public class FlagEffectTests
{
    private const string App = H3YunEmulatorOptionsApp.Default;

    [Fact]
    public async Task Pull_out_writes_into_that_folder_and_diff_dir_reads_from_it()
    {
        await using var emulator = await Cli.StartEmulatorAsync(Cli.RepositorySchema("SalesOrder.h3form.json"));
        using var folder = new TempFolder();

        var pull = await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(emulator), "schema", "pull", "--app", App, "--out", "forms/h3yun");
        var sameFolder = await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(emulator), "schema", "diff", "--app", App, "--dir", "forms/h3yun");
        var defaultFolder = await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(emulator), "schema", "diff", "--app", App);

        Assert.True(pull.ExitCode == 0, pull.All);
        Assert.Equal(["D000024SalesOrder.h3form.json"], Directory.GetFiles(folder.File("forms/h3yun")).Select(Path.GetFileName));
        Assert.False(Directory.Exists(folder.File("schemas")));
        Assert.True(sameFolder.ExitCode == 0, sameFolder.All);
        Assert.NotEqual(0, defaultFolder.ExitCode);
    }

    [Fact]
    public async Task Code_out_writes_the_backend_class_to_the_file_instead_of_the_output()
    {
        using var folder = new TempFolder();

        var run = await Cli.RunAsync(folder.Path, new Dictionary<string, string?>(), "schema", "export-code", "--app", App, "--out", "H3YunSchemaExportController.cs");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("class H3YunSchemaExportController", run.Output, StringComparison.Ordinal);
        Assert.Contains("class H3YunSchemaExportController", File.ReadAllText(folder.File("H3YunSchemaExportController.cs")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Base_address_points_the_commands_at_a_server_when_no_variable_does()
    {
        await using var emulator = await Cli.StartEmulatorAsync(Cli.RepositorySchema("SalesOrder.h3form.json"));
        using var folder = new TempFolder();
        var environment = Cli.EnvironmentFor(emulator);
        environment.Remove(H3YunClientOptions.BaseAddressVariable);

        var pull = await Cli.RunAsync(folder.Path, environment, "schema", "pull", "--app", App, "--base-address", emulator.BaseAddress.ToString());

        Assert.True(pull.ExitCode == 0, pull.All);
        Assert.Single(emulator.Requests, r => r.ActionName == "ExportSchemas");
    }

    [Theory]
    [InlineData("0.5", false)]
    [InlineData("50", true)]
    public async Task Requests_per_second_keeps_within_a_servers_limit_or_not(string rate, bool refusedSome)
    {
        // A server that allows one request a second and refuses the excess with 429. An engine of its own per case:
        // the budget is one per engine in a process.
        var options = new H3Yun.Emulator.H3YunEmulatorOptions
        {
            EngineCode = "rate-flag-" + rate,
            RateLimit = 1,
            RateLimitRefusal = H3Yun.Emulator.RateLimitRefusal.Http429,
        };
        foreach (var form in new[] { "SalesOrder", "Customer", "AllTypes" })
        {
            options.SchemaFiles.Add(Cli.RepositorySchema(form + ".h3form.json"));
        }

        options.CustomApis.AddSchemaExport();
        await using var emulator = await H3Yun.Emulator.H3YunEmulator.StartAsync(options);
        using var folder = new TempFolder();

        var pull = await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(emulator), "schema", "pull", "--app", App,
            "--form", "D000024SalesOrder", "--form", "D000024Customer", "--form", "D000024AllTypes", "--requests-per-second", rate);

        Assert.True(pull.ExitCode == 0, pull.All);
        Assert.Equal(refusedSome, emulator.Requests.Any(r => r.Outcome == H3Yun.Emulator.RequestOutcome.RateLimited));
    }
}
