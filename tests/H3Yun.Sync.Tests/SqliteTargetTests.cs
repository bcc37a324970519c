using H3Yun.Sync.Tests.Support;

namespace H3Yun.Sync.Tests;

/// <summary>
/// What a SQLite copy is as a file: in WAL mode (readers never block the copy), columns declared INTEGER or TEXT,
/// booleans as 0 and 1, closed when the run ends, and locked by a file beside it that the run must be able to create.
/// </summary>
public class SqliteTargetTests
{
    [Fact]
    public async Task The_copy_is_a_WAL_file_that_the_run_leaves_closed()
    {
        await using var bench = await SyncBench.StartAsync();
        await bench.CreateAsync("a", 1m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));

        await bench.NewSync().RunAsync();

        // SQLite folds the WAL into the file when its last connection closes: a connection the run kept open (a pool)
        // would leave the WAL file behind.
        Assert.True(File.Exists(bench.DatabasePath));
        Assert.False(File.Exists(bench.DatabasePath + "-wal"), "the run left a connection open");
        Assert.Equal("wal", Assert.Single(bench.Rows("PRAGMA journal_mode"))["journal_mode"]);
    }

    [Fact]
    public async Task Columns_are_declared_INTEGER_or_TEXT_and_booleans_are_stored_as_0_and_1()
    {
        await using var bench = await SyncBench.StartAsync();
        var done = await bench.CreateAsync("done", 1.5m, done: true);
        var open = await bench.CreateAsync("open", 2m, done: false);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));

        await bench.NewSync().RunAsync();

        var types = bench.Rows("PRAGMA table_info(\"Orders\")").ToDictionary(column => (string)column["name"]!, column => column["type"]);
        Assert.Equal("TEXT", types["ObjectId"]);
        Assert.Equal("TEXT", types["金额"]);
        Assert.Equal("INTEGER", types["完成"]);
        Assert.Equal("TEXT", types["交期"]);
        Assert.Equal("TEXT", types["_json"]);
        Assert.Equal(1L, bench.Scalar($"SELECT \"完成\" FROM \"Orders\" WHERE \"ObjectId\" = '{done}'"));
        Assert.Equal(0L, bench.Scalar($"SELECT \"完成\" FROM \"Orders\" WHERE \"ObjectId\" = '{open}'"));
    }

    [Fact]
    public async Task A_database_of_ones_own_opened_read_only_is_refused_at_the_first_write_not_at_the_open()
    {
        // A file in SQLite's default journal mode, which a read-only connection cannot switch to WAL.
        await using var bench = await SyncBench.StartAsync();
        CopyReader.Execute(bench.DatabasePath, "CREATE TABLE reports (id INTEGER)");

        var error = await Assert.ThrowsAsync<H3YunSyncException>(() => bench.NewSync(target: $"Data Source={bench.DatabasePath};Mode=ReadOnly").RunAsync());

        Assert.StartsWith("Cannot write the SQLite database", error.Message, StringComparison.Ordinal);
        Assert.Equal("delete", Assert.Single(bench.Rows("PRAGMA journal_mode"))["journal_mode"]);
        Assert.Equal(0, bench.Hook.Sent);
    }

    [Fact]
    public async Task A_lock_file_that_cannot_be_created_is_one_clear_error_before_any_request()
    {
        await using var bench = await SyncBench.StartAsync();
        await bench.CreateAsync("a", 1m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        var lockPath = bench.DatabasePath + ".sync-lock";
        Directory.CreateDirectory(lockPath); // a folder where the lock file goes stops even root, who runs CI

        var error = await Assert.ThrowsAsync<H3YunSyncException>(() => bench.NewSync().RunAsync());

        Assert.StartsWith($"Cannot create the lock file {lockPath} beside the database {bench.DatabasePath}: ", error.Message, StringComparison.Ordinal);
        Assert.IsType<UnauthorizedAccessException>(error.InnerException);
        Assert.Equal(0, bench.Hook.Sent);
    }
}
