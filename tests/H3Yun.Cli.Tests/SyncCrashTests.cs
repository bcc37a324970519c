using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using H3Yun.Emulator;
using H3Yun.OpenApi;
using H3Yun.Sync.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace H3Yun.Cli.Tests;

/// <summary>
/// The <c>h3yun sync</c> process killed with SIGKILL at random moments of a copy of 5,000 records (a fixed seed), several
/// times, then run to completion, into SQLite and into a real PostgreSQL server (the tests start their own). The built
/// CLI runs as a separate process (<c>dotnet H3Yun.Cli.dll</c>) against the emulator in this process on a loopback port.
/// After every kill the cursor is never ahead of the committed rows (every record modified before it is in the copy);
/// at the end the copy's ObjectIds are the emulator's, without a duplicate.
/// </summary>
[Collection(PostgreSqlTestGroup.Name)]
public class SyncCrashTests(PostgreSqlServer postgres)
{
    private const string Customer = "D000024Customer";
    private const int Records = 5000;

    [Theory]
    [InlineData("SQLite")]
    [InlineData("PostgreSQL")]
    public async Task Killed_at_random_moments_the_copy_resumes_from_its_cursor_and_ends_equal_to_the_source(string dialect)
    {
        var clock = new SteppedClock(DateTimeOffset.UtcNow - TimeSpan.FromHours(2));
        var options = new H3YunEmulatorOptions { Clock = clock };
        options.SchemaFiles.Add(Cli.RepositorySchema("Customer.h3form.json"));
        await using var emulator = await H3YunEmulator.StartAsync(options);
        using var folder = new TempFolder();
        folder.Write("schemas/Customer.h3form.json", File.ReadAllText(Cli.RepositorySchema("Customer.h3form.json")));
        var modified = await CreateRecordsAsync(emulator, clock);
        var database = dialect == "PostgreSQL" ? await postgres.CreateDatabaseAsync() : folder.File("h3yun.db");
        var random = new Random(25);
        var kills = 0;

        for (var attempt = 0; attempt < 12 && kills < 5; attempt++)
        {
            var (exited, _) = await RunCliAsync(emulator, folder.Path, database, killAfter: TimeSpan.FromMilliseconds(random.Next(600, 3000)));
            if (!exited)
            {
                kills++;
            }

            AssertCursorNotAheadOfRows(database, modified);
        }

        var (done, output) = await RunCliAsync(emulator, folder.Path, database, killAfter: null);

        Assert.True(done, output);
        Assert.True(kills >= 3, $"only {kills} run(s) were killed before the copy finished: {output}");
        var copied = Ids(database, "SELECT \"ObjectId\" FROM \"Customer\"");
        Assert.Equal(Records, copied.Count);
        Assert.Equal(copied.Count, copied.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(modified.Keys.Order(StringComparer.Ordinal), copied.Order(StringComparer.Ordinal));
        Assert.Equal(Records, emulator.Count(Customer));
        AssertCursorNotAheadOfRows(database, modified);
    }

    /// <summary>5,000 records over 100 seconds of the emulator's clock, 50 a second; their ModifiedTime by ObjectId.</summary>
    private static async Task<Dictionary<string, string>> CreateRecordsAsync(H3YunEmulator emulator, SteppedClock clock)
    {
        using var writer = new H3YunClient(new H3YunClientOptions { BaseAddress = emulator.BaseAddress, EngineCode = emulator.EngineCode, EngineSecret = emulator.EngineSecret, RequestsPerSecond = null });
        var modified = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var second = 0; second < Records / 50; second++)
        {
            var batch = Enumerable.Range(0, 50).Select(async i =>
            {
                var json = JsonSerializer.Serialize(new Dictionary<string, object> { ["F0000001"] = $"客户 {second}-{i}", ["F0000004"] = second + (i / 100m) });
                var data = await writer.InvokeAsync(OpenApiRequest.CreateBizObject(Customer, json, isSubmit: true));
                return data.GetProperty("BizObjectId").GetString()!;
            });
            foreach (var id in await Task.WhenAll(batch))
            {
                modified[id] = ((string)emulator.Find(Customer, id)!["ModifiedTime"]!).Trim();
            }

            clock.Advance(TimeSpan.FromSeconds(1));
        }

        return modified;
    }

    /// <summary>Runs the built CLI; kills it (SIGKILL) after <paramref name="killAfter"/> unless it ended first.</summary>
    private static async Task<(bool Exited, string Output)> RunCliAsync(H3YunEmulator emulator, string folder, string target, TimeSpan? killAfter)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "H3Yun.Cli.dll"), "sync", "--to", target, "--requests-per-second", "4" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Cli.EnvironmentFor(emulator))
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(killAfter ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(); // SIGKILL: no finally, no dispose, no rollback by the process itself
            await process.WaitForExitAsync();
            return (false, await output + await error);
        }

        var text = await output + await error;
        return process.ExitCode == 0 ? (true, text) : throw new Xunit.Sdk.XunitException($"h3yun sync exited with {process.ExitCode}: {text}");
    }

    /// <summary>Every record modified before the committed cursor is in the committed rows.</summary>
    private static void AssertCursorNotAheadOfRows(string database, Dictionary<string, string> modified)
    {
        if (!IsPostgreSql(database) && !File.Exists(database))
        {
            return;
        }

        if (IsPostgreSql(database) && Ids(database, "SELECT table_name FROM information_schema.tables WHERE table_name = 'h3yun_forms'").Count == 0)
        {
            return;
        }

        var cursorRows = Ids(database, "SELECT cursor_time FROM h3yun_forms WHERE schema_code = 'D000024Customer' AND cursor_time IS NOT NULL");
        if (cursorRows.Count == 0)
        {
            return;
        }

        var cursor = cursorRows[0];
        var copied = Ids(database, "SELECT \"ObjectId\" FROM \"Customer\"").ToHashSet(StringComparer.Ordinal);
        var missing = modified.Where(record => string.CompareOrdinal(Normal(record.Value), cursor) < 0 && !copied.Contains(record.Key)).ToList();
        Assert.True(missing.Count == 0, $"the cursor {cursor} is ahead of {missing.Count} record(s) not copied, e.g. {missing.FirstOrDefault()}");
    }

    private static string Normal(string time) =>
        DateTime.Parse(time, CultureInfo.InvariantCulture).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static bool IsPostgreSql(string target) => target.StartsWith("Host=", StringComparison.OrdinalIgnoreCase);

    private static List<string> Ids(string database, string sql)
    {
        using System.Data.Common.DbConnection connection = IsPostgreSql(database)
            ? new NpgsqlConnection(database)
            : new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        private long _ticks = start.UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
