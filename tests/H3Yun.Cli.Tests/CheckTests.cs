namespace H3Yun.Cli.Tests;

/// <summary><c>h3yun schema check</c> reports the build's diagnostics, at the same places, without building.</summary>
public class CheckTests
{
    [Fact]
    public async Task Broken_files_are_reported_with_file_line_column_and_the_generators_ids()
    {
        using var folder = new TempFolder();
        folder.Write("schemas/NoCode.h3form.json", "{\n  \"Properties\": []\n}\n");
        folder.Write("schemas/Order.h3form.json", "{\n  \"SchemaCode\": \"D1\",\n  \"Properties\": [\n    { \"Name\": \"F1\" },\n    { \"Name\": \"F2\", \"DataType\": \"Colour\" }\n  ]\n}\n");
        folder.Write("schemas/Again.h3form.json", "{ \"SchemaCode\": \"D1\", \"Properties\": [] }");
        folder.Write("schemas/bin/Ignored.h3form.json", "not json");

        var check = await Cli.RunAsync(folder.Path, new Dictionary<string, string?>(), "schema", "check");

        Assert.Equal(1, check.ExitCode);
        var lines = check.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, line => line.StartsWith(Path.Combine("schemas", "NoCode.h3form.json") + "(1,1): error H3Y0002: ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith(Path.Combine("schemas", "Order.h3form.json") + "(4,15): error H3Y0005: ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith(Path.Combine("schemas", "Order.h3form.json") + "(5,33): error H3Y0006: ", StringComparison.Ordinal) && line.Contains("Colour", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("error H3Y0008: ", StringComparison.Ordinal));
        Assert.Equal("3 schema file(s) checked: 4 error(s), 0 warning(s).", lines[^1]);
    }

    [Fact]
    public async Task A_misspelt_data_type_fails_the_check_and_suggests_the_name()
    {
        using var folder = new TempFolder();
        folder.Write("schemas/SalesOrder.h3form.json", "{\n  \"SchemaCode\": \"D1\",\n  \"Properties\": [ { \"Name\": \"F1\", \"DataType\": \"Doubel\" } ]\n}\n");

        var check = await Cli.RunAsync(folder.Path, new Dictionary<string, string?>(), "schema", "check");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("error H3Y0006: ", check.Output, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'Double'?", check.Output, StringComparison.Ordinal);
        Assert.EndsWith("1 schema file(s) checked: 1 error(s), 0 warning(s).", check.Output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_repositorys_schemas_check_clean()
    {
        using var folder = new TempFolder();

        var check = await Cli.RunAsync(folder.Path, new Dictionary<string, string?>(), "schema", "check", Path.Combine(AppContext.BaseDirectory, "Schemas"));

        Assert.True(check.ExitCode == 0, check.All);
        Assert.Equal("3 schema file(s) checked: 0 error(s), 0 warning(s).", check.Output.Trim());
    }

    [Fact]
    public async Task No_schema_file_is_an_error_not_a_clean_check()
    {
        using var folder = new TempFolder();

        var check = await Cli.RunAsync(folder.Path, new Dictionary<string, string?>(), "schema", "check");

        Assert.Equal(2, check.ExitCode);
        Assert.Contains($"h3yun: No *.h3form.json file in {folder.Path}.", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_takes_files_and_folders_and_names_a_path_that_is_neither()
    {
        using var folder = new TempFolder();
        folder.Write("a/Customer.h3form.json", File.ReadAllText(Cli.RepositorySchema("Customer.h3form.json")));
        var order = folder.Write("b/SalesOrder.h3form.json", File.ReadAllText(Cli.RepositorySchema("SalesOrder.h3form.json")));
        Directory.CreateDirectory(folder.File("empty1"));
        Directory.CreateDirectory(folder.File("empty2"));

        var here = await Cli.RunAsync(folder.Path, new Dictionary<string, string?>(), "schema", "check");
        var file = await Cli.RunAsync(folder.Path, new Dictionary<string, string?>(), "schema", "check", order, "a");
        var missing = await Cli.RunAsync(folder.Path, new Dictionary<string, string?>(), "schema", "check", "a", "nowhere");
        var empty = await Cli.RunAsync(folder.Path, new Dictionary<string, string?>(), "schema", "check", "empty1", "empty2");

        Assert.Contains("2 schema file(s) checked: 0 error(s), 0 warning(s).", here.Output, StringComparison.Ordinal);
        Assert.Contains("2 schema file(s) checked: 0 error(s), 0 warning(s).", file.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Error, missing.ExitCode);
        Assert.Contains($"h3yun: No such file or folder: nowhere (looked for {folder.File("nowhere")}).", missing.Error, StringComparison.Ordinal);
        Assert.Contains("h3yun: No *.h3form.json file in empty1, empty2.", empty.Error, StringComparison.Ordinal);
    }
}
