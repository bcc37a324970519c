using System.Text.Json.Nodes;

namespace H3Yun.Cli.Tests;

/// <summary><c>h3yun schema pull</c> against the emulator hosting the export: files, merges, summaries, progress.</summary>
public class PullTests
{
    private const string App = H3YunEmulatorOptionsApp.Default;

    [Fact]
    public async Task A_pull_writes_one_file_per_form_that_the_generator_reads_without_a_diagnostic()
    {
        await using var emulator = await Cli.StartEmulatorAsync(Cli.RepositorySchema("SalesOrder.h3form.json"), Cli.RepositorySchema("Customer.h3form.json"));
        using var folder = new TempFolder();

        var pull = await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(emulator), "schema", "pull", "--app", App);

        Assert.True(pull.ExitCode == 0, pull.All);
        Assert.Equal(["D000024Customer.h3form.json", "D000024SalesOrder.h3form.json"], Directory.GetFiles(folder.File("schemas")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("Pulled 2 form(s) into schemas: 2 new, 0 updated, 0 unchanged", pull.Output, StringComparison.Ordinal);
        var check = await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(emulator), "schema", "check", "schemas");
        Assert.True(check.ExitCode == 0, check.All);
        Assert.Contains("2 schema file(s) checked: 0 error(s), 0 warning(s).", check.Output, StringComparison.Ordinal);
        var order = JsonNode.Parse(File.ReadAllText(folder.File("schemas/D000024SalesOrder.h3form.json")))!;
        Assert.Equal("D000024Customer", (string?)order["Properties"]![1]!["AssociationSchemaCode"]);
        Assert.Equal("BizObjectArray", (string?)order["Properties"]![7]!["DataType"]);
        Assert.Equal("ShortString", (string?)order["Properties"]![7]!["ChildSchema"]!["Properties"]![0]!["DataType"]);
    }

    [Fact]
    public async Task The_same_forms_give_the_same_bytes_and_a_second_pull_changes_nothing()
    {
        await using var emulator = await Cli.StartEmulatorAsync(Cli.RepositorySchema("AllTypes.h3form.json"));
        using var first = new TempFolder();
        using var second = new TempFolder();

        Assert.Equal(0, (await Cli.RunAsync(first.Path, Cli.EnvironmentFor(emulator), "schema", "pull", "--app", App)).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync(second.Path, Cli.EnvironmentFor(emulator), "schema", "pull", "--app", App)).ExitCode);
        var written = File.ReadAllBytes(first.File("schemas/D000024AllTypes.h3form.json"));
        var again = await Cli.RunAsync(first.Path, Cli.EnvironmentFor(emulator), "schema", "pull", "--app", App);

