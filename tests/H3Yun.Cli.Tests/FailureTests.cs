using System.Text.Json.Nodes;
using H3Yun.Emulator;

namespace H3Yun.Cli.Tests;

/// <summary>
/// Each way a pull or diff can fail ends in a message that says what to do, exit code 2, no stack trace, no
/// secret, and no file written.
/// </summary>
public class FailureTests
{
    private const string App = H3YunEmulatorOptionsApp.Default;

    public static TheoryData<string> Commands => new() { "pull", "diff" };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_wrong_credential_names_the_credentials(string command)
    {
        await using var emulator = await Cli.StartEmulatorAsync(Cli.RepositorySchema("Customer.h3form.json"));
        using var folder = new TempFolder();
        var environment = Cli.EnvironmentFor(emulator);
        environment[H3YunClientOptions.EngineSecretVariable] = "not-the-secret-0123";

        var run = await Cli.RunAsync(folder.Path, environment, "schema", command, "--app", App);

        AssertFailed(run, folder, "EngineCode/EngineSecret", "Check the credentials");
        Assert.DoesNotContain("not-the-secret-0123", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.EngineSecret, run.All, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task An_unknown_AppCode_names_the_app(string command)
    {
        await using var emulator = await Cli.StartEmulatorAsync(Cli.RepositorySchema("Customer.h3form.json"));
        using var folder = new TempFolder();

        var run = await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(emulator), "schema", command, "--app", "D000024NoSuchApp");

        AssertFailed(run, folder, "应用不存在: D000024NoSuchApp", "Check --app");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_form_that_does_not_exist_is_named(string command)
    {
        await using var emulator = await Cli.StartEmulatorAsync(Cli.RepositorySchema("Customer.h3form.json"));
        using var folder = new TempFolder();

        var run = await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(emulator), "schema", command, "--app", App, "--form", "D000024Customer", "--form", "D000024Nope");

        AssertFailed(run, folder, "(form D000024Nope): 根据 SchemaCode 获取 BizObjectSchema 失败: D000024Nope", "A form code is wrong");
    }

    [Fact]
    public async Task An_app_without_the_export_class_is_told_to_paste_it()
    {
        var options = new H3YunEmulatorOptions();
        options.SchemaFiles.Add(Cli.RepositorySchema("Customer.h3form.json"));
        options.CustomApis.Add("SomethingElseController", "Other", (_, _, _) => ValueTask.CompletedTask);
        await using var emulator = await H3YunEmulator.StartAsync(options);
        using var folder = new TempFolder();

        var run = await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(emulator), "schema", "pull", "--app", App);

        AssertFailed(run, folder, "自定义接口控制器不存在: H3YunSchemaExportController", "paste the class 'h3yun schema export-code' prints");
    }

    public static TheoryData<string, string, string> MalformedAnswers => new()
    {
        { "no Schemas", """{"Other":"x"}""", "ReturnData has no Schemas member" },
        { "Schemas not JSON", """{"Schemas":"[{\"SchemaCode\":"}""", "Schemas is not JSON" },
        { "Schemas an object", """{"Schemas":"{}"}""", "Schemas is not a JSON array of forms" },
        { "a form without a SchemaCode", """{"Schemas":"[{\"Properties\":[]}]"}""", "Schemas[0] has no SchemaCode" },
        { "a field without a DataType", """{"Schemas":"[{\"SchemaCode\":\"D1\",\"Properties\":[{\"Name\":\"F1\"}]}]"}""", "Schemas[0].Properties[0] of D1 (F1) has no DataType number" },
        { "a child table without its schema", """{"Schemas":"[{\"SchemaCode\":\"D1\",\"Properties\":[{\"Name\":\"D1Flines\",\"DataType\":41}]}]"}""", "is a child table (DataType 41) without a ChildSchema" },
    };

    [Theory]
    [MemberData(nameof(MalformedAnswers))]
    public async Task A_malformed_answer_says_what_is_wrong_and_writes_nothing(string name, string returnData, string expected)
    {
        _ = name;
        var options = new H3YunEmulatorOptions();
        options.CustomApis.Add("H3YunSchemaExportController", "ExportSchemas", (_, response, _) =>
        {
            foreach (var (key, value) in JsonNode.Parse(returnData)!.AsObject())
            {
                response.ReturnData[key] = value?.DeepClone();
            }

            return ValueTask.CompletedTask;
        });
        await using var emulator = await H3YunEmulator.StartAsync(options);
        using var folder = new TempFolder();

        var run = await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(emulator), "schema", "pull", "--app", App);

