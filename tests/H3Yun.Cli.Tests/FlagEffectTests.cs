using System.Text.Json.Nodes;
using H3Yun.Emulator;

namespace H3Yun.Cli.Tests;

/// <summary>
/// Each option of the schema commands does what its help says, seen in the files and at the emulator, not only its
/// presence in <c>--help</c>: where pull writes and diff reads, where the commands connect, whose user secrets they
/// read, how fast they ask, and which namespace check gives forms without one.
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
    [Theory]
    [InlineData("schema pull", "app/Real.csproj")]
    [InlineData("schema pull", "app")]
    [InlineData("schema diff", "app/Real.csproj")]
    [InlineData("sync", "app")]
    public async Task Project_reads_the_credentials_from_that_projects_user_secrets_not_the_current_folders(string command, string project)
    {
        // Two servers alike; the current folder's project points at the decoy, the one named by --project at the real one.
        await using var real = await Cli.StartEmulatorAsync(Cli.RepositorySchema("Customer.h3form.json"));
        await using var decoy = await Cli.StartEmulatorAsync(Cli.RepositorySchema("Customer.h3form.json"));
        using var folder = new TempFolder();
        var secrets = new[] { UserSecrets(folder, "Decoy.csproj", decoy), UserSecrets(folder, "app/Real.csproj", real) };
        try
        {
            // The schema file that diff and sync read, as pull writes it (the environment wins over user secrets).
            Assert.Equal(0, (await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(real), "schema", "pull", "--app", App)).ExitCode);
            string[] args = command == "sync" ? ["sync"] : [.. command.Split(' '), "--app", App];
            var (realBefore, decoyBefore) = (real.Requests.Count, decoy.Requests.Count);

            var named = await Cli.RunAsync(folder.Path, new Dictionary<string, string?>(), [.. args, "--project", project]);
            var (realAfterNamed, decoyAfterNamed) = (real.Requests.Count, decoy.Requests.Count);
            var unnamed = await Cli.RunAsync(folder.Path, new Dictionary<string, string?>(), args);

            Assert.True(named.ExitCode == 0, named.All);
            Assert.True(realAfterNamed > realBefore, "--project: the named project's server got no request");
            Assert.Equal(decoyBefore, decoyAfterNamed);
            Assert.True(unnamed.ExitCode == 0, unnamed.All);
            Assert.True(decoy.Requests.Count > decoyAfterNamed, "without --project the current folder's project is read");
            Assert.Equal(realAfterNamed, real.Requests.Count);
        }
        finally
        {
            foreach (var path in secrets)
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData(null, "Contoso.Orders", null)]
    [InlineData("Contoso.Orders", "Contoso.Orders", "Contoso.Orders")]
    [InlineData("Contoso.Sales", "Contoso.Orders", null)]
    [InlineData(null, "H3Yun.Forms", "H3Yun.Forms")]
    [InlineData("Contoso.Orders", "H3Yun.Forms", null)]
    public async Task Root_namespace_is_the_namespace_check_gives_forms_without_one(string? rootNamespace, string otherFormsNamespace, string? clashIn)
    {
        // Two forms named Order: one in a namespace of its own, one without (so in the project's RootNamespace). They
        // clash exactly when that is the same namespace.
        using var folder = new TempFolder();
        folder.Write("schemas/A.h3form.json", $$"""{ "SchemaCode": "D1", "ClassName": "Order", "Namespace": "{{otherFormsNamespace}}", "Properties": [] }""");
        folder.Write("schemas/B.h3form.json", """{ "SchemaCode": "D2", "ClassName": "Order", "Properties": [] }""");

        var check = await Cli.RunAsync(folder.Path, new Dictionary<string, string?>(), rootNamespace is null ? ["schema", "check"] : ["schema", "check", "--root-namespace", rootNamespace]);

        Assert.True(check.ExitCode == 0, check.All);
        var lines = check.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"2 schema file(s) checked: 0 error(s), {(clashIn is null ? 0 : 1)} warning(s).", lines[^1].TrimEnd());
        if (clashIn is not null)
        {
            var warning = Assert.Single(lines[..^1]);
            Assert.StartsWith(Path.Combine("schemas", "B.h3form.json"), warning, StringComparison.Ordinal);
            Assert.Contains("warning H3Y0009: ", warning, StringComparison.Ordinal);
            Assert.Contains($"another form in namespace {clashIn} is already named Order", warning, StringComparison.Ordinal);
        }
    }

    // A project in the folder with a UserSecretsId whose secrets point at the server; the secrets' folder, to remove.
    private static string UserSecrets(TempFolder folder, string project, H3YunEmulator server)
    {
        var id = "h3yun-cli-tests-" + Guid.NewGuid().ToString("N");
        folder.Write(project, $"<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><UserSecretsId>{id}</UserSecretsId></PropertyGroup></Project>");
        var secrets = Microsoft.Extensions.Configuration.UserSecrets.PathHelper.GetSecretsPathFromSecretsId(id);
        Directory.CreateDirectory(Path.GetDirectoryName(secrets)!);
        File.WriteAllText(secrets, new JsonObject
        {
            ["H3Yun:EngineCode"] = server.EngineCode,
            ["H3Yun:EngineSecret"] = server.EngineSecret,
            ["H3Yun:BaseAddress"] = server.BaseAddress.ToString(),
        }.ToJsonString());
        return Path.GetDirectoryName(secrets)!;
    }
}
