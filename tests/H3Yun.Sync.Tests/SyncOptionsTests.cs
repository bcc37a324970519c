using H3Yun.Sync.Storage.PostgreSql;
using H3Yun.Sync.Storage.Sqlite;
using H3Yun.Sync.Tests.Support;

namespace H3Yun.Sync.Tests;

/// <summary>What the copy checks before its first request: its options, the forms it selects, and what kind of database a target names.</summary>
public class SyncOptionsTests
{
    [Fact]
    public void A_missing_client_options_or_target_and_a_negative_lag_or_overlap_are_refused_when_the_copy_is_made()
    {
        using var client = new H3YunClient(new H3YunClientOptions { EngineCode = "e", EngineSecret = "s" });

        Assert.Throws<ArgumentNullException>(() => new H3YunSync(null!, new H3YunSyncOptions()));
        Assert.Throws<ArgumentNullException>(() => new H3YunSync(client, null!));
        Assert.Throws<ArgumentException>(() => new H3YunSync(client, new H3YunSyncOptions { Target = " " }));
        var lag = Assert.Throws<ArgumentOutOfRangeException>(() => new H3YunSync(client, new H3YunSyncOptions { Lag = TimeSpan.FromTicks(-1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new H3YunSync(client, new H3YunSyncOptions { Overlap = TimeSpan.FromTicks(-1) }));
        Assert.StartsWith("Lag and Overlap cannot be negative.", lag.Message, StringComparison.Ordinal);
        Assert.NotNull(new H3YunSync(client, new H3YunSyncOptions { Lag = TimeSpan.Zero, Overlap = TimeSpan.Zero }));
    }

    [Fact]
    public void The_defaults_copy_every_form_of_schemas_into_h3yun_db_ten_seconds_behind_reading_a_minute_again()
    {
        var options = new H3YunSyncOptions();

        Assert.Equal("schemas", options.SchemaFolder);
        Assert.Equal("h3yun.db", options.Target);
        Assert.Empty(options.Forms);
        Assert.Empty(options.TableNames);
        Assert.False(options.Reconcile);
        Assert.Equal(DeletionMode.Delete, options.Deletions);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Lag);
        Assert.Equal(TimeSpan.FromSeconds(60), options.Overlap);
        Assert.Same(TimeProvider.System, options.Clock);
    }

    [Fact]
    public async Task A_schema_folder_without_a_schema_file_is_refused_before_any_request()
    {
        await using var bench = await SyncBench.StartAsync();
        File.Delete(Path.Combine(bench.SchemaFolder, "Order.h3form.json"));

        var error = await Assert.ThrowsAsync<H3YunSyncException>(() => bench.NewSync().RunAsync());

        Assert.Equal($"The schema folder '{bench.SchemaFolder}' has no *.h3form.json file; pull the forms' schemas with 'h3yun schema pull'.", error.Message);
        Assert.Equal(0, bench.Hook.Sent);
    }

    [Fact]
    public async Task A_missing_schema_folder_is_refused_naming_it()
    {
        await using var bench = await SyncBench.StartAsync();
        var missing = Path.Combine(bench.Folder, "missing");

        var error = await Assert.ThrowsAsync<H3YunSyncException>(() => new H3YunSync(bench.Client, bench.Options(schemaFolder: missing)).RunAsync());

        Assert.Equal($"The schema folder '{missing}' does not exist. Pull the forms' schemas with 'h3yun schema pull', or name the folder.", error.Message);
        Assert.Equal(0, bench.Hook.Sent);
    }

    [Fact]
    public async Task A_form_selected_without_its_schema_file_is_refused_naming_the_pull_that_fetches_it()
    {
        await using var bench = await SyncBench.StartAsync();

        var error = await Assert.ThrowsAsync<H3YunSyncException>(() => new H3YunSync(bench.Client, bench.Options(forms: [SyncBench.Form, "D000900Missing"])).RunAsync());

        Assert.Equal($"The form D000900Missing has no schema file in '{bench.SchemaFolder}'; pull it with 'h3yun schema pull --form D000900Missing'.", error.Message);
        Assert.Equal(0, bench.Hook.Sent);
    }

    [Fact]
    public async Task Only_the_selected_forms_are_copied()
    {
        await using var bench = await SyncBench.StartAsync();
        File.WriteAllText(Path.Combine(bench.SchemaFolder, "Other.h3form.json"), """{ "SchemaCode": "D000900Other", "Properties": [ { "Name": "F0000001", "DataType": "String" } ] }""");
        await bench.CreateAsync("a", 1m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));

        var report = await new H3YunSync(bench.Client, bench.Options(forms: [SyncBench.Form])).RunAsync();

        Assert.Equal([SyncBench.Form], report.Forms.Select(form => form.SchemaCode));
        Assert.Equal(1, bench.Scalar("SELECT COUNT(*) FROM Orders"));
    }

    // The databases are flags, not names: the mutation runs leave out every test whose display name says PostgreSQL.
    [Theory]
    [InlineData("copy.db", false, "copy.db")]
    [InlineData("Data Source=copy.db;Mode=ReadWriteCreate", false, "copy.db")]
    [InlineData("Host=db.example;Database=copy;Username=u;Password=p", true, "db.example:5432/copy")]
    [InlineData(" server = db.example ; Port=5433; Database=copy", true, "db.example:5433/copy")]
    [InlineData("postgres://u:p@db.example:5433/copy", true, "db.example:5433/copy")]
    [InlineData("Postgres://u@db.example/my%20copy", true, "db.example:5432/my copy")]
    public void A_target_names_a_SQLite_file_or_a_database_on_a_server_shown_without_its_secrets(string target, bool server, string shown)
    {
        var chosen = SyncTarget.Dialect(target);

        Assert.Equal(server ? "PostgreSQL" : "SQLite", chosen.Name);
        Assert.Equal(shown, chosen.Target);
        Assert.IsType(server ? typeof(PostgreSqlDialect) : typeof(SqliteDialect), chosen);
    }
}
