using System.CommandLine;
using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.Configuration;

namespace H3Yun.Cli.Connection;

/// <summary>
/// The options of the commands that call H3Yun, and where the credentials come from, first found first: the
/// EngineCode from <c>--engine-code</c>, <c>H3YUN_ENGINE_CODE</c> or the project's user secret <c>H3Yun:EngineCode</c>;
/// the EngineSecret from <c>H3YUN_ENGINE_SECRET</c> or the user secret <c>H3Yun:EngineSecret</c> (never from a flag,
/// which would leave it in the shell's history); the address from <c>--base-address</c>, <c>H3YUN_BASE_ADDRESS</c>,
/// the user secret <c>H3Yun:BaseAddress</c>, else https://www.h3yun.com. The user-secret keys are the ones
/// <c>services.AddH3Yun(configuration.GetSection("H3Yun"))</c> reads, so an app and the CLI share them.
/// </summary>
internal sealed class ConnectionOptions
{
    private const string SecretsSection = "H3Yun";

    public Option<string> App { get; } = new("--app")
    {
        Description = "The AppCode of the app whose backend holds the export class (the appcode= of the form designer's address).",
        Required = true,
    };

    public Option<string?> EngineCode { get; } = new("--engine-code")
    {
        Description = "The EngineCode (头像 → 系统管理 → 系统集成). Default: H3YUN_ENGINE_CODE, else the user secret H3Yun:EngineCode. The secret is read from H3YUN_ENGINE_SECRET or the user secret H3Yun:EngineSecret, never from a flag.",
    };

    public Option<string?> BaseAddress { get; } = new("--base-address")
    {
        Description = "H3Yun's address. Default: H3YUN_BASE_ADDRESS, else the user secret H3Yun:BaseAddress, else https://www.h3yun.com.",
    };

    public Option<string?> Project { get; } = new("--project")
    {
        Description = "The project (.csproj, or its folder) whose user secrets (dotnet user-secrets) hold H3Yun:EngineCode, H3Yun:EngineSecret, H3Yun:BaseAddress. Default: the one project in the current folder, if there is one.",
    };

    public Option<double> RequestsPerSecond { get; } = new("--requests-per-second")
    {
        Description = "At most this many requests per second (H3Yun documents 1-2).",
        DefaultValueFactory = _ => 2,
    };

    /// <summary>Adds the options to a command; <c>--app</c> only to the commands that call an app's custom API.</summary>
    public void AddTo(Command command, bool withApp = true)
    {
        foreach (var option in new Option[] { App, EngineCode, BaseAddress, Project, RequestsPerSecond })
        {
            if (withApp || option != App)
            {
                command.Options.Add(option);
            }
        }
    }

    /// <summary>The client's options, or a message naming each place a missing value may be set.</summary>
    public H3YunClientOptions Resolve(ParseResult parse, CliConsole console)
    {
        var secrets = UserSecrets(parse.GetValue(Project), console);
        var code = parse.GetValue(EngineCode) ?? console.Environment(H3YunClientOptions.EngineCodeVariable) ?? secrets?["EngineCode"];
        var secret = console.Environment(H3YunClientOptions.EngineSecretVariable) ?? secrets?["EngineSecret"];
        var address = parse.GetValue(BaseAddress) ?? console.Environment(H3YunClientOptions.BaseAddressVariable) ?? secrets?["BaseAddress"];
        var where = secrets is null ? "" : $" (user secrets of {secrets.Project} were read)";
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new CliException($"No EngineCode: pass --engine-code, set {H3YunClientOptions.EngineCodeVariable}, or run 'dotnet user-secrets set {SecretsSection}:EngineCode <code>' in your project{where}.");
        }

        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new CliException($"No EngineSecret: set {H3YunClientOptions.EngineSecretVariable}, or run 'dotnet user-secrets set {SecretsSection}:EngineSecret <secret>' in your project{where}.");
        }

        var rate = parse.GetValue(RequestsPerSecond);
        if (!(rate > 0))
        {
            throw new CliException($"--requests-per-second must be more than 0, not {rate.ToString(CultureInfo.InvariantCulture)}.");
        }

        var options = new H3YunClientOptions { EngineCode = code.Trim(), EngineSecret = secret.Trim(), RequestsPerSecond = rate };
        if (!string.IsNullOrWhiteSpace(address))
        {
            options.BaseAddress = Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
                ? uri
                : throw new CliException($"The H3Yun address '{address}' is not an absolute http(s) address such as https://www.h3yun.com.");
        }

        return options;
    }

    /// <summary>The section H3Yun of the project's user secrets, or null when there is no project or no UserSecretsId.</summary>
    private static SecretValues? UserSecrets(string? project, CliConsole console)
    {
        string? file;
        if (project is not null)
        {
            var full = console.FullPath(project);
            file = Directory.Exists(full) ? SingleProject(full) ?? throw new CliException($"--project: the folder {full} holds no single .csproj.") : full;
            if (!File.Exists(file))
            {
                throw new CliException($"--project: no such project {full}.");
            }
        }
        else
        {
            file = SingleProject(console.CurrentDirectory);
        }

        if (file is null)
        {
            return null;
        }

        string? id;
        try
        {
            id = XDocument.Load(file).Descendants().FirstOrDefault(element => element.Name.LocalName == "UserSecretsId")?.Value.Trim();
        }
        catch (Exception ex) when (ex is System.Xml.XmlException or IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Could not read the project {file} for its UserSecretsId: {ex.Message}", ex);
        }

        if (string.IsNullOrEmpty(id))
        {
            return project is null ? null : throw new CliException($"--project: {file} has no UserSecretsId; run 'dotnet user-secrets init' in it first.");
        }

        var section = new ConfigurationBuilder().AddUserSecrets(id, reloadOnChange: false).Build().GetSection(SecretsSection);
        return new SecretValues(console.Show(file), section);
    }

    private static string? SingleProject(string folder) =>
        Directory.Exists(folder) && Directory.GetFiles(folder, "*.csproj") is [var only] ? only : null;

    private sealed record SecretValues(string Project, IConfigurationSection Section)
    {
        public string? this[string key] => Section[key] is { Length: > 0 } value ? value : null;
    }
}
