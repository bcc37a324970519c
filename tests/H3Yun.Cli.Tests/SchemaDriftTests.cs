using H3Yun.Cli.Text;

namespace H3Yun.Cli.Tests;

/// <summary>
/// What <c>diff</c> and <c>pull</c> print for one set of changes in H3Yun: a field whose type changed, one renamed,
/// one added, one removed, a new form, and a form the app no longer has.
/// </summary>
public sealed class SchemaDriftTests : IAsyncLifetime, IDisposable
{
    private const string App = H3YunEmulatorOptionsApp.Default;
    private readonly TempFolder _folder = new();
    private H3Yun.Emulator.H3YunEmulator? _changed;

    public async Task InitializeAsync()
    {
        await using (var before = await Cli.StartEmulatorAsync(Cli.RepositorySchema("SalesOrder.h3form.json"), Cli.RepositorySchema("Customer.h3form.json")))
        {
            var pull = await Cli.RunAsync(_folder.Path, Cli.EnvironmentFor(before), "schema", "pull", "--app", App);
            Assert.True(pull.ExitCode == 0, pull.All);
        }

        var local = _folder.File("schemas/D000024Customer.h3form.json");
        File.WriteAllText(local, "// my notes\n" + File.ReadAllText(local));
        var customer = File.ReadAllLines(Cli.RepositorySchema("Customer.h3form.json"))
            .Where(static line => !line.Contains("F0000004", StringComparison.Ordinal))
            .Select(static line => line.Contains("F0000002", StringComparison.Ordinal) ? line.Replace("\"DataType\": 14", "\"DataType\": \"Bool\"", StringComparison.Ordinal) : line)
            .Select(static line => line.Replace("\"级别\"", "\"等级\"", StringComparison.Ordinal))
            .Select(static line => line.Contains("F0000005", StringComparison.Ordinal) ? line + ",\n    { \"Name\": \"F0000077\", \"DisplayName\": \"新字段\", \"DataType\": \"Bool\" }" : line);
        var changed = _folder.Write("h3yun/Customer.h3form.json", string.Join('\n', customer));
        _changed = await Cli.StartEmulatorAsync(changed, Cli.RepositorySchema("AllTypes.h3form.json"));
    }

