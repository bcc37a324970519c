using System.Text.RegularExpressions;

namespace H3Yun.Packaging.Tests;

/// <summary>
/// Fresh projects outside the solution, made as the README's quick start says, with only the package reference and
/// one schema file: they build under TreatWarningsAsErrors for net8.0 and net10.0, and the quick start runs against
/// the emulator package; the h3yun tool installs into a folder from the same feed, pulls schema files from the
/// emulator it runs, and reports a field added on the emulator's side.
/// </summary>
[Collection(PackagesGroup.Name)]
public class ConsumerProjectTests(PackedFeed feed)
{
    [Fact]
    public async Task The_quick_start_builds_in_a_new_net8_project()
    {
        var project = await QuickStart.CreateProjectAsync(feed, "QuickStartNet8", "net8.0");

        await QuickStart.BuildAsync(project);

        Assert.True(File.Exists(Path.Combine(project, "bin", "Debug", "net8.0", "QuickStartNet8.dll")));
    }

    [Fact]
    public async Task The_quick_start_runs_in_a_new_net10_project_against_the_emulator_package()
    {
        var project = await QuickStart.CreateProjectAsync(feed, "QuickStartNet10", "net10.0", "H3Yun.Emulator");
        // The emulator package, started in-process before the quick start's own lines, which read the environment.
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), """
            var emulatorOptions = new H3Yun.Emulator.H3YunEmulatorOptions();
            emulatorOptions.SchemaFiles.Add(Path.GetFullPath("schemas/SalesOrder.h3form.json"));
            await using var emulator = await H3Yun.Emulator.H3YunEmulator.StartAsync(emulatorOptions);
            Environment.SetEnvironmentVariable("H3YUN_BASE_ADDRESS", emulator.BaseAddress.ToString());
            Environment.SetEnvironmentVariable("H3YUN_ENGINE_CODE", emulator.EngineCode);
            Environment.SetEnvironmentVariable("H3YUN_ENGINE_SECRET", emulator.EngineSecret);

            """ + QuickStart.Program + """
            Console.WriteLine($"left in the emulator: {emulator.Count(SalesOrder.SchemaCode)}");
            """);
        await QuickStart.BuildAsync(project);
        var run = (await Processes.DotnetAsync(project, "run", "--no-build")).ShouldSucceed();

        Assert.Matches(new Regex(@"^created SO-1 as [0-9a-fA-F-]{36}\s*$", RegexOptions.Multiline), run.Output);
        Assert.Matches(new Regex(@"^loaded SO-1: amount 99\.5, paid False, 2 ", RegexOptions.Multiline), run.Output);
        Assert.Matches(new Regex(@"^1 unpaid order\(s\) over 50\s*$", RegexOptions.Multiline), run.Output);
        Assert.Matches(new Regex(@"^0 unpaid order\(s\) over 50 after paying SO-1\s*$", RegexOptions.Multiline), run.Output);
        Assert.Matches(new Regex(@"^deleted [0-9a-fA-F-]{36}\s*$", RegexOptions.Multiline), run.Output);
        Assert.Matches(new Regex(@"^SO-1\s*$", RegexOptions.Multiline), run.Output);
        Assert.Contains("left in the emulator: 0", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tool_pulls_the_emulators_forms_into_a_new_project_that_builds_them_and_diff_reports_a_field_added_there()
    {
        // H3Yun's side: the quick start's form and a customer form, served by `h3yun emulator` with the export.
        var h3yun = Path.Combine(feed.Consumers, "h3yun-side");
        Directory.CreateDirectory(h3yun);
        await File.WriteAllTextAsync(Path.Combine(h3yun, "SalesOrder.h3form.json"), QuickStart.Schema);
        var customer = Path.Combine(h3yun, "Customer.h3form.json");
        File.Copy(Path.Combine(feed.Source, "schemas", "Customer.h3form.json"), customer);

        var h3yunTool = await feed.ToolAsync();
        var project = await QuickStart.CreateProjectAsync(feed, "Orders", "net10.0");

        Dictionary<string, string> environment;
        using (var emulator = await ToolEmulator.StartAsync(h3yunTool, h3yun, "--custom-api", "schema-export"))
        {
            environment = emulator.Environment;
            var pull = (await Processes.RunAsync(h3yunTool, ["schema", "pull", "--app", "D000024Emulator"], project, environment)).ShouldSucceed();
            Assert.Contains("D000024SalesOrder 销售订单 -> schemas/SalesOrder.h3form.json (unchanged)", pull.Output, StringComparison.Ordinal);
            Assert.Contains("D000024Customer 客户 -> schemas/D000024Customer.h3form.json (new file)", pull.Output, StringComparison.Ordinal);
        }

        // The pulled form is typed too: its class is named from its display name (the backend cannot tell ClassName).
        await File.WriteAllTextAsync(Path.Combine(project, "Customers.cs"), """
            internal static class Customers
            {
                internal static 客户Repository Repository(H3YunClient client) => new(client);
            }
            """);
        await QuickStart.BuildAsync(project);
        Assert.True(File.Exists(Path.Combine(project, "bin", "Debug", "net10.0", "Orders.dll")));

        // A field is added on H3Yun's side; diff, for CI, exits 1 and names it.
        var text = await File.ReadAllTextAsync(customer);
        await File.WriteAllTextAsync(customer, text.Insert(text.IndexOf("{ \"Name\": \"F", StringComparison.Ordinal), """{ "Name": "F0000088", "DisplayName": "开户银行", "DataType": "ShortString" }, """));
        using (var emulator = await ToolEmulator.StartAsync(h3yunTool, h3yun, "--custom-api", "schema-export"))
        {
            var diff = await Processes.RunAsync(h3yunTool, ["schema", "diff", "--app", "D000024Emulator"], project, emulator.Environment);

            Assert.True(diff.ExitCode == 1, diff.Output);
            Assert.Matches(new Regex(@"^D000024Customer\s+F0000088\s+开户银行\s+added in H3Yun\s+ShortString\s*$", RegexOptions.Multiline), diff.Output);
        }
    }
}
