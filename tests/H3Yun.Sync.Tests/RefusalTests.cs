using H3Yun.Sync.Tests.Support;

namespace H3Yun.Sync.Tests;

/// <summary>What the copy refuses, each with one clear message, and what it leaves untouched then.</summary>
public class RefusalTests
{
    [Fact]
    public async Task A_second_sync_of_the_same_database_is_refused_while_the_first_runs()
    {
        await using var bench = await SyncBench.StartAsync();
        await bench.CreateAsync("a", 1m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        var error = await bench.SecondSyncWhileTheFirstRunsAsync();

        Assert.Contains("Another sync is writing", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, CopyReader.Scalar(bench.DatabasePath, "SELECT COUNT(*) FROM Orders"));
    }

    [Fact]
    public async Task A_field_whose_type_changes_its_column_is_refused_with_the_SQL_that_copies_the_form_again()
    {
        await using var bench = await SyncBench.StartAsync();
        await bench.CreateAsync("a", 1m, false, ("x", 1m));
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        await bench.NewSync().RunAsync();
        var cursor = CopyReader.Rows(bench.DatabasePath, "SELECT cursor_time FROM h3yun_forms WHERE schema_code = 'D000900Order'")[0]["cursor_time"];
        RewriteSchema(bench, "{ \"Name\": \"F0000002\", \"DisplayName\": \"金额\", \"DataType\": \"Double\" }", "{ \"Name\": \"F0000002\", \"DisplayName\": \"金额\", \"DataType\": \"DateTime\" }");
        var sent = bench.Hook.Sent;

        var error = await Assert.ThrowsAsync<H3YunSyncException>(() => bench.NewSync().RunAsync());

        Assert.Equal(
            "The field F0000002 (金额) of the form D000900Order was Double and is now DateTime, which needs a Timestamp column where the table Orders has a Decimal column '金额'. "
            + "Nothing was changed. To copy the form D000900Order again from H3Yun, run: " + Rebuild + " then run the sync again, which copies the form whole.",
            error.Message);
        Assert.Equal(sent, bench.Hook.Sent); // refused before any request
        Assert.Equal(cursor, CopyReader.Rows(bench.DatabasePath, "SELECT cursor_time FROM h3yun_forms WHERE schema_code = 'D000900Order'")[0]["cursor_time"]);

        // The SQL runs as it stands, and the next run copies the form whole into the new column kind.
        CopyReader.Execute(bench.DatabasePath, Rebuild);
        var report = await bench.NewSync().RunAsync();
        Assert.Equal(1, report.RowsUpserted);
        Assert.Equal(1, CopyReader.Scalar(bench.DatabasePath, "SELECT COUNT(*) FROM Orders_Lines"));
        Assert.Equal("Timestamp", CopyReader.Rows(bench.DatabasePath, "SELECT column_kind FROM h3yun_columns WHERE field_code = 'F0000002'")[0]["column_kind"]);
    }

    [Fact]
    public async Task A_child_field_whose_type_changes_its_column_is_refused_with_the_SQL_for_the_whole_form()
    {
        await using var bench = await SyncBench.StartAsync();
        await bench.CreateAsync("a", 1m, false, ("x", 1m));
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        await bench.NewSync().RunAsync();
        RewriteSchema(bench, "{ \"Name\": \"F0000012\", \"DisplayName\": \"数量\", \"DataType\": \"Double\" }", "{ \"Name\": \"F0000012\", \"DataType\": \"Bool\" }");

        var error = await Assert.ThrowsAsync<H3YunSyncException>(() => bench.NewSync().RunAsync());

        Assert.Equal(
            "The field F0000012 (no display name) of the form D000900FLines was Double and is now Bool, which needs a Boolean column where the table Orders_Lines has a Decimal column '数量'. "
            + "Nothing was changed. To copy the form D000900Order again from H3Yun, run: " + Rebuild + " then run the sync again, which copies the form whole.",
            error.Message);
    }

    private const string Rebuild = "DROP TABLE IF EXISTS \"Orders\"; DROP TABLE IF EXISTS \"Orders_Lines\"; "
        + "DELETE FROM h3yun_columns WHERE schema_code IN ('D000900Order', 'D000900FLines'); DELETE FROM h3yun_forms WHERE schema_code IN ('D000900Order', 'D000900FLines');";

    [Fact]
    public async Task A_field_added_to_the_schema_adds_a_column_filled_from_the_copied_json_and_a_removed_one_keeps_its_column()
    {
        await using var bench = await SyncBench.StartAsync();
        await bench.CreateAsync("a", 1m);
        await bench.CreateAsync("b", 2m, done: true);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        RewriteSchema(bench, "{ \"Name\": \"F0000003\", \"DisplayName\": \"交期\", \"DataType\": 5 },", string.Empty);
        RewriteSchema(bench, "{ \"Name\": \"F0000004\", \"DisplayName\": \"完成\", \"DataType\": \"Bool\" },", string.Empty);
        await bench.NewSync().RunAsync();
        Assert.DoesNotContain("交期", CopyReader.Rows(bench.DatabasePath, "SELECT * FROM Orders")[0].Keys);

        File.Copy(Path.Combine(AppContext.BaseDirectory, "Schemas", "Order.h3form.json"), Path.Combine(bench.SchemaFolder, "Order.h3form.json"), overwrite: true);
        var report = await bench.NewSync().RunAsync();

        Assert.Equal(2, report.Forms[0].ColumnsAdded);
        // Each row filled from its own JSON.
        var rows = CopyReader.Rows(bench.DatabasePath, "SELECT 标题, 交期, 完成 FROM Orders ORDER BY 标题");
        Assert.Equal([("a", "2026-05-01 10:00:00", 0L), ("b", "2026-05-01 10:00:00", 1L)], rows.Select(row => (row["标题"], row["交期"], row["完成"])));
        RewriteSchema(bench, "{ \"Name\": \"F0000004\", \"DisplayName\": \"完成\", \"DataType\": \"Bool\" },", string.Empty);
        await bench.NewSync().RunAsync();
        Assert.Contains("完成", CopyReader.Rows(bench.DatabasePath, "SELECT * FROM Orders")[0].Keys);
    }

    [Fact]
    public async Task An_unreachable_database_is_one_clear_error_before_any_request()
    {
        await using var bench = await SyncBench.StartAsync();
        var blocker = Path.Combine(bench.Folder, "a-file");
        await File.WriteAllTextAsync(blocker, "not a folder");

        var error = await Assert.ThrowsAsync<H3YunSyncException>(() => bench.NewSync(target: Path.Combine(blocker, "copy.db")).RunAsync());

        Assert.StartsWith("Cannot open the SQLite database", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, bench.Hook.Sent);
    }

    [Fact]
    public async Task A_read_only_database_is_one_clear_error_and_no_cursor_moves()
    {
        await using var bench = await SyncBench.StartAsync();
        await bench.CreateAsync("a", 1m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        await bench.NewSync().RunAsync();
        await bench.CreateAsync("b", 1m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        var sent = bench.Hook.Sent;

        // Opened read-only (file permissions do not stop root, who runs CI): the first write fails before any request.
        var error = await Assert.ThrowsAsync<H3YunSyncException>(() => bench.NewSync(target: $"Data Source={bench.DatabasePath};Mode=ReadOnly").RunAsync());

        Assert.StartsWith("Cannot write the SQLite database", error.Message, StringComparison.Ordinal);
        Assert.Contains("no cursor moved", error.Message, StringComparison.Ordinal);
        Assert.Equal(sent, bench.Hook.Sent);
        Assert.Equal(1, CopyReader.Scalar(bench.DatabasePath, "SELECT COUNT(*) FROM Orders"));

        // The failed run let go of the database: the next one, writable, copies the rest.
        await bench.NewSync().RunAsync();
        Assert.Equal(2, CopyReader.Scalar(bench.DatabasePath, "SELECT COUNT(*) FROM Orders"));
    }

    [Fact]
    public async Task A_schema_file_that_does_not_read_and_a_form_without_a_file_are_refused_by_name()
    {
        await using var bench = await SyncBench.StartAsync();
        var unknown = new H3YunSync(bench.Client, new H3YunSyncOptions { SchemaFolder = bench.SchemaFolder, Target = bench.DatabasePath, Forms = ["D000900Nope"] });
        var missing = await Assert.ThrowsAsync<H3YunSyncException>(() => unknown.RunAsync());
        await File.WriteAllTextAsync(Path.Combine(bench.SchemaFolder, "Bad.h3form.json"), "{ \"SchemaCode\": \"X\", ");
        var bad = await Assert.ThrowsAsync<H3YunSyncException>(() => bench.NewSync().RunAsync());

        Assert.Contains("D000900Nope", missing.Message, StringComparison.Ordinal);
        Assert.Contains("Bad.h3form.json", bad.Message, StringComparison.Ordinal);
        Assert.Equal(0, bench.Hook.Sent);
    }

    private static void RewriteSchema(SyncBench bench, string from, string to)
    {
        var path = Path.Combine(bench.SchemaFolder, "Order.h3form.json");
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }
}
