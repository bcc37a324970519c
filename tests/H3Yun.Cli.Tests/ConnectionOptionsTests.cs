using System.CommandLine;
using System.Text.Json.Nodes;
using H3Yun.Cli.Connection;

namespace H3Yun.Cli.Tests;

/// <summary>
/// Where the commands that call H3Yun find their connection, first found first: a flag, the environment, the project's
/// user secrets; and the message for each value that is missing or wrong, naming where to set it.
/// </summary>
public sealed class ConnectionOptionsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<string> _secretFolders = [];

    [Fact]
    public void A_flag_comes_before_the_environment_and_the_environment_before_the_user_secrets()
    {
        WriteProject("Orders.csproj", Secrets(code: "from-secrets", secret: "secret-from-secrets", address: "http://secrets.test/"));
        var environment = new Dictionary<string, string?>
        {
            [H3YunClientOptions.EngineCodeVariable] = "from-environment",
            [H3YunClientOptions.EngineSecretVariable] = "secret-from-environment",
            [H3YunClientOptions.BaseAddressVariable] = "http://environment.test/",
        };

        var flags = Resolve(environment, "--engine-code", "from-flag", "--base-address", "http://flag.test/");
        var variables = Resolve(environment);
        var secrets = Resolve([]);

        Assert.Equal(("from-flag", "secret-from-environment", "http://flag.test/"), (flags.EngineCode, flags.EngineSecret, flags.BaseAddress.ToString()));
        Assert.Equal(("from-environment", "secret-from-environment", "http://environment.test/"), (variables.EngineCode, variables.EngineSecret, variables.BaseAddress.ToString()));
        Assert.Equal(("from-secrets", "secret-from-secrets", "http://secrets.test/"), (secrets.EngineCode, secrets.EngineSecret, secrets.BaseAddress.ToString()));
    }

    [Fact]
    public void Values_are_trimmed_the_address_defaults_to_H3Yun_and_the_rate_to_two()
    {
        var options = Resolve(new() { [H3YunClientOptions.EngineCodeVariable] = "  code \t", [H3YunClientOptions.EngineSecretVariable] = " secret " });
        var spaced = Resolve(Credentials(), "--base-address", "  http://localhost:5080  ", "--requests-per-second", "0.5");
        var secure = Resolve(Credentials(), "--base-address", "https://h3yun.example/");

        Assert.Equal(("code", "secret", H3YunClientOptions.DefaultBaseAddress, 2.0), (options.EngineCode, options.EngineSecret, options.BaseAddress, options.RequestsPerSecond));
        Assert.Equal(("http://localhost:5080/", 0.5), (spaced.BaseAddress.ToString(), spaced.RequestsPerSecond));
        Assert.Equal("https://h3yun.example/", secure.BaseAddress.ToString());
    }

    [Fact]
    public void An_empty_user_secret_counts_as_missing()
    {
        WriteProject("Orders.csproj", Secrets(code: "", secret: "s", address: ""));

        var problem = Fails([]);

        Assert.Equal("No EngineCode: pass --engine-code, set H3YUN_ENGINE_CODE, or run 'dotnet user-secrets set H3Yun:EngineCode <code>' in your project (user secrets of Orders.csproj were read).", problem);
    }

    public static TheoryData<string, string[], string> Problems => new()
    {
        { "a blank EngineCode", ["--engine-code", "  "], "No EngineCode: pass --engine-code, set H3YUN_ENGINE_CODE, or run 'dotnet user-secrets set H3Yun:EngineCode <code>' in your project." },
        { "no EngineSecret", ["--engine-code", "code"], "No EngineSecret: set H3YUN_ENGINE_SECRET, or run 'dotnet user-secrets set H3Yun:EngineSecret <secret>' in your project." },
        { "a rate of 0", ["--requests-per-second", "0"], "--requests-per-second must be more than 0, not 0." },
        { "a negative rate", ["--requests-per-second", "-1.5"], "--requests-per-second must be more than 0, not -1.5." },
        { "a rate that is not a number", ["--requests-per-second", "NaN"], "--requests-per-second must be more than 0, not NaN." },
        { "an address without a scheme", ["--base-address", "www.h3yun.com"], "The H3Yun address 'www.h3yun.com' is not an absolute http(s) address such as https://www.h3yun.com." },
        { "an address of another scheme", ["--base-address", "ftp://www.h3yun.com"], "The H3Yun address 'ftp://www.h3yun.com' is not an absolute http(s) address such as https://www.h3yun.com." },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void A_missing_or_wrong_value_is_one_message_that_says_where_to_set_it(string what, string[] args, string expected)
    {
        var environment = args.Contains("--engine-code") ? [] : Credentials();

        Assert.True(expected == Fails(environment, args), what);
    }

    [Fact]
    public void Project_names_a_file_or_a_folder_of_one_project_and_says_what_is_wrong_with_it()
    {
        var orders = WriteProject("orders/Orders.csproj", Secrets(code: "orders-code", secret: "orders-secret", address: null));
        _folder.Write("two/A.csproj", "<Project />");
        _folder.Write("two/B.csproj", "<Project />");
        _folder.Write("plain/Plain.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><UserSecretsId> </UserSecretsId></PropertyGroup></Project>");
        _folder.Write("broken/Broken.csproj", "<Project");
        Directory.CreateDirectory(_folder.File("empty"));

        Assert.Equal("orders-code", Resolve([], "--project", "orders").EngineCode);
        Assert.Equal("orders-code", Resolve([], "--project", orders).EngineCode);
        Assert.Equal($"--project: the folder {_folder.File("two")} holds no single .csproj.", Fails([], "--project", "two"));
        Assert.Equal($"--project: the folder {_folder.File("empty")} holds no single .csproj.", Fails([], "--project", "empty"));
        Assert.Equal($"--project: no such project {_folder.File("none/None.csproj")}.", Fails([], "--project", "none/None.csproj"));
        Assert.Equal($"--project: {_folder.File("plain/Plain.csproj")} has no UserSecretsId; run 'dotnet user-secrets init' in it first.", Fails([], "--project", "plain"));
        Assert.StartsWith($"Could not read the project {_folder.File("broken/Broken.csproj")} for its UserSecretsId: ", Fails([], "--project", "broken"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_in_the_current_folder_without_user_secrets_is_passed_over()
    {
        _folder.Write("Plain.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");

        Assert.Equal("code", Resolve(Credentials()).EngineCode);
        Assert.Equal("No EngineSecret: set H3YUN_ENGINE_SECRET, or run 'dotnet user-secrets set H3Yun:EngineSecret <secret>' in your project.", Fails(new() { [H3YunClientOptions.EngineCodeVariable] = "code" }));
    }

    [Fact]
    public void App_is_added_only_to_the_commands_that_call_an_apps_custom_API()
    {
        var connection = new ConnectionOptions();
        var withApp = new Command("pull");
        var withoutApp = new Command("sync");

        connection.AddTo(withApp);
        connection.AddTo(withoutApp, withApp: false);

        Assert.Equal(["--app", "--engine-code", "--base-address", "--project", "--requests-per-second"], withApp.Options.Select(option => option.Name));
        Assert.Equal(["--engine-code", "--base-address", "--project", "--requests-per-second"], withoutApp.Options.Select(option => option.Name));
    }

    public void Dispose()
    {
        _folder.Dispose();
        foreach (var folder in _secretFolders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Dictionary<string, string?> Credentials() => new()
    {
        [H3YunClientOptions.EngineCodeVariable] = "code",
        [H3YunClientOptions.EngineSecretVariable] = "secret",
    };

    private static JsonObject Secrets(string code, string secret, string? address) => new()
    {
        ["H3Yun:EngineCode"] = code,
        ["H3Yun:EngineSecret"] = secret,
        ["H3Yun:BaseAddress"] = address,
    };

    /// <summary>A project at <paramref name="relative"/> whose user secrets hold <paramref name="secrets"/>.</summary>
    private string WriteProject(string relative, JsonObject secrets)
    {
        var id = "h3yun-cli-tests-" + Guid.NewGuid().ToString("N");
        var project = _folder.Write(relative, $"<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><UserSecretsId>{id}</UserSecretsId></PropertyGroup></Project>");
        var file = Microsoft.Extensions.Configuration.UserSecrets.PathHelper.GetSecretsPathFromSecretsId(id);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        _secretFolders.Add(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, secrets.ToJsonString());
        return project;
    }

    private H3YunClientOptions Resolve(Dictionary<string, string?> environment, params string[] args)
    {
        var connection = new ConnectionOptions();
        var command = new Command("pull");
        connection.AddTo(command, withApp: false);
        var console = new CliConsole(TextWriter.Null, TextWriter.Null, name => environment.GetValueOrDefault(name), _folder.Path);
        return connection.Resolve(command.Parse(args), console);
    }

    private string Fails(Dictionary<string, string?> environment, params string[] args) =>
        Assert.Throws<CliException>(() => Resolve(environment, args)).Message;
}
