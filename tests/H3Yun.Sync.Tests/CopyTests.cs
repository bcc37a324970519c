using H3Yun.Sync.Tests.Support;

namespace H3Yun.Sync.Tests;

/// <summary>
/// The copy against the emulator, into SQLite and into a real PostgreSQL server: tables, types, increments, a crowded
/// second, deletions.
/// </summary>
[Collection(PostgreSqlTestGroup.Name)]
public class CopyTests(PostgreSqlServer postgres)
{
    public static TheoryData<string> Dialects => ["SQLite", "PostgreSQL"];

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_first_run_copies_records_and_child_rows_into_typed_columns_and_keeps_the_json(string dialect)
    {
        await using var bench = await StartAsync(dialect);
        var id = await bench.CreateAsync("第一", 12.50m, true, ("螺丝", 3m), ("螺母", 0.125m));
        bench.Clock.Advance(TimeSpan.FromSeconds(5));

        var report = await bench.NewSync().RunAsync();

        var form = Assert.Single(report.Forms);
        Assert.Equal("Orders", form.TableName);
        Assert.Equal(1, form.RowsUpserted);
        var row = Assert.Single(bench.Rows("SELECT * FROM \"Orders\""));
        Assert.Equal(id, row["ObjectId"]);
        Assert.Equal("第一", row["标题"]);
        Assert.Equal("12.50", row["金额"]);
        Assert.Equal(1L, row["完成"]);
        Assert.Equal("2026-05-01 10:00:00", row["交期"]);
        Assert.Equal("2026-05-01 10:00:00", row["CreatedTime"]);
        Assert.Contains("\"F0000001\"", (string)row["_json"]!, StringComparison.Ordinal);
        var lines = bench.Rows("SELECT * FROM \"Orders_Lines\" ORDER BY _row_index");
        Assert.Equal(["螺丝", "螺母"], lines.Select(line => line["品名"]));
        Assert.Equal(["3", "0.125"], lines.Select(line => line["数量"]));
        Assert.All(lines, line => Assert.Equal(id, line["ParentObjectId"]));
        var columns = bench.Rows("SELECT * FROM h3yun_columns WHERE schema_code = 'D000900FLines' AND field_code = 'F0000012'");
        Assert.Equal("Orders_Lines", Assert.Single(columns)["table_name"]);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task An_incremental_run_when_nothing_changed_costs_one_request_and_a_changed_record_is_copied_again(string dialect)
    {
        await using var bench = await StartAsync(dialect);
        var id = await bench.CreateAsync("a", 1m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        await bench.NewSync().RunAsync();

        bench.Clock.Advance(TimeSpan.FromSeconds(30));
        var idle = await bench.NewSync().RunAsync();
        await bench.UpdateAsync(id, "b", 2m, false, null);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        var changed = await bench.NewSync().RunAsync();

        Assert.Equal(1, idle.Requests);
        Assert.Equal(1, changed.Requests);
        Assert.Equal("b", bench.Rows("SELECT 标题 FROM \"Orders\"")[0]["标题"]);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task More_than_500_records_in_one_second_are_all_copied_by_ObjectId_prefixes(string dialect)
    {
        await using var bench = await StartAsync(dialect);
        bench.Clock.Advance(TimeSpan.FromSeconds(10));
        var ids = new HashSet<string>();
        for (var i = 0; i < 1200; i++)
        {
            ids.Add(await bench.CreateAsync($"import {i}", i)); // the clock stands still: one second
        }

        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        var report = await bench.NewSync().RunAsync();

        Assert.Equal(ids.Order(StringComparer.Ordinal), bench.CopiedIds());
        Assert.Equal(1200, report.Forms[0].RowsUpserted);
        Assert.True(report.Requests >= 1 + 16 + 1, $"{report.Requests} requests");
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_full_copy_commits_every_row_of_each_answer_whose_next_count_proves_it(string dialect)
    {
        await using var bench = await StartAsync(dialect);
        var ids = await ImportOnePerSecondAsync(bench, 1500);

        var report = await bench.NewSync().RunAsync();

        // Below the entry bound: [-, E) counts 1,500 and answers the earliest 500; [after them, E) counts 1,000, which
        // proves those 500 whole, and answers the next 500; then 500, whole. Above it: one request for the last seconds.
        Assert.Equal(4, report.Requests);
        Assert.Equal(1500, report.RowsUpserted);
        Assert.Equal(ids, bench.CopiedIds());

        // The report's cursor is the one the last commit stored: the run's bound, every record below it copied.
        var stored = Assert.Single(bench.Rows("SELECT cursor_time FROM h3yun_forms WHERE schema_code = 'D000900Order'"))["cursor_time"];
        Assert.Equal(report.Upper, report.Forms[0].Cursor);
        Assert.Equal(stored, report.Forms[0].Cursor?.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_reading_failure_is_reported_only_once_the_rows_proven_before_it_are_committed()
    {
        await using var bench = await StartAsync("SQLite");
        var ids = await ImportOnePerSecondAsync(bench, 1500);
        // Another writer holds the copy's write lock from the second request on, and lets go a second after the third
        // request fails: the commit of the 500 rows the second request proved waits for it.
        await using var writer = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={bench.DatabasePath};Pooling=False");
        Task? letGo = null;
        var first = bench.Hook.Sent;
        bench.Hook.Before = async number =>
        {
            if (number - first == 2)
            {
                await writer.OpenAsync();
                using var begin = writer.CreateCommand();
                begin.CommandText = "BEGIN IMMEDIATE";
                await begin.ExecuteNonQueryAsync();
            }
            else if (number - first == 3)
            {
                letGo = Task.Run(async () =>
                {
                    await Task.Delay(TimeSpan.FromSeconds(1));
                    using var rollback = writer.CreateCommand();
                    rollback.CommandText = "ROLLBACK";
                    await rollback.ExecuteNonQueryAsync();
                });
                throw new HttpRequestException("H3Yun is out of reach");
            }
        };

        var error = await Record.ExceptionAsync(() => bench.NewSync().RunAsync());

        Assert.IsAssignableFrom<H3YunException>(error);
        Assert.Equal(500, bench.Scalar("SELECT COUNT(*) FROM \"Orders\""));
        Assert.NotNull(Assert.Single(bench.Rows("SELECT cursor_time FROM h3yun_forms WHERE schema_code = 'D000900Order'"))["cursor_time"]);
        await letGo!;
        bench.Hook.Before = null;
        await bench.NewSync().RunAsync();
        Assert.Equal(ids, bench.CopiedIds());
    }

    [Fact]
    public async Task Answers_lacking_some_of_an_oversized_windows_rows_cost_requests_never_rows()
    {
        await using var bench = await StartAsync("SQLite");
        var ids = await ImportOnePerSecondAsync(bench, 1500);
        var random = new Random(3);
        bench.Hook.Rewrite = body =>
        {
            // Still in ascending time, so the cut after the answer's rows looks right: only the next count shows the gap.
            var envelope = System.Text.Json.Nodes.JsonNode.Parse(body)!;
            if (envelope["ReturnData"] is System.Text.Json.Nodes.JsonObject data && (long?)data["TotalCount"] > 500 && data["BizObjectArray"] is System.Text.Json.Nodes.JsonArray rows)
            {
                rows.RemoveAt(random.Next(rows.Count));
            }

            return envelope.ToJsonString();
        };

        var report = await bench.NewSync().RunAsync();

        Assert.True(report.Requests > 4, $"{report.Requests} requests");
        Assert.Equal(1500, bench.Scalar("SELECT COUNT(*) FROM \"Orders\""));
        Assert.Equal(ids, bench.CopiedIds());
    }

    /// <summary>Records stamped one a second, in creation order, ending a minute before the bench's clock.</summary>
    private static async Task<List<string>> ImportOnePerSecondAsync(SyncBench bench, int count)
    {
        var start = bench.ChinaNow.AddSeconds(-count - 60);
        var records = Enumerable.Range(0, count).Select(i => (Guid.NewGuid().ToString(), start.AddSeconds(i))).ToList();
        await bench.SeedAsync(records);
        return [.. records.Select(record => record.Item1).Order(StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task The_reconcile_deletes_what_H3Yun_no_longer_has_or_marks_it(string dialect)
    {
        await using var bench = await StartAsync(dialect);
        var keep = await bench.CreateAsync("keep", 1m, false, ("x", 1m));
        var gone = await bench.CreateAsync("gone", 2m, false, ("y", 1m));
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        await bench.NewSync().RunAsync();
        var clean = await bench.NewSync(reconcile: true).RunAsync();
        await bench.RemoveAsync(gone);
        var progress = new List<SyncProgress>();

        var report = await bench.NewSync(reconcile: true, progress: new InlineProgress<SyncProgress>(progress.Add)).RunAsync();

        // The copy's one window, the listing's two (below and above the floor year), and an ObjectId In query only on
        // what the listing lacks: none while nothing is gone, then one on the record that is.
        Assert.Equal((3, 0), (clean.Requests, clean.RowsDeleted));
        Assert.Equal((4, 1), (report.Requests, report.RowsDeleted));
        Assert.Equal(("reconcile", 4L, 1L), (progress[^1].Phase, progress[^1].Requests, progress[^1].RowsDeleted)); // the deletion is reported
        Assert.Equal([keep], bench.Rows("SELECT \"ObjectId\" FROM \"Orders\"").Select(row => row["ObjectId"]));
        Assert.Equal([keep], bench.Rows("SELECT \"ParentObjectId\" FROM \"Orders_Lines\"").Select(row => row["ParentObjectId"]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3600)]
    public async Task The_reconcile_asks_nothing_about_a_copied_record_created_at_or_after_its_bound(int secondsAfter)
    {
        // A record stamped as created at or after the run's bound but modified before it: the copy takes it (by
        // ModifiedTime); the listing (by CreatedTime, below the bound) cannot have seen it, so it is no candidate.
        await using var bench = await SyncBench.StartAsync();
        var upper = bench.ChinaNow.AddSeconds(-1); // the bench's lag is a second
        var id = Guid.NewGuid().ToString();
        await bench.SeedAsync([(id, upper.AddSeconds(secondsAfter), bench.ChinaNow.AddSeconds(-60))]);
        await bench.NewSync().RunAsync();

        var report = await bench.NewSync(reconcile: true).RunAsync();

        // The copy's one window and the listing's two: no ObjectId In query.
        Assert.Equal(upper, report.Upper);
        Assert.Equal((3, 0), (report.Requests, report.RowsDeleted));
        Assert.Equal([id], bench.CopiedIds());
    }

    [Fact]
    public async Task A_record_the_listing_missed_is_confirmed_alive_and_kept_and_the_reconcile_asks_for_ObjectIds_only()
    {
        await using var bench = await SyncBench.StartAsync();
        var keep = await bench.CreateAsync("keep", 1m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        await bench.NewSync().RunAsync();
        var first = bench.Hook.Bodies.Count;
        bench.Hook.Rewrite = body =>
        {
            var envelope = System.Text.Json.Nodes.JsonNode.Parse(body)!;
            if (envelope["ReturnData"]?["BizObjectArray"] is System.Text.Json.Nodes.JsonArray rows && bench.Hook.Sent - first is 2 or 3)
            {
                rows.Clear(); // the listing's windows (after the copy's) miss the record
                envelope["ReturnData"]!["TotalCount"] = 0;
            }

            return envelope.ToJsonString();
        };

        var report = await bench.NewSync(reconcile: true).RunAsync();

        Assert.Equal((4, 0), (report.Requests, report.RowsDeleted));
        Assert.Equal([keep], bench.CopiedIds());
        var returnItems = bench.Hook.ReturnItemsSent.Skip(first).ToList();
        Assert.Equal(["", "ObjectId", "ObjectId", "ObjectId"], returnItems); // the copy's window reads whole records
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task The_reconcile_can_mark_deleted_records_instead(string dialect)
    {
        await using var bench = await StartAsync(dialect);
        var gone = await bench.CreateAsync("gone", 2m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        await bench.NewSync().RunAsync();
        await bench.RemoveAsync(gone);

        await bench.NewSync(reconcile: true, deletions: DeletionMode.Mark).RunAsync();

        Assert.NotNull(Assert.Single(bench.Rows("SELECT _deleted_at FROM \"Orders\""))["_deleted_at"]);
    }

    [Fact]
    public async Task The_meta_tables_record_each_tables_form_parent_and_schema_and_a_reconcile_reports_its_phase()
    {
        await using var bench = await StartAsync("SQLite");
        await bench.CreateAsync("a", 1m, false, ("x", 1m));
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        var progress = new List<SyncProgress>();

        await bench.NewSync(reconcile: true, progress: new InlineProgress<SyncProgress>(progress.Add)).RunAsync();

        var forms = bench.Rows("SELECT schema_code, parent_schema_code, table_name, schema_json FROM h3yun_forms ORDER BY table_name");
        Assert.Equal(
            [(SyncBench.Form, (string?)null, "Orders"), (SyncBench.Lines, SyncBench.Form, "Orders_Lines")],
            forms.Select(row => ((string)row["schema_code"]!, (string?)row["parent_schema_code"], (string)row["table_name"]!)));
        Assert.Contains("\"D000900Order\"", (string)forms[0]["schema_json"]!, StringComparison.Ordinal);
        Assert.StartsWith("{", ((string)forms[1]["schema_json"]!).TrimStart(), StringComparison.Ordinal);
        Assert.Contains("\"D000900FLines\"", (string)forms[1]["schema_json"]!, StringComparison.Ordinal);
        Assert.NotEqual(forms[0]["schema_json"], forms[1]["schema_json"]);
        Assert.Equal(["copy", "reconcile"], progress.Select(step => step.Phase).Distinct());
    }

    [Fact]
    public async Task The_copy_describes_its_columns_indexes_its_times_and_records_when_it_ran_and_reconciled()
    {
        await using var bench = await StartAsync("SQLite");
        await bench.CreateAsync("a", 1m, false, ("x", 1m));
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        await bench.NewSync().RunAsync();
        var beforeReconcile = Assert.Single(bench.Rows("SELECT last_run_at, last_reconcile_at FROM h3yun_forms WHERE schema_code = 'D000900Order'"));

        await bench.NewSync(reconcile: true).RunAsync();

        var columns = bench.Rows("SELECT field_code, role, column_name, column_kind, note FROM h3yun_columns WHERE schema_code = 'D000900Order'")
            .ToDictionary(row => ((string)row["field_code"]!, (string)row["role"]!));
        Assert.Equal(("ModifiedTime", "Timestamp", "China Standard Time (UTC+8), as H3Yun's clock, without an offset"), Describe(columns[("ModifiedTime", "value")]));
        Assert.Equal(("OwnerId_name", "Text", "display names as H3Yun answered them"), Describe(columns[("OwnerId", "name")]));
        Assert.Equal(("OwnerId", "Text", null), Describe(columns[("OwnerId", "value")]));
        var indexes = bench.Rows("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%' ORDER BY name").Select(row => (string)row["name"]!);
        Assert.Equal(["ix_Orders_CreatedTime", "ix_Orders_Lines_ParentObjectId", "ix_Orders_ModifiedTime"], indexes);
        Assert.NotNull(beforeReconcile["last_run_at"]);
        Assert.Null(beforeReconcile["last_reconcile_at"]);
        var afterReconcile = Assert.Single(bench.Rows("SELECT last_run_at, last_reconcile_at FROM h3yun_forms WHERE schema_code = 'D000900Order'"));
        var lastStart = Assert.Single(bench.Rows("SELECT meta_value FROM h3yun_meta WHERE meta_key = 'last_start'"))["meta_value"];
        Assert.All(
            [beforeReconcile["last_run_at"], afterReconcile["last_run_at"], afterReconcile["last_reconcile_at"], lastStart],
            time => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}\+00:00$", (string)time!)); // UTC, ISO 8601

        static (string?, string?, string?) Describe(Dictionary<string, object?> row) =>
            ((string?)row["column_name"], (string?)row["column_kind"], (string?)row["note"]);
    }

    private async Task<SyncBench> StartAsync(string dialect) =>
        await SyncBench.StartAsync(dialect == "PostgreSQL" ? await postgres.CreateDatabaseAsync() : null);
}