        AssertFailed(run, folder, expected, "paste it again. Nothing was written.");
    }

    [Theory]
    [InlineData("""[{"SchemaCode":"D1","Properties":[]}]""", "(it holds D1)")]
    [InlineData("[]", "(it holds none)")]
    public async Task An_answer_without_the_form_asked_for_names_the_forms_it_holds(string schemas, string holds)
    {
        var options = new H3YunEmulatorOptions();
        options.CustomApis.Add("H3YunSchemaExportController", "ExportSchemas", (_, response, _) =>
        {
            response.ReturnData["Schemas"] = schemas;
            return ValueTask.CompletedTask;
        });
        await using var emulator = await H3YunEmulator.StartAsync(options);
        using var folder = new TempFolder();

        var run = await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(emulator), "schema", "pull", "--app", App, "--form", "D2");

        AssertFailed(run, folder, $"H3Yun's answer to H3YunSchemaExportController.ExportSchemas in app {App} (form D2) does not hold that form {holds}.", "paste it again. Nothing was written.");
    }

    [Fact]
    public async Task A_pulled_file_with_build_errors_is_written_under_a_name_a_file_can_hold_and_the_pull_fails()
    {
        var options = new H3YunEmulatorOptions();
        options.CustomApis.Add("H3YunSchemaExportController", "ExportSchemas", (_, response, _) =>
        {
            response.ReturnData["Schemas"] = """[{"SchemaCode":"D1/x:y","Properties":[{"Name":"F1","DataType":14},{"Name":"F1","DataType":14}]}]""";
            return ValueTask.CompletedTask;
        });
        await using var emulator = await H3YunEmulator.StartAsync(options);
        using var folder = new TempFolder();

        var run = await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(emulator), "schema", "pull", "--app", App);

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.True(File.Exists(folder.File("schemas/D1_x_y.h3form.json")), run.All);
        Assert.Contains("schemas/D1_x_y.h3form.json(", run.Error, StringComparison.Ordinal);
        Assert.Contains("h3yun: The pulled files have errors (above) that would fail a build; fix them in the files, or report the form's export.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_credentials_name_every_place_they_may_come_from()
    {
        using var folder = new TempFolder();

        var run = await Cli.RunAsync(folder.Path, new Dictionary<string, string?>(), "schema", "pull", "--app", App);

        AssertFailed(run, folder, "No EngineCode: pass --engine-code, set H3YUN_ENGINE_CODE, or run 'dotnet user-secrets set H3Yun:EngineCode <code>'", "");
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error()
    {
        using var folder = new TempFolder();

        var run = await Cli.RunAsync(folder.Path, new Dictionary<string, string?>(), "schema", "pull", "--app", App, "--engine-secret", "x");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("h3yun --help", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_credentials_may_come_from_the_projects_user_secrets()
    {
        await using var emulator = await Cli.StartEmulatorAsync(Cli.RepositorySchema("Customer.h3form.json"));
        using var folder = new TempFolder();
        var id = "h3yun-cli-tests-" + Guid.NewGuid().ToString("N");
        folder.Write("Orders.csproj", $"<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><UserSecretsId>{id}</UserSecretsId></PropertyGroup></Project>");
        var secrets = Microsoft.Extensions.Configuration.UserSecrets.PathHelper.GetSecretsPathFromSecretsId(id);
        Directory.CreateDirectory(Path.GetDirectoryName(secrets)!);
        File.WriteAllText(secrets, new JsonObject
        {
            ["H3Yun:EngineCode"] = emulator.EngineCode,
            ["H3Yun:EngineSecret"] = emulator.EngineSecret,
            ["H3Yun:BaseAddress"] = emulator.BaseAddress.ToString(),
        }.ToJsonString());
        try
        {
            var run = await Cli.RunAsync(folder.Path, new Dictionary<string, string?>(), "schema", "pull", "--app", App);

            Assert.True(run.ExitCode == 0, run.All);
            Assert.True(File.Exists(folder.File("schemas/D000024Customer.h3form.json")));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(secrets)!, recursive: true);
        }
    }

    private static void AssertFailed(CliRun run, TempFolder folder, string expected, string hint)
    {
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}\n{run.All}");
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Contains(hint, run.Error, StringComparison.Ordinal);
        run.AssertNoStackTrace();
        Assert.DoesNotContain("unexpected error", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("schemas")) && Directory.EnumerateFileSystemEntries(folder.File("schemas")).Any(), "nothing may be written");
    }
}
