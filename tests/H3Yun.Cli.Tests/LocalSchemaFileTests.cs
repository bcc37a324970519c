namespace H3Yun.Cli.Tests;

/// <summary>
/// How <c>pull</c> and <c>diff</c> find and read the schema files they merge into: as liberally as the generator, and
/// stopping before any request at a file whose form they cannot tell, or two files of one form.
/// </summary>
public class LocalSchemaFileTests
{
    private static readonly Dictionary<string, string?> NoCredentials = [];

    [Theory]
    [InlineData("{", "h3yun: schemas/a.h3form.json is not valid JSON (")]
    [InlineData("{}", "h3yun: schemas/a.h3form.json has no SchemaCode; fix it first ('h3yun schema check' shows where), since h3yun cannot tell which form it is.")]
    [InlineData("""{ "SchemaCode": "  " }""", "h3yun: schemas/a.h3form.json has no SchemaCode;")]
    [InlineData("[]", "h3yun: schemas/a.h3form.json has no SchemaCode;")]
    public async Task A_file_whose_form_cannot_be_told_stops_pull_and_diff_before_any_request(string text, string expected)
    {
        using var folder = new TempFolder();
        folder.Write("schemas/a.h3form.json", text);

        var pull = await Cli.RunAsync(folder.Path, NoCredentials, "schema", "pull", "--app", "A");
        var diff = await Cli.RunAsync(folder.Path, NoCredentials, "schema", "diff", "--app", "A");

        Assert.All([pull, diff], run =>
        {
            Assert.Equal(ExitCodes.Error, run.ExitCode);
            Assert.Contains(expected, run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("engine code", run.Error, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task Two_files_of_one_form_stop_pull_and_name_both()
    {
        using var folder = new TempFolder();
        var customer = File.ReadAllText(Cli.RepositorySchema("Customer.h3form.json"));
        folder.Write("schemas/b.h3form.json", customer);
        folder.Write("schemas/a.h3form.json", customer);

        var pull = await Cli.RunAsync(folder.Path, NoCredentials, "schema", "pull", "--app", "A");

        Assert.Equal(ExitCodes.Error, pull.ExitCode);
        Assert.Contains("h3yun: schemas/b.h3form.json and schemas/a.h3form.json both declare form D000024Customer (H3Y0008); keep one file per form first.", pull.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_under_bin_or_obj_are_not_schema_files_and_comments_and_trailing_commas_are_read()
    {
        await using var emulator = await Cli.StartEmulatorAsync(Cli.RepositorySchema("Customer.h3form.json"));
        using var folder = new TempFolder();
        var customer = File.ReadAllText(Cli.RepositorySchema("Customer.h3form.json"));
        folder.Write("schemas/Customer.h3form.json", "// mine\n" + customer.Replace("\n  ]\n}", ",\n  ],\n}", StringComparison.Ordinal));
        folder.Write("schemas/bin/Debug/Customer.h3form.json", "{ not JSON");
        folder.Write("schemas/obj/Customer.h3form.json", customer);

        var diff = await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(emulator), "schema", "diff", "--app", H3YunEmulatorOptionsApp.Default);

        Assert.True(diff.ExitCode == 0, diff.All);
        Assert.Contains("No drift: 1 form(s)", diff.Output, StringComparison.Ordinal);
    }
}