    public async Task DisposeAsync()
    {
        if (_changed is not null)
        {
            await _changed.DisposeAsync();
        }
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Diff_prints_each_difference_in_a_row_with_both_sides()
    {
        var diff = await Cli.RunAsync(_folder.Path, Cli.EnvironmentFor(_changed!), "schema", "diff", "--app", App);

        Assert.True(diff.ExitCode == 1, diff.All);
        var table = TextTable.Render(
            ["Form", "Field", "Name", "Change", "Local", "H3Yun"],
            [
                ["D000024AllTypes", "(form)", "全部控件", "added in H3Yun", "", "form"],
                ["D000024Customer", "F0000002", "联系电话", "DataType", "ShortString", "Bool"],
                ["D000024Customer", "F0000003", "等级", "DisplayName", "级别", "等级"],
                ["D000024Customer", "F0000077", "新字段", "added in H3Yun", "", "Bool"],
                ["D000024Customer", "F0000004", "信用额度", "removed in H3Yun", "Double", ""],
                ["D000024SalesOrder", "(form)", "", "removed in H3Yun", "form", ""],
            ]);
        Assert.Equal(table + $"6 difference(s) in 3 form(s); 'h3yun schema pull --app {App}' brings the files up to date.\n", diff.Output);
        Assert.Contains($"Asking H3Yun for every form of app {App} (one request)...", diff.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_prints_each_file_with_its_changes_and_the_forms_it_left_alone()
    {
        var pull = await Cli.RunAsync(_folder.Path, Cli.EnvironmentFor(_changed!), "schema", "pull", "--app", App);

        Assert.True(pull.ExitCode == 0, pull.All);
        Assert.Equal(
            [
                "D000024AllTypes 全部控件 -> schemas/D000024AllTypes.h3form.json (new file)",
                "D000024Customer 客户 -> schemas/D000024Customer.h3form.json (updated): 1 added, 1 removed, 2 changed",
                "    ~ F0000002 联系电话: DataType ShortString -> Bool",
                "    ~ F0000003 等级: DisplayName 级别 -> 等级",
                "    + F0000077 新字段 (Bool)",
                "    - F0000004 信用额度 (Double)",
                "    note: the comments in schemas/D000024Customer.h3form.json could not be kept when it was rewritten.",
                $"D000024SalesOrder (schemas/D000024SalesOrder.h3form.json): not among app {App}'s forms in H3Yun's answer; left as it is.",
                "Pulled 2 form(s) into schemas: 1 new, 1 updated, 0 unchanged; 1 field(s) added, 1 removed, 2 changed.",
            ],
            pull.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(_folder.File("schemas/D000024Customer.h3form.json.h3yun-pull.tmp")));
        Assert.NotEqual(0xEF, File.ReadAllBytes(_folder.File("schemas/D000024AllTypes.h3form.json"))[0]); // no BOM
    }

    [Fact]
    public async Task A_file_of_the_new_forms_name_that_declares_another_form_stops_the_pull_before_any_write()
    {
        var customer = File.ReadAllText(_folder.File("schemas/D000024Customer.h3form.json"));
        _folder.Write("schemas/D000024AllTypes.h3form.json", customer.Replace("D000024Customer", "D000024Other", StringComparison.Ordinal));

        var pull = await Cli.RunAsync(_folder.Path, Cli.EnvironmentFor(_changed!), "schema", "pull", "--app", App);

        Assert.Equal(ExitCodes.Error, pull.ExitCode);
        Assert.Contains("h3yun: schemas/D000024AllTypes.h3form.json exists but does not declare form D000024AllTypes; rename it, then pull again.", pull.Error, StringComparison.Ordinal);
        Assert.Equal(customer, File.ReadAllText(_folder.File("schemas/D000024Customer.h3form.json")));
    }

    [Fact]
    public async Task A_file_that_cannot_be_written_is_named_and_no_temporary_file_is_left()
    {
        Directory.CreateDirectory(_folder.File("schemas/D000024AllTypes.h3form.json"));

        var pull = await Cli.RunAsync(_folder.Path, Cli.EnvironmentFor(_changed!), "schema", "pull", "--app", App, "--form", "D000024AllTypes");

        Assert.Equal(ExitCodes.Error, pull.ExitCode);
        Assert.Contains("h3yun: Could not write schemas/D000024AllTypes.h3form.json: ", pull.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("schemas/D000024AllTypes.h3form.json.h3yun-pull.tmp")));
    }

    [Fact]
    public async Task Named_forms_at_one_request_a_second_state_the_time_only_for_more_than_two()
    {
        // An engine of its own: a process has one rate budget per engine, and other tests use 2 requests/s.
        var options = new H3Yun.Emulator.H3YunEmulatorOptions { EngineCode = "drift-" + Guid.NewGuid().ToString("N") };
        options.SchemaFiles.Add(Cli.RepositorySchema("Customer.h3form.json"));
        options.SchemaFiles.Add(Cli.RepositorySchema("AllTypes.h3form.json"));
        options.CustomApis.AddSchemaExport();
        await using var emulator = await H3Yun.Emulator.H3YunEmulator.StartAsync(options);

        var pull = await Cli.RunAsync(_folder.Path, Cli.EnvironmentFor(emulator), "schema", "pull", "--app", App, "--form", "D000024AllTypes", "--form", "D000024Customer", "--requests-per-second", "1");

        Assert.True(pull.ExitCode == 0, pull.All);
        Assert.DoesNotContain("Asking H3Yun for", pull.Error, StringComparison.Ordinal);
        Assert.Contains("[2/2] D000024Customer 客户", pull.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_of_named_forms_leaves_the_others_unmentioned()
    {
        var pull = await Cli.RunAsync(_folder.Path, Cli.EnvironmentFor(_changed!), "schema", "pull", "--app", App, "--form", "D000024AllTypes", "--form", " ");

        Assert.True(pull.ExitCode == 0, pull.All);
        Assert.Equal(
            [
                "D000024AllTypes 全部控件 -> schemas/D000024AllTypes.h3form.json (new file)",
                "Pulled 1 form(s) into schemas: 1 new, 0 updated, 0 unchanged; 0 field(s) added, 0 removed, 0 changed.",
            ],
            pull.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("[1/1] D000024AllTypes 全部控件", pull.Error.Split('\n').Single(static line => line.StartsWith('[')));
    }
}
