using System.Text.Json;

namespace H3Yun.Cli.Tests;

/// <summary>
/// What <c>h3yun sync</c> prints for a run and for a watch, the intervals <c>--watch</c> reads, and each way a run stops,
/// in lines and in <c>--json</c>.
/// </summary>
public class SyncCommandTests
{
    private const string Customer = "D000024Customer";
    private const string Time = @"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d";

    [Fact]
    public async Task A_run_prints_a_line_per_form_and_a_total_and_full_says_deletions_were_checked()
    {
        await using var source = await SyncSource.StartAsync();
        using var folder = source.Folder;
        await source.CreateAsync("甲");
        await source.CreateAsync("乙");

        var first = await source.SyncAsync("--form", $" {Customer} ", "--form", Customer);
        var full = await source.SyncAsync("--full", "--form", " "); // a blank --form names no form: every form

        Assert.True(first.ExitCode == 0, first.All);
        Assert.Matches($@"^{Customer} → Customer: 2 row\(s\) copied, 0 deleted \(deletions not checked: --full\), (?<requests>\d+) request\(s\), \d+ window\(s\); complete up to {Time} \(China time\)\.\r?\nCopied 1 form\(s\) into h3yun\.db in \d+\.\d s: 2 row\(s\), 0 deleted, \k<requests> request\(s\)\.\r?\n$", first.Output);
        Assert.StartsWith("Copying into h3yun.db at 2 requests/s." + Environment.NewLine, first.Error, StringComparison.Ordinal);
        Assert.True(full.ExitCode == 0, full.All);
        Assert.Matches($@"^{Customer} → Customer: 0 row\(s\) copied, 0 deleted, \d+ request\(s\), \d+ window\(s\); complete up to {Time} \(China time\)\.", full.Output);
        Assert.StartsWith("Copying into h3yun.db at 2 requests/s, with deletions." + Environment.NewLine, full.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_added_to_a_schema_file_is_a_column_added_at_the_next_run()
    {
        await using var source = await SyncSource.StartAsync(engineCode: "sync-at-1.5-per-second");
        using var folder = source.Folder;
        await source.CreateAsync("甲");
        Assert.Equal(0, (await source.SyncAsync("--requests-per-second", "1.5")).ExitCode);
        var schema = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(folder.File("schemas/Customer.h3form.json")))!;
        schema["Properties"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["Name"] = "F0000099", ["DisplayName"] = "备注二", ["DataType"] = "ShortString" });
        File.WriteAllText(folder.File("schemas/Customer.h3form.json"), schema.ToJsonString());

        var run = await source.SyncAsync("--requests-per-second", "1.5");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Matches($@"^{Customer} → Customer: 0 row\(s\) copied, 0 deleted \(deletions not checked: --full\), \d+ request\(s\), \d+ window\(s\), 1 column\(s\) added; complete up to ", run.Output);
        Assert.StartsWith("Copying into h3yun.db at 1.5 requests/s." + Environment.NewLine, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_watch_runs_again_after_its_interval_until_stopped_and_stopped_between_runs_exits_0()
    {
        await using var source = await SyncSource.StartAsync();
        using var folder = source.Folder;
        await source.CreateAsync("甲");
        using var stop = new CancellationTokenSource();
        var error = new CancelOnLine(stop, "Next run in", times: 2);

        var run = await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(source.Emulator), new StringWriter(), error, outputIsTerminal: false, stop.Token, "sync", "--watch", "0.1s");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(2, run.Error.Split(Environment.NewLine).Count(line => line == "Next run in 1 s (Ctrl+C stops)."));
        Assert.Equal(2, run.Output.Split(Environment.NewLine).Count(line => line.StartsWith("Copied 1 form(s)", StringComparison.Ordinal)));
        Assert.DoesNotContain("h3yun:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_watch_prints_one_report_per_run_and_nothing_else()
    {
        await using var source = await SyncSource.StartAsync();
        using var folder = source.Folder;
        using var stop = new CancellationTokenSource();
        var output = new CancelOnLine(stop, "{", times: 2);

        var run = await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(source.Emulator), output, new StringWriter(), outputIsTerminal: false, stop.Token, "sync", "--watch", "0.1s", "--json");

        Assert.True(run.ExitCode == 0, run.All);
        var reports = run.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, reports.Length);
        Assert.All(reports, report => Assert.Equal("h3yun.db", JsonDocument.Parse(report).RootElement.GetProperty("target").GetString()));
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task A_refused_run_under_json_prints_the_error_as_a_report_too()
    {
        await using var source = await SyncSource.StartAsync();
        using var folder = source.Folder;
        folder.Write("schemas/Ghost.h3form.json", "{ \"SchemaCode\": \"D000024Ghost\", \"DisplayName\": \"幽灵\", \"Properties\": [ { \"Name\": \"F0000001\", \"DisplayName\": \"名称\", \"DataType\": \"ShortString\" } ] }");

        var run = await source.SyncAsync("--form", "D000024Ghost", "--json");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        using var report = JsonDocument.Parse(run.Output);
        Assert.Equal("h3yun.db", report.RootElement.GetProperty("target").GetString());
        var error = report.RootElement.GetProperty("error").GetString()!;
        Assert.StartsWith("H3Yun refused a request of the copy: ", error, StringComparison.Ordinal);
        Assert.EndsWith(" (is every --form a form of this engine?). What was committed is kept; the next run continues from it.", error, StringComparison.Ordinal);
        Assert.Equal("h3yun: " + error + Environment.NewLine, run.Error);
    }

    [Fact]
    public async Task An_H3Yun_that_cannot_be_reached_stops_the_copy_with_what_is_kept()
    {
        await using var source = await SyncSource.StartAsync();
        using var folder = source.Folder;
        var environment = Cli.EnvironmentFor(source.Emulator);
        environment[H3YunClientOptions.BaseAddressVariable] = $"http://127.0.0.1:{FreePort()}/";

        var run = await Cli.RunAsync(folder.Path, environment, "sync");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        run.AssertNoStackTrace();
        Assert.Matches(@"\nh3yun: The copy stopped: .+\. What was committed is kept; the next run continues from it\.\r?\n$", run.Error);
    }

    [Fact]
    public async Task A_schema_folder_without_schema_files_says_how_to_pull_them()
    {
        await using var source = await SyncSource.StartAsync();
        using var folder = source.Folder;
        Directory.CreateDirectory(folder.File("empty"));

        var run = await source.SyncAsync("--schemas", "empty");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("h3yun: No *.h3form.json file in empty: pull the forms' schemas with 'h3yun schema pull --app <AppCode>'." + Environment.NewLine, run.Error);
        Assert.Equal(0, source.Requests);
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData(" 30S ", 30)]
    [InlineData("1.5m", 90)]
    [InlineData("2H", 7200)]
    [InlineData("1d", 86400)]
    [InlineData("00:02:00", 120)]
    [InlineData("1.00:00:01", 86401)]
    public void Watch_reads_seconds_minutes_hours_days_or_a_time_span(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), H3Yun.Cli.Sync.SyncCommand.Interval(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void No_watch_is_one_run(string? text)
    {
        Assert.Null(H3Yun.Cli.Sync.SyncCommand.Interval(text));
    }

    [Theory]
    [InlineData("0s")]
    [InlineData("-5m")]
    [InlineData("00:00:00")]
    [InlineData("5w")]
    [InlineData("m")]
    [InlineData("often")]
    public void A_watch_that_is_no_interval_says_what_to_write(string text)
    {
        var problem = Assert.Throws<CliException>(() => H3Yun.Cli.Sync.SyncCommand.Interval(text));

        Assert.Equal($"--watch '{text}' is not an interval: write 30s, 5m, 1h, 1d or 00:05:00.", problem.Message);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A writer that cancels a run once it has written lines containing <paramref name="text"/> so many times.</summary>
    private sealed class CancelOnLine(CancellationTokenSource stop, string text, int times) : StringWriter
    {
        private int _seen;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.Contains(text, StringComparison.Ordinal) == true && ++_seen == times)
            {
                stop.Cancel();
            }
        }
    }
}
