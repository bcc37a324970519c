using System.Text.Json;
using H3Yun.Emulator;
using H3Yun.OpenApi;
using Microsoft.Data.Sqlite;

namespace H3Yun.Cli.Tests;

/// <summary>
/// <c>h3yun sync</c> in-process against the emulator: the default SQLite file, the JSON report, an idle run's one request,
/// and bad input, each refused with one message, exit 2, nothing half-written and no password shown.
/// </summary>
public class SyncTests
{
    private const string Customer = "D000024Customer";

    [Fact]
    public async Task Sync_copies_into_h3yun_db_in_the_current_folder_and_an_idle_run_costs_one_request()
    {
        await using var source = await SyncSource.StartAsync();
        using var folder = source.Folder;
        var ids = new[] { await source.CreateAsync("甲"), await source.CreateAsync("乙") };

        var first = await source.SyncAsync();
        var idle = await source.SyncAsync("--json");

        Assert.True(first.ExitCode == 0, first.All);
        first.AssertNoStackTrace();
        Assert.Contains($"{Customer} → Customer: 2 row(s) copied", first.Output, StringComparison.Ordinal);
        Assert.Contains("Copied 1 form(s) into h3yun.db", first.Output, StringComparison.Ordinal);
        Assert.Contains("Copying into h3yun.db at 2 requests/s.", first.Error, StringComparison.Ordinal);
        Assert.Equal(ids.Order(StringComparer.Ordinal), Rows(folder.File("h3yun.db"), "SELECT \"ObjectId\" FROM \"Customer\" ORDER BY \"ObjectId\""));
        Assert.True(idle.ExitCode == 0, idle.All);
        using var report = JsonDocument.Parse(idle.Output);
        var form = Assert.Single(report.RootElement.GetProperty("forms").EnumerateArray());
        Assert.Equal(Customer, form.GetProperty("schemaCode").GetString());
        Assert.Equal(1, form.GetProperty("requests").GetInt64());
        Assert.Equal(0, form.GetProperty("rowsUpserted").GetInt64());
        Assert.Equal("h3yun.db", report.RootElement.GetProperty("target").GetString());
        Assert.Equal(string.Empty, idle.Error); // --json: nothing but the report
    }

