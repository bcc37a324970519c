using System.Net;
using System.Text;

namespace H3Yun.Cli.Tests;

/// <summary>
/// How the schema commands ask H3Yun for forms, and what they say when the answer cannot be had: H3Yun out of reach,
/// an answer that is not the OpenApi's, and a class that cannot be written.
/// </summary>
public class SchemaSourceTests
{
    private const string App = H3YunEmulatorOptionsApp.Default;

    [Fact]
    public async Task Every_form_is_one_request_and_the_pull_says_how_many_forms_H3Yun_answered()
    {
        await using var emulator = await Cli.StartEmulatorAsync(Cli.RepositorySchema("SalesOrder.h3form.json"), Cli.RepositorySchema("Customer.h3form.json"));
        using var folder = new TempFolder();

        var pull = await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(emulator), "schema", "pull", "--app", App);

        Assert.True(pull.ExitCode == 0, pull.All);
        Assert.StartsWith(
            $"Asking H3Yun for every form of app {App} (one request)...{Environment.NewLine}H3Yun answered 2 form(s).{Environment.NewLine}",
            pull.Error,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pull")]
    [InlineData("diff")]
    public async Task An_H3Yun_out_of_reach_is_named_with_its_address_and_nothing_is_written(string command)
    {
        using var folder = new TempFolder();
        var address = $"http://127.0.0.1:{FreePort()}/";

        var run = await Cli.RunAsync(folder.Path, Credentials(address), "schema", command, "--app", App);

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        run.AssertNoStackTrace();
        Assert.Contains($"h3yun: Could not reach H3Yun at {address} for H3YunSchemaExportController.ExportSchemas in app {App} (every form): ", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("schemas")) && Directory.EnumerateFiles(folder.File("schemas")).Any());
    }

    [Fact]
    public async Task A_server_that_does_not_answer_as_the_OpenApi_is_named_and_nothing_is_written()
    {
        using var folder = new TempFolder();
        var port = FreePort();
        using var server = new HttpListener { Prefixes = { $"http://127.0.0.1:{port}/" } };
        server.Start();
        var answering = Task.Run(async () =>
        {
            while (server.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await server.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return; // stopped
                }

                var page = Encoding.UTF8.GetBytes("<html><body>登录</body></html>");
                context.Response.ContentType = "text/html";
                await context.Response.OutputStream.WriteAsync(page);
                context.Response.Close();
            }
        });

        var run = await Cli.RunAsync(folder.Path, Credentials($"http://127.0.0.1:{port}/"), "schema", "pull", "--app", App, "--form", "D000024Customer");
        server.Stop();
        await answering;

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        run.AssertNoStackTrace();
        Assert.Contains($"h3yun: H3Yun's answer to H3YunSchemaExportController.ExportSchemas in app {App} (form D000024Customer) is not the OpenApi's: ", run.Error, StringComparison.Ordinal);
        Assert.EndsWith($" Nothing was written.{Environment.NewLine}", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("schemas")) && Directory.EnumerateFiles(folder.File("schemas")).Any());
    }

    [Fact]
    public async Task Export_code_into_a_folder_that_does_not_exist_is_refused_by_path()
    {
        using var folder = new TempFolder();

        var run = await Cli.RunAsync(folder.Path, new Dictionary<string, string?>(), "schema", "export-code", "--out", "missing/Export.cs");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        run.AssertNoStackTrace();
        Assert.StartsWith($"h3yun: Could not write {folder.File("missing/Export.cs")}: ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Export_code_with_an_empty_app_names_the_app_as_a_placeholder()
    {
        using var folder = new TempFolder();

        var run = await Cli.RunAsync(folder.Path, new Dictionary<string, string?>(), "schema", "export-code", "--app", "");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("of any form of app <AppCode>, below", run.Output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Credentials(string address) => new()
    {
        [H3YunClientOptions.EngineCodeVariable] = "engine",
        [H3YunClientOptions.EngineSecretVariable] = "secret",
        [H3YunClientOptions.BaseAddressVariable] = address,
    };

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
