using H3Yun.Sync.Schema;
using H3Yun.Sync.Storage;
using H3Yun.Sync.Storage.PostgreSql;
using H3Yun.Sync.Tests.Support;
using Npgsql;

namespace H3Yun.Sync.Tests;

/// <summary>
/// What only a real PostgreSQL server shows: a wrong password and an unreachable server refused before any request, the
/// URL form of a target, the advisory lock that keeps a second sync out and is gone when the first ends, and a schema
/// change that adds a column to a table with rows.
/// </summary>
[Collection(PostgreSqlTestGroup.Name)]
public class PostgreSqlTests(PostgreSqlServer postgres)
{
    [Fact]
    public async Task A_wrong_password_is_one_clear_error_that_never_shows_it_and_nothing_is_written_or_moved()
    {
        var target = await postgres.CreateDatabaseAsync();
        await using var bench = await SyncBench.StartAsync(target);
        await bench.CreateAsync("a", 1m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        await bench.NewSync().RunAsync();
        var cursor = bench.Rows("SELECT cursor_time, last_run_at FROM h3yun_forms WHERE schema_code = 'D000900Order'")[0];
        await bench.CreateAsync("b", 2m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        var sent = bench.Hook.Sent;
        var wrong = new NpgsqlConnectionStringBuilder(target) { Password = "not-the-password-42" }.ConnectionString;

        var error = await Assert.ThrowsAsync<H3YunSyncException>(() => bench.NewSync(target: wrong).RunAsync());

        Assert.StartsWith($"Cannot open the PostgreSQL database 127.0.0.1:{postgres.Port}/", error.Message, StringComparison.Ordinal);
        Assert.Contains("password authentication failed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password-42", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgreSqlServer.Password, error.Message, StringComparison.Ordinal);
        Assert.Equal(sent, bench.Hook.Sent);
        Assert.Equal(1, bench.Scalar("SELECT COUNT(*) FROM \"Orders\""));
        Assert.Equal(cursor, bench.Rows("SELECT cursor_time, last_run_at FROM h3yun_forms WHERE schema_code = 'D000900Order'")[0]);
    }

    [Fact]
    public async Task An_unreachable_server_is_one_clear_error_before_any_request()
    {
        await using var bench = await SyncBench.StartAsync();
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now

        var error = await Assert.ThrowsAsync<H3YunSyncException>(
            () => bench.NewSync(target: $"Host=127.0.0.1;Port={port};Database=copy;Username=postgres;Password=secret-pw;Timeout=5").RunAsync());

        Assert.StartsWith($"Cannot open the PostgreSQL database 127.0.0.1:{port}/copy: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, bench.Hook.Sent);
    }

    [Fact]
    public async Task Each_time_column_says_in_its_comment_that_it_holds_China_time()
    {
        await using var bench = await SyncBench.StartAsync(await postgres.CreateDatabaseAsync());
        await bench.CreateAsync("a", 1m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));

        await bench.NewSync().RunAsync();

        var notes = bench.Rows("SELECT attname, col_description(attrelid, attnum) AS note FROM pg_attribute WHERE attrelid = '\"Orders\"'::regclass AND attnum > 0 AND NOT attisdropped")
            .ToDictionary(row => (string)row["attname"]!, row => (string?)row["note"]);
        Assert.Equal("China Standard Time (UTC+8), as H3Yun's clock, without an offset", notes["ModifiedTime"]);
        Assert.Equal(notes["ModifiedTime"], notes["CreatedTime"]);
        Assert.Equal(notes["ModifiedTime"], notes["交期"]); // a DateTime field of the form
        Assert.Null(notes["标题"]);
        Assert.Null(notes["ObjectId"]);
    }

    [Fact]
    public async Task A_list_field_is_a_jsonb_column_holding_the_list_and_a_quoted_table_name_is_kept()
    {
        var target = await postgres.CreateDatabaseAsync();
        await using var store = await SyncStore.OpenAsync(SyncTarget.Dialect(target), CancellationToken.None);
        var form = new SyncForm("D0001", "标签单", null, [new SyncField("F0000001", "标签", null, 14, true)], [], "{}");
        var (tables, recorded) = (await TablePlanner.PlanAsync(store, [form], new Dictionary<string, string> { ["D0001"] = "My \"Tags\"" }, CancellationToken.None)).Single();
        await store.PrepareTableAsync(tables.Main, form.SourceJson, null, recorded["D0001"], CancellationToken.None);
        var row = System.Text.Json.JsonDocument.Parse("""{"ObjectId":"a","F0000001":"x;y","ModifiedTime":"2026-05-01 10:00:00"}""").RootElement;

        await store.CommitAsync(tables, [row], new DateTime(2026, 5, 1, 10, 0, 1), CancellationToken.None);

        var copied = Assert.Single(CopyReader.Rows(target, "SELECT pg_typeof(\"标签\")::text AS type, \"标签\"::text AS value FROM \"My \"\"Tags\"\"\""));
        Assert.Equal(("jsonb", "[\"x\", \"y\"]"), (copied["type"], copied["value"]));
    }

    [Fact]
    public async Task A_lock_let_go_within_the_patience_is_taken_and_the_run_goes_on()
    {
        // What a killed run's session looks like for a moment after it ended: the lock held, then gone.
        var target = await postgres.CreateDatabaseAsync();
        await using var bench = await SyncBench.StartAsync(target);
        await bench.CreateAsync("a", 1m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        await using var holder = new NpgsqlConnection(target);
        await holder.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({PostgreSqlDialect.LockKey})", holder))
        {
            await take.ExecuteScalarAsync();
        }

        var run = bench.NewSync().RunAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({PostgreSqlDialect.LockKey})", holder))
        {
            Assert.Equal(true, await release.ExecuteScalarAsync());
        }

        Assert.Equal(1, (await run).Forms[0].RowsUpserted);
    }

    [Fact]
    public async Task A_session_the_server_ends_during_a_run_is_one_database_error_and_the_next_run_completes_the_copy()
    {
        var target = await postgres.CreateDatabaseAsync();
        await using var bench = await SyncBench.StartAsync(target);
        await bench.CreateAsync("a", 1m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        var first = bench.Hook.Sent;
        bench.Hook.Before = async number =>
        {
            if (number - first == 2)
            {
                await using var admin = new NpgsqlConnection(target);
                await admin.OpenAsync();
                await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", admin);
                await kill.ExecuteNonQueryAsync();
            }
        };

        var error = await Record.ExceptionAsync(() => bench.NewSync().RunAsync());

        Assert.NotNull(error);
        Assert.True(error is H3YunSyncException or System.Data.Common.DbException, $"{error.GetType()}: {error.Message}");
        bench.Hook.Before = null;
        await bench.NewSync().RunAsync();
        Assert.Equal(1, bench.Scalar("SELECT COUNT(*) FROM \"Orders\""));
    }

    [Fact]
    public async Task A_postgresql_URL_is_a_target_too()
    {
        var target = await postgres.CreateDatabaseAsync();
        var database = new NpgsqlConnectionStringBuilder(target).Database;
        await using var bench = await SyncBench.StartAsync(target);
        await bench.CreateAsync("a", 1m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));

        await bench.NewSync(target: $"postgresql://postgres:{Uri.EscapeDataString(PostgreSqlServer.Password)}@127.0.0.1:{postgres.Port}/{database}").RunAsync();

        Assert.Equal(1, bench.Scalar("SELECT COUNT(*) FROM \"Orders\""));
    }

    [Fact]
    public async Task A_second_sync_is_refused_while_the_first_runs_and_the_lock_is_gone_when_it_ends()
    {
        await using var bench = await SyncBench.StartAsync(await postgres.CreateDatabaseAsync());
        await bench.CreateAsync("a", 1m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        var error = await bench.SecondSyncWhileTheFirstRunsAsync();
        var locksAfterwards = bench.Scalar("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory'");
        var third = await bench.NewSync().RunAsync();

        Assert.Contains("Another sync is writing", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, locksAfterwards); // no idle pooled session keeps another process out
        Assert.Equal(1, third.Requests);
        Assert.Equal(1, bench.Scalar("SELECT COUNT(*) FROM \"Orders\""));
    }

    [Fact]
    public async Task A_field_added_to_the_schema_adds_a_typed_column_filled_from_the_json()
    {
        await using var bench = await SyncBench.StartAsync(await postgres.CreateDatabaseAsync());
        await bench.CreateAsync("a", 1m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        var path = Path.Combine(bench.SchemaFolder, "Order.h3form.json");
        var full = await File.ReadAllTextAsync(path);
        const string Due = "{ \"Name\": \"F0000003\", \"DisplayName\": \"交期\", \"DataType\": 5 },";
        Assert.Contains(Due, full, StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, full.Replace(Due, string.Empty, StringComparison.Ordinal));
        await bench.NewSync().RunAsync();
        await File.WriteAllTextAsync(path, full);

        var report = await bench.NewSync().RunAsync();

        Assert.Equal(1, report.Forms[0].ColumnsAdded);
        Assert.Equal("2026-05-01 10:00:00", bench.Rows("SELECT 交期 FROM \"Orders\"")[0]["交期"]);
        Assert.Equal("timestamp without time zone", bench.Rows("SELECT data_type FROM information_schema.columns WHERE table_name = 'Orders' AND column_name = '交期'")[0]["data_type"]);
    }
}