    [Fact]
    public async Task On_a_terminal_the_progress_redraws_itself_on_the_output_and_redirected_it_is_plain_lines_on_standard_error()
    {
        await using var source = await SyncSource.StartAsync();
        using var folder = source.Folder;
        await source.CreateAsync("甲");

        var terminal = await source.SyncOnTerminalAsync();
        var redirected = await source.SyncAsync();
        var json = await source.SyncOnTerminalAsync("--json");

        Assert.True(terminal.ExitCode == 0, terminal.All);
        Assert.Contains($"\u001b[2K{Customer}", terminal.Output, StringComparison.Ordinal);
        Assert.Contains("\u001b[1F", terminal.Output, StringComparison.Ordinal); // redrawn in place: one form, one line up
        Assert.Contains($"{Customer} → Customer: 1 row(s) copied", terminal.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(" copy: ", terminal.Error, StringComparison.Ordinal);
        Assert.Contains($"{Customer} copy: ", redirected.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", redirected.Output + redirected.Error, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(json.Output); // --json: the report alone, a terminal or not
        Assert.Equal(string.Empty, json.Error);
    }

    [Fact]
    public void The_live_line_shows_windows_rows_requests_their_rates_and_the_time_ahead_at_the_budget()
    {
        var running = new H3Yun.Sync.SyncProgress(Customer, "copy", 41, 41, 16_400, 0, new DateTime(2026, 5, 1, 9, 12, 40), WindowsAhead: 1, RowsAhead: 33_600);
        var done = running with { Windows = 110, Requests = 112, RowsUpserted = 50_000, RowsDeleted = 12, WindowsAhead = 0, RowsAhead = 0, Phase = "reconcile" };

        Assert.Equal(
            "D000024Customer       copy           41 windows     16,400 rows     800/s      41 requests     2/s  ahead: ~33,600 rows, 69 requests, 35 s at 2/s",
            Sync.LiveProgress.Line(running, 20.5, 2));
        Assert.Equal(
            "D000024Customer       reconcile     110 windows     50,000 rows     500/s     112 requests   1.1/s  12 deleted  complete up to 2026-05-01 09:12:40",
            Sync.LiveProgress.Line(done, 100, 2));
        Assert.Equal("6 min", Sync.SyncCommand.Format(TimeSpan.FromSeconds(5 * 60 + 1)));
    }

    [Fact]
    public async Task Full_deletes_what_H3Yun_no_longer_has_and_to_names_the_file()
    {
        await using var source = await SyncSource.StartAsync();
        using var folder = source.Folder;
        var keep = await source.CreateAsync("keep");
        var gone = await source.CreateAsync("gone");
        var first = await source.SyncAsync("--to", "copies/crm.db");
        Assert.True(first.ExitCode == 0, first.All);
        await source.Writer.InvokeAsync(OpenApiRequest.RemoveBizObject(Customer, gone));

        var full = await source.SyncAsync("--to", "copies/crm.db", "--full");

        Assert.True(full.ExitCode == 0, full.All);
        Assert.Contains("1 deleted", full.Output, StringComparison.Ordinal);
        Assert.Equal([keep], Rows(folder.File("copies/crm.db"), "SELECT \"ObjectId\" FROM \"Customer\""));
    }

    [Fact]
    public async Task An_unreachable_database_is_one_message_without_its_password_and_exit_2()
    {
        await using var source = await SyncSource.StartAsync();
        using var folder = source.Folder;
        await source.CreateAsync("a");
        var port = FreePort();

        var postgres = await source.SyncAsync("--to", $"Host=127.0.0.1;Port={port};Database=crm;Username=sync;Password=hunter2-secret;Timeout=5");
        var url = await source.SyncAsync("--to", $"postgresql://sync:hunter2-secret@127.0.0.1:{port}/crm", "--json");
        folder.Write("a-file", "not a folder");
        var sqlite = await source.SyncAsync("--to", "a-file/copy.db");

        foreach (var run in new[] { postgres, url, sqlite })
        {
            Assert.Equal(2, run.ExitCode);
            run.AssertNoStackTrace();
            Assert.DoesNotContain("hunter2-secret", run.All, StringComparison.Ordinal);
            Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.StartsWith("h3yun: ", StringComparison.Ordinal));
        }

        Assert.Contains($"h3yun: Cannot open the PostgreSQL database 127.0.0.1:{port}/crm", postgres.Error, StringComparison.Ordinal);
        Assert.Equal("Cannot open", JsonDocument.Parse(url.Output).RootElement.GetProperty("error").GetString()![..11]);
        Assert.Contains("h3yun: Cannot open the SQLite database", sqlite.Error, StringComparison.Ordinal);
        Assert.Equal(0, source.Requests);
    }

    [Fact]
    public async Task A_read_only_database_is_refused_before_any_request_and_keeps_its_rows_and_cursor()
    {
        await using var source = await SyncSource.StartAsync();
        using var folder = source.Folder;
        await source.CreateAsync("a");
        Assert.Equal(0, (await source.SyncAsync()).ExitCode);
        var cursor = Rows(folder.File("h3yun.db"), "SELECT cursor_time FROM h3yun_forms");
        await source.CreateAsync("b");
        var requests = source.Requests;

        // Opened read-only: file permissions do not stop root, who runs CI.
        var run = await source.SyncAsync("--to", $"Data Source={folder.File("h3yun.db")};Mode=ReadOnly");

        Assert.Equal(2, run.ExitCode);
        run.AssertNoStackTrace();
        Assert.Contains("h3yun: Cannot write the SQLite database", run.Error, StringComparison.Ordinal);
        Assert.Equal(requests, source.Requests);
        Assert.Equal(cursor, Rows(folder.File("h3yun.db"), "SELECT cursor_time FROM h3yun_forms"));
        Assert.Single(Rows(folder.File("h3yun.db"), "SELECT \"ObjectId\" FROM \"Customer\""));
    }

    [Fact]
    public async Task A_schema_file_that_does_not_build_is_reported_as_the_build_would_and_nothing_is_created()
    {
        await using var source = await SyncSource.StartAsync();
        using var folder = source.Folder;
        folder.Write("schemas/Broken.h3form.json", "{\n  \"SchemaCode\": \"D1\",\n  \"Properties\": [ { \"Name\": \"F1\", \"DataType\": \"Colour\" } ]\n}\n");

        var run = await source.SyncAsync();

        Assert.Equal(2, run.ExitCode);
        run.AssertNoStackTrace();
        Assert.Contains("Broken.h3form.json(3,47): error H3Y0006: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("h3yun: 1 error(s) in the schema files of schemas (above), which would not build either: nothing was copied.", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("h3yun.db")));
        Assert.Equal(0, source.Requests);
    }

    [Fact]
    public async Task A_form_H3Yun_does_not_have_is_one_message_and_moves_no_cursor()
    {
        await using var source = await SyncSource.StartAsync();
        using var folder = source.Folder;
        folder.Write("schemas/Ghost.h3form.json", "{ \"SchemaCode\": \"D000024Ghost\", \"DisplayName\": \"幽灵\", \"Properties\": [ { \"Name\": \"F0000001\", \"DisplayName\": \"名称\", \"DataType\": \"ShortString\" } ] }");

        var run = await source.SyncAsync("--form", "D000024Ghost");

        Assert.True(run.ExitCode == 2, run.All);
        run.AssertNoStackTrace();
        Assert.Contains("h3yun: H3Yun refused a request of the copy: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.StartsWith("h3yun: ", StringComparison.Ordinal));
        Assert.Equal([null], Rows(folder.File("h3yun.db"), "SELECT cursor_time FROM h3yun_forms WHERE schema_code = 'D000024Ghost'"));
        Assert.Empty(Rows(folder.File("h3yun.db"), "SELECT * FROM \"幽灵\""));
    }

    [Theory]
    [InlineData("--watch", "soon", "--watch 'soon' is not an interval")]
    [InlineData("--schemas", "nowhere", "No schema folder nowhere")]
    public async Task Bad_options_are_one_message_and_exit_2(string option, string value, string message)
    {
        await using var source = await SyncSource.StartAsync();
        using var folder = source.Folder;

        var run = await source.SyncAsync(option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("h3yun: " + message, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("h3yun.db")));
    }

    [Theory]
    [InlineData("Host=db;Database=crm;Username=u;Password=s3cr3t;Port=5432", "Host=db;Database=crm;Username=u;Password=***;Port=5432")]
    [InlineData("postgresql://u:s%40cr3t@db/crm", "postgresql://u:***@db/crm")]
    [InlineData("Host=db;PWD='a;b'", "Host=db;PWD=***")]
    public void Passwords_are_masked(string target, string shown) =>
        Assert.Equal(shown, H3Yun.Cli.Sync.SyncTargetText.Mask(target, target));

    [Theory]
    [InlineData("password authentication failed: hunter2", "Host=db;Password=hunter2", "password authentication failed: ***")]
    [InlineData("rejected 'a;b' for u", "Host=db;PWD='a;b'", "rejected '***' for u")]
    [InlineData("rejected s@cr3t and s%40cr3t", "postgresql://u:s%40cr3t@db/crm", "rejected *** and ***")]
    [InlineData("no password here", "Host=db;Password=", "no password here")]
    public void The_targets_password_is_masked_wherever_a_message_repeats_it(string message, string target, string shown) =>
        Assert.Equal(shown, H3Yun.Cli.Sync.SyncTargetText.Mask(message, target));

    private static List<object?> Rows(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<object?>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? null : reader.GetValue(0));
        }

        return values;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// The emulator with the repository's Customer form, on a clock an hour behind this machine's, so that records written
/// now lie below the run's bound (this machine's clock less the lag), a folder with the schema, and a count of the
/// requests the sync sent.
/// </summary>
internal sealed class SyncSource : IAsyncDisposable
{
    private readonly H3YunEmulator _emulator;

    private SyncSource(H3YunEmulator emulator)
    {
        _emulator = emulator;
        Writer = new H3YunClient(new H3YunClientOptions { BaseAddress = emulator.BaseAddress, EngineCode = emulator.EngineCode, EngineSecret = emulator.EngineSecret, RequestsPerSecond = null });
        Folder.Write("schemas/Customer.h3form.json", File.ReadAllText(Cli.RepositorySchema("Customer.h3form.json")));
    }

    public TempFolder Folder { get; } = new();

    public H3YunClient Writer { get; }

    public H3YunEmulator Emulator => _emulator;

    /// <summary>The reads the emulator answered: the sync's requests (the writes of this class are creates and removes).</summary>
    public int Requests => _emulator.Requests.Count(request => request.ActionName == "LoadBizObjects");

    /// <summary>
    /// Starts the emulator. A sync at another rate than the default needs an <paramref name="engineCode"/> of its own:
    /// the clients of one engine in one process share one budget.
    /// </summary>
    public static async Task<SyncSource> StartAsync(string? engineCode = null)
    {
        var options = new H3YunEmulatorOptions { Clock = new BehindClock(TimeSpan.FromHours(1)) };
        if (engineCode is not null)
        {
            options.EngineCode = engineCode;
        }

        options.SchemaFiles.Add(Cli.RepositorySchema("Customer.h3form.json"));
        return new SyncSource(await H3YunEmulator.StartAsync(options));
    }

    public async Task<string> CreateAsync(string name)
    {
        var data = await Writer.InvokeAsync(OpenApiRequest.CreateBizObject("D000024Customer", JsonSerializer.Serialize(new Dictionary<string, string> { ["F0000001"] = name }), isSubmit: true));
        return data.GetProperty("BizObjectId").GetString()!;
    }

    /// <summary>Runs <c>h3yun sync</c> at the default budget of 2 requests/s: the budget is per engine and process, and the other tests' clients of the emulator's engine share it.</summary>
    public Task<CliRun> SyncAsync(params string[] args) =>
        Cli.RunAsync(Folder.Path, Cli.EnvironmentFor(_emulator), ["sync", .. args]);

    /// <summary>As <see cref="SyncAsync"/>, with standard output a terminal.</summary>
    public Task<CliRun> SyncOnTerminalAsync(params string[] args) =>
        Cli.RunAsync(Folder.Path, Cli.EnvironmentFor(_emulator), outputIsTerminal: true, ["sync", .. args]);

    public async ValueTask DisposeAsync()
    {
        Writer.Dispose();
        await _emulator.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    private sealed class BehindClock(TimeSpan behind) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() - behind;
    }
}
