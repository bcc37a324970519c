using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests.Standalone;

/// <summary>The command line, run in-process: every flag in --help, the export command, and serving until cancelled.</summary>
public partial class CommandLineTests
{
    private static readonly string[] Flags =
    [
        "--urls", "--schemas", "--data", "--in-memory", "--seed", "--engine-code", "--strict", "--rate-limit",
        "--rate-limit-refusal", "--child-rows", "--missing-record", "--app-code", "--custom-api", "--title-template",
        "--request-log-limit", "--help",
    ];

    [Fact]
    public async Task Help_lists_every_flag_and_the_export_command()
    {
        var (code, output, _) = await RunAsync("--help");

        Assert.Equal(0, code);
        Assert.All(Flags, flag => Assert.Contains(flag, output, StringComparison.Ordinal));
        Assert.Contains("export", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_option_has_its_flag_unless_it_only_makes_sense_from_code()
    {
        // null: code only (a logger; the secret comes from H3YUN_EMULATOR_ENGINE_SECRET so it stays out of shell history).
        var flagOf = new System.Collections.Generic.Dictionary<string, string?>
        {
            ["EngineCode"] = "--engine-code",
            ["EngineSecret"] = null,
            ["SchemaFiles"] = "--schemas",
            ["DataFile"] = "--data",
            ["SeedFiles"] = "--seed",
            ["Port"] = "--urls",
            ["ChildRowUpdates"] = "--child-rows",
            ["MissingRecord"] = "--missing-record",
            ["Strict"] = "--strict",
            ["ListAttachmentsInReads"] = "--no-attachment-lists",
            ["Clock"] = null,
            ["TitleTemplates"] = "--title-template",
            ["RateLimit"] = "--rate-limit",
            ["RateLimitRefusal"] = "--rate-limit-refusal",
            ["RequestLogLimit"] = "--request-log-limit",
            ["AppCodes"] = "--app-code",
            ["CustomApis"] = "--custom-api",
            ["ConfigureLogging"] = null,
            ["LoggerProvider"] = null,
        };
        var (_, help, _) = await RunAsync("--help");

        Assert.Equal(flagOf.Keys.Order(), typeof(H3YunEmulatorOptions).GetProperties().Select(property => property.Name).Order());
        Assert.All(flagOf.Values.OfType<string>(), flag => Assert.Contains(flag, help, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--urls", "http://10.0.0.1:5080", "loopback only")]
    [InlineData("--urls", "https://127.0.0.1:5080", "an http URL")]
    [InlineData("--schemas", "no-such-folder", "no such file or folder 'no-such-folder'")]
    [InlineData("--title-template", "missing-equals", "SCHEMACODE=TEMPLATE")]
    [InlineData("--title-template", "={F0000001}", "got '={F0000001}'")]
    [InlineData("--custom-api", "nope", "Unknown built-in custom API 'nope'")]
    [InlineData("--child-rows", "Sometimes", "Sometimes")]
    public async Task Bad_arguments_exit_2_saying_what_is_wrong(string flag, string value, string expected)
    {
        var (code, _, error) = await RunAsync(flag, value, "--in-memory");

        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_schemas_path_names_the_full_path_tried()
    {
        var (_, _, error) = await RunAsync("--schemas", "no-such-folder", "--in-memory");

        Assert.Contains(Path.GetFullPath("no-such-folder"), error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serving_prints_the_credentials_answers_requests_and_stops_when_cancelled()
    {
        using var folder = new TempFolder();
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        using var stop = new CancellationTokenSource();
        var serving = H3YunEmulatorCommandLine.RunAsync(
            ["--urls", "http://127.0.0.1:0", "--data", folder.File("data.db"), "--custom-api", "schema-export", "--schemas", EmulatorSession.SchemaPath("order.h3form.json"), "--strict"],
            synchronized,
            synchronized,
            stop.Token);
        var banner = await WaitForAsync(output, "Press Ctrl+C");
        var address = ListeningOn().Match(banner).Groups[1].Value;
        var secret = ExportLine("H3YUN_ENGINE_SECRET").Match(banner).Groups[1].Value;

        using var http = new HttpClient { BaseAddress = new Uri(address) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "OpenApi/Invoke")
        {
            Content = new StringContent("""{"ActionName":"ExportSchemas","Controller":"H3YunSchemaExportController","AppCode":"D000024Emulator"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("EngineCode", "emulator-engine");
        request.Headers.Add("EngineSecret", secret);
        using var response = await http.SendAsync(request);
        var envelope = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        await stop.CancelAsync();

        Assert.Equal(0, await serving);
        Assert.True((bool)envelope["Successful"]!, envelope.ToJsonString());
        Assert.Contains(EmulatorSession.OrderForm, (string?)envelope["ReturnData"]!["Schemas"], StringComparison.Ordinal);
        Assert.Contains($"{Environment.NewLine}Data: {folder.File("data.db")}{Environment.NewLine}", banner, StringComparison.Ordinal);
        Assert.Contains("Schemas: 1 form(s)", banner, StringComparison.Ordinal);
        Assert.Contains("Stopping.", output.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(folder.File("data.db")));
    }

    /// <summary>
    /// The credentials come as lines to paste, for a POSIX shell and for PowerShell, with the names the client and
    /// h3yun read (the CLI's tests check them against H3YunClientOptions), and the banner says where the data is.
    /// </summary>
    [Fact]
    public async Task Serving_prints_the_variables_as_lines_to_paste_and_where_the_data_is()
    {
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        using var stop = new CancellationTokenSource();
        var serving = H3YunEmulatorCommandLine.RunAsync(["--urls", "http://127.0.0.1:0", "--in-memory", "--engine-code", "paste-engine"], synchronized, synchronized, stop.Token);
        var banner = await WaitForAsync(output, "Press Ctrl+C");
        await stop.CancelAsync();
        await serving;
        var address = ListeningOn().Match(banner).Groups[1].Value;
        var lines = banner.Split(Environment.NewLine);
        var secret = ExportLine("H3YUN_ENGINE_SECRET").Match(banner).Groups[1].Value;

        Assert.EndsWith("/", address, StringComparison.Ordinal);
        Assert.Contains($"export H3YUN_BASE_ADDRESS={address}", lines);
        Assert.Contains("export H3YUN_ENGINE_CODE=paste-engine", lines);
        Assert.Matches("^[A-Za-z0-9+/=]{20,}$", secret);
        Assert.Contains($"$env:H3YUN_BASE_ADDRESS = \"{address}\"", lines);
        Assert.Contains("$env:H3YUN_ENGINE_CODE = \"paste-engine\"", lines);
        Assert.Contains($"$env:H3YUN_ENGINE_SECRET = \"{secret}\"", lines);
        Assert.Contains("Data: in memory (gone when stopped)", lines);
    }

    [Fact]
    public async Task The_banner_says_where_it_listens_what_it_serves_and_what_to_paste_line_by_line()
    {
        var banner = await BannerAsync("--urls", " ; http://localhost:0 ; http://127.0.0.1:1", "--in-memory", "--app-code", "D000300", "--engine-code", "banner-engine");
        var address = ListeningOn().Match(banner).Groups[1].Value;
        var secret = ExportLine("H3YUN_ENGINE_SECRET").Match(banner).Groups[1].Value;

        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
        Assert.Equal(
            [
                $"H3Yun emulator listening on {address}",
                $"Web page: {address}",
                $"Endpoint: POST {address}OpenApi/Invoke",
                "Schemas: none (schema-less mode: any SchemaCode, values stored as sent)",
                "Apps: D000300",
                "Data: in memory (gone when stopped)",
                string.Empty,
                "Point a client or h3yun at it: paste into a shell (bash, zsh),",
                $"export H3YUN_BASE_ADDRESS={address}",
                "export H3YUN_ENGINE_CODE=banner-engine",
                $"export H3YUN_ENGINE_SECRET={secret}",
                "or into PowerShell:",
                $"$env:H3YUN_BASE_ADDRESS = \"{address}\"",
                "$env:H3YUN_ENGINE_CODE = \"banner-engine\"",
                $"$env:H3YUN_ENGINE_SECRET = \"{secret}\"",
                string.Empty,
                "Press Ctrl+C to stop.",
                "Stopping.",
                string.Empty,
            ],
            banner.Split(Environment.NewLine));
    }

    [Fact]
    public async Task A_schemas_folder_loads_every_schema_file_under_it_and_an_empty_one_is_refused()
    {
        using var folder = new TempFolder();
        var nested = Directory.CreateDirectory(folder.File("forms/sales")).FullName;
        File.Copy(EmulatorSession.SchemaPath("order.h3form.json"), Path.Combine(nested, "order.h3form.json"));
        File.Copy(EmulatorSession.SchemaPath("customer.h3form.json"), folder.File("forms/customer.h3form.json"));
        File.WriteAllText(folder.File("forms/notes.txt"), "not a schema");
        Directory.CreateDirectory(folder.File("empty"));

        var banner = await BannerAsync("--urls", "http://127.0.0.1:0", "--in-memory", "--schemas", folder.File("forms"));
        var (code, _, error) = await RunAsync("--in-memory", "--schemas", folder.File("empty"));

        Assert.Contains(Environment.NewLine + "Schemas: 2 form(s)" + Environment.NewLine, banner, StringComparison.Ordinal);
        Assert.Equal(2, code);
        Assert.Equal($"--schemas: the folder '{Path.GetFullPath(folder.File("empty"))}' holds no *.h3form.json file.", error.Trim());
    }

    [Theory]
    [InlineData("it's", "export H3YUN_ENGINE_CODE='it'\\''s'", "$env:H3YUN_ENGINE_CODE = \"it's\"")]
    [InlineData("a b$c\"d", "export H3YUN_ENGINE_CODE='a b$c\"d'", "$env:H3YUN_ENGINE_CODE = \"a b`$c`\"d\"")]
    public async Task A_value_a_shell_would_split_or_expand_is_quoted_for_it(string engineCode, string posix, string powerShell)
    {
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        using var stop = new CancellationTokenSource();
        var serving = H3YunEmulatorCommandLine.RunAsync(["--urls", "http://127.0.0.1:0", "--in-memory", "--engine-code", engineCode], synchronized, synchronized, stop.Token);
        var lines = (await WaitForAsync(output, "Press Ctrl+C")).Split(Environment.NewLine);
        await stop.CancelAsync();
        await serving;

        Assert.Contains(posix, lines);
        Assert.Contains(powerShell, lines);
    }

    [Fact]
    public async Task Export_writes_a_data_file_as_a_seed_to_a_file_or_to_standard_output()
    {
        using var folder = new TempFolder();
        var options = new H3YunEmulatorOptions { DataFile = folder.File("data.db") };
        string id;
        await using (var api = await EmulatorSession.StartAsync(options))
        {
            id = await api.CreateAsync("FormA", """{"F0000001":"exported"}""");
        }

        var (toFile, fileOutput, _) = await RunAsync("export", "--data", folder.File("data.db"), "--out", folder.File("seed.json"));
        var (toStdout, stdout, _) = await RunAsync("export", "--data", folder.File("data.db"));
        var (missing, _, error) = await RunAsync("export", "--data", folder.File("none.db"));

        Assert.Equal(0, toFile);
        Assert.Contains("Exported", fileOutput, StringComparison.Ordinal);
        Assert.Equal(id, (string?)JsonNode.Parse(File.ReadAllText(folder.File("seed.json")))!["Records"]!["FormA"]![0]!["ObjectId"]);
        Assert.Equal(0, toStdout);
        Assert.Equal("exported", (string?)JsonNode.Parse(stdout)!["Records"]!["FormA"]![0]!["F0000001"]);
        Assert.Equal(2, missing); // h3yun's convention (ExitCodes): 2 is an error, 1 a finding.
        Assert.Contains("none.db", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seed_given_with_seed_is_imported_at_start_and_a_bad_one_stops_it_with_exit_code_2()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("bad.json"), "{\"Records\":");

        var (code, _, error) = await RunAsync("--in-memory", "--seed", folder.File("bad.json"));

        Assert.Equal(2, code);
        Assert.Contains("bad.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reference_page_lists_every_flag_with_its_help_and_default_as_the_command_defines_them()
    {
        var (_, text, start, end) = H3Yun.TestSupport.CommandLine.CommandListing.ReferencePage();

        var listing = H3Yun.TestSupport.CommandLine.CommandListing.Of(H3YunEmulatorCommandLine.CreateCommand("emulator"), "h3yun");

        Assert.Contains("\n" + listing, text[start..end], StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_can_be_added_to_another_tool()
    {
        var command = H3YunEmulatorCommandLine.CreateCommand("emulator");

        Assert.Equal("emulator", command.Name);
        Assert.Contains(command.Options, option => option.Name == "--schemas");
        Assert.Contains(command.Subcommands, subcommand => subcommand.Name == "export");
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await H3YunEmulatorCommandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Serves with these flags until the banner is out, stops, and returns all it printed.</summary>
    private static async Task<string> BannerAsync(params string[] args)
    {
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        using var stop = new CancellationTokenSource();
        var serving = H3YunEmulatorCommandLine.RunAsync(args, synchronized, synchronized, stop.Token);
        await WaitForAsync(output, "Press Ctrl+C");
        await stop.CancelAsync();
        Assert.Equal(0, await serving);
        return output.ToString();
    }

    private static async Task<string> WaitForAsync(StringWriter output, string text)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!output.ToString().Contains(text, StringComparison.Ordinal))
        {
            await Task.Delay(20, patience.Token);
        }

        return output.ToString();
    }

    [GeneratedRegex(@"listening on (\S+)")]
    private static partial Regex ListeningOn();

    private static Regex ExportLine(string variable) => new($"^export {variable}=(\\S+)\\r?$", RegexOptions.Multiline);
}
