namespace H3Yun.Cli.Tests;

/// <summary><c>h3yun schema diff</c>: 0 without drift, 1 with a table of the drift, 2 on an error.</summary>
public class DiffTests
{
    private const string App = H3YunEmulatorOptionsApp.Default;

    [Fact]
    public async Task Files_just_pulled_have_no_drift()
    {
        await using var emulator = await Cli.StartEmulatorAsync(Cli.RepositorySchema("SalesOrder.h3form.json"), Cli.RepositorySchema("Customer.h3form.json"));
        using var folder = new TempFolder();
        Assert.Equal(0, (await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(emulator), "schema", "pull", "--app", App)).ExitCode);

        var diff = await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(emulator), "schema", "diff", "--app", App);

        Assert.True(diff.ExitCode == 0, diff.All);
        Assert.Contains("No drift: 2 form(s) of app D000024Emulator match the schema files in schemas.", diff.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_added_in_H3Yun_a_type_changed_and_a_new_form_are_drift_in_a_table()
    {
        using var folder = new TempFolder();
        var customer = folder.Write("h3yun/Customer.h3form.json", File.ReadAllText(Cli.RepositorySchema("Customer.h3form.json")));
        await using (var before = await Cli.StartEmulatorAsync(customer))
        {
            Assert.Equal(0, (await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(before), "schema", "pull", "--app", App)).ExitCode);
        }

        // H3Yun's side changes: a field is added to the form, one changes type, and a new form appears.
        var text = File.ReadAllText(customer);
        var firstField = text.IndexOf("{ \"Name\": \"F", StringComparison.Ordinal);
        File.WriteAllText(customer, text.Insert(firstField, """{ "Name": "F0000077", "DisplayName": "新字段", "DataType": "Bool" }, """));
        await using var after = await Cli.StartEmulatorAsync(customer, Cli.RepositorySchema("AllTypes.h3form.json"));

        var diff = await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(after), "schema", "diff", "--app", App);

        Assert.True(diff.ExitCode == 1, diff.All);
        var lines = diff.Output.Split('\n');
        Assert.StartsWith("Form ", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.StartsWith("D000024Customer", StringComparison.Ordinal) && line.Contains("F0000077", StringComparison.Ordinal) && line.Contains("新字段", StringComparison.Ordinal) && line.Contains("added in H3Yun", StringComparison.Ordinal) && line.TrimEnd().EndsWith("Bool", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("D000024AllTypes", StringComparison.Ordinal) && line.Contains("(form)", StringComparison.Ordinal) && line.Contains("added in H3Yun", StringComparison.Ordinal));
        Assert.Contains("2 difference(s) in 2 form(s)", diff.Output, StringComparison.Ordinal);
        // Columns line up by display width: every row's "Change" column starts at the header's.
        var changeColumn = Cli.DisplayColumn(lines[0], "Change");
        Assert.All(lines.Skip(2).Where(line => line.Contains("added in H3Yun", StringComparison.Ordinal)), line => Assert.Equal(changeColumn, Cli.DisplayColumn(line, "added in H3Yun")));
    }

    [Fact]
    public async Task A_local_form_the_app_no_longer_has_is_drift()
    {
        await using var emulator = await Cli.StartEmulatorAsync(Cli.RepositorySchema("Customer.h3form.json"));
        using var folder = new TempFolder();
        folder.Write("schemas/AllTypes.h3form.json", File.ReadAllText(Cli.RepositorySchema("AllTypes.h3form.json")));
        Assert.Equal(0, (await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(emulator), "schema", "pull", "--app", App, "--form", "D000024Customer")).ExitCode);

        var diff = await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(emulator), "schema", "diff", "--app", App);

        Assert.Equal(1, diff.ExitCode);
        Assert.Contains(diff.Output.Split('\n'), line => line.StartsWith("D000024AllTypes", StringComparison.Ordinal) && line.Contains("removed in H3Yun", StringComparison.Ordinal));
    }
}