        Assert.Equal(written, File.ReadAllBytes(second.File("schemas/D000024AllTypes.h3form.json")));
        Assert.Equal(written, File.ReadAllBytes(first.File("schemas/D000024AllTypes.h3form.json")));
        Assert.Contains(".h3form.json (unchanged)\n", again.Output, StringComparison.Ordinal);
        Assert.Contains("0 new, 0 updated, 1 unchanged; 0 field(s) added, 0 removed, 0 changed", again.Output, StringComparison.Ordinal);
        Assert.DoesNotContain((byte)'\r', written);
        Assert.Equal((byte)'\n', written[^1]);
    }

    [Fact]
    public async Task A_pull_merges_into_the_file_of_the_form_keeping_local_additions_and_reports_each_change()
    {
        await using var emulator = await Cli.StartEmulatorAsync(Cli.RepositorySchema("SalesOrder.h3form.json"), Cli.RepositorySchema("Customer.h3form.json"));
        using var folder = new TempFolder();
        // The repository's file as a user wrote it (ClassName, PropertyName), with a field H3Yun lacks, one it has that
        // the file lacks, a display name H3Yun changed, Options, an unknown member and a system field of the user's.
        var original = File.ReadAllText(Cli.RepositorySchema("SalesOrder.h3form.json"));
        var local = original
            .Replace("""    { "Name": "F0000006", "DisplayName": "备注", "DataType": "String" },""" + "\n", "", StringComparison.Ordinal)
            .Replace("\"DisplayName\": \"金额\"", "\"DisplayName\": \"旧金额\"", StringComparison.Ordinal)
            .Replace(
                """{ "Name": "F0000001", "DisplayName": "订单编号", "DataType": "ShortString", "PropertyName": "OrderNumber" },""",
                """{ "Name": "ObjectId", "DataType": "ShortString" },""" + "\n    "
                + """{ "Name": "F0000001", "DisplayName": "订单编号", "DataType": "ShortString", "PropertyName": "OrderNumber", "Options": ["A", "B"], "x-note": "mine" },""" + "\n    "
                + """{ "Name": "F0000099", "DisplayName": "作废字段", "DataType": 14, "PropertyName": "Gone" },""",
                StringComparison.Ordinal);
        Assert.NotEqual(original, local);
        var path = folder.Write("schemas/orders/SalesOrder.h3form.json", local);

        var pull = await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(emulator), "schema", "pull", "--app", App, "--form", "D000024SalesOrder");

        Assert.True(pull.ExitCode == 0, pull.All);
        Assert.False(File.Exists(folder.File("schemas/D000024SalesOrder.h3form.json")), "the form's own file is merged, not a second one written");
        var merged = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal("SalesOrder", (string?)merged["ClassName"]);
        Assert.Equal("./h3form.schema.json", (string?)merged["$schema"]);
        var fields = merged["Properties"]!.AsArray();
        Assert.Equal(["ObjectId", "F0000001", "F0000002", "F0000003", "F0000004", "F0000005", "F0000006", "F0000007", "D000024FOrderLines"], fields.Select(f => (string?)f!["Name"]));
        Assert.Equal("OrderNumber", (string?)fields[1]!["PropertyName"]);
        Assert.Equal(["A", "B"], fields[1]!["Options"]!.AsArray().Select(o => (string?)o));
        Assert.Equal("mine", (string?)fields[1]!["x-note"]);
        Assert.Equal("金额", (string?)fields[4]!["DisplayName"]);
        Assert.Equal("Amount", (string?)fields[4]!["PropertyName"]);
        Assert.Equal("OrderLine", (string?)fields[8]!["ChildSchema"]!["ClassName"]);
        Assert.Equal("Quantity", (string?)fields[8]!["ChildSchema"]!["Properties"]![1]!["PropertyName"]);
        Assert.Contains("(updated): 1 added, 1 removed, 1 changed", pull.Output, StringComparison.Ordinal);
        Assert.Contains("+ F0000006 备注 (String)", pull.Output, StringComparison.Ordinal);
        Assert.Contains("- F0000099 作废字段 (ShortString): its PropertyName went with it", pull.Output, StringComparison.Ordinal);
        Assert.Contains("~ F0000004 金额: DisplayName 旧金额 -> 金额", pull.Output, StringComparison.Ordinal);
        Assert.Contains("[1/1] D000024SalesOrder 销售订单", pull.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_differs_only_where_H3Yun_cannot_tell_is_left_as_written()
    {
        await using var emulator = await Cli.StartEmulatorAsync(Cli.RepositorySchema("SalesOrder.h3form.json"), Cli.RepositorySchema("Customer.h3form.json"));
        using var folder = new TempFolder();
        // Comments, numbers for DataTypes, another layout: all the user's; H3Yun knows nothing different.
        var text = "// my notes\n" + File.ReadAllText(Cli.RepositorySchema("SalesOrder.h3form.json")).Replace("\"DataType\": \"DateTime\"", "\"DataType\": 5", StringComparison.Ordinal);
        var path = folder.Write("schemas/SalesOrder.h3form.json", text);

        var pull = await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(emulator), "schema", "pull", "--app", App, "--form", "D000024SalesOrder");

        Assert.True(pull.ExitCode == 0, pull.All);
        Assert.Equal(text, File.ReadAllText(path));
        Assert.Contains("(unchanged)", pull.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Many_forms_are_asked_one_by_one_with_progress_at_the_rate_given()
    {
        await using var emulator = await Cli.StartEmulatorAsync(Cli.RepositorySchema("SalesOrder.h3form.json"), Cli.RepositorySchema("Customer.h3form.json"), Cli.RepositorySchema("AllTypes.h3form.json"));
        using var folder = new TempFolder();

        var pull = await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(emulator), "schema", "pull", "--app", App,
            "--form", "D000024SalesOrder", "--form", "D000024Customer", "--form", "D000024AllTypes", "--requests-per-second", "2");

        Assert.True(pull.ExitCode == 0, pull.All);
        Assert.Contains("Asking H3Yun for 3 forms, one request each: about 1 s at 2 requests/s.", pull.Error, StringComparison.Ordinal);
        Assert.Contains("[1/3] D000024SalesOrder 销售订单", pull.Error, StringComparison.Ordinal);
        Assert.Contains("[3/3] D000024AllTypes", pull.Error, StringComparison.Ordinal);
        Assert.Equal(3, emulator.Requests.Count(r => r.ActionName == "ExportSchemas"));
    }
}

internal static class H3YunEmulatorOptionsApp
{
    public const string Default = H3Yun.Emulator.H3YunEmulatorOptions.DefaultAppCode;
}
