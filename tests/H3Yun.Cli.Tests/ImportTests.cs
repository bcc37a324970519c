using System.Text;
using System.Text.Json;
using H3Yun.Emulator;
using H3Yun.OpenApi;
using MiniExcelLibs;

namespace H3Yun.Cli.Tests;

/// <summary>
/// <c>h3yun import</c> in-process against the emulator, with real .xlsx files written by MiniExcel: the plan, the
/// writes, a second run that writes nothing, changed cells updating only their fields, a dry run, drafts, the report,
/// child rows from a second sheet, hostile files refused before any request, and runs again after faults.
/// </summary>
public class ImportTests
{
    private const string SalesOrder = "D000024SalesOrder";

    [Fact]
    public async Task An_import_creates_then_a_second_run_writes_nothing_and_a_changed_cell_updates_only_its_field()
    {
        await using var import = await ImportSite.StartAsync();
        var rows = Orders(3);
        var file = import.Xlsx("orders.xlsx", rows, Lines(("SO-1", "扇贝", 2), ("SO-1", "虾", 1), ("SO-3", "蟹", 5)));

        var first = await import.RunAsync(file);

        Assert.True(first.ExitCode == 0, first.All);
        first.AssertNoStackTrace();
        Assert.Equal(2, import.Emulator.Requests.Count); // the stated cost: ⌈3/500⌉ lookups + ⌈3/100⌉ creates
        Assert.Contains("Plan: 3 to create, 0 to update, 0 unchanged", first.Output, StringComparison.Ordinal);
        Assert.Contains("Imported 3 row(s) into D000024SalesOrder: 3 created, 0 updated, 0 unchanged, 0 failed, 0 unknown", first.Output, StringComparison.Ordinal);
        Assert.Contains("with 3 订单明细 row(s) from 订单明细", first.Error, StringComparison.Ordinal);
        var stored = await import.RecordsAsync();
        Assert.Equal(3, stored.Count);
        Assert.Equal(99.5m, stored["SO-1"].GetProperty("F0000004").GetDecimal());
        Assert.Equal(["扇贝", "虾"], stored["SO-1"].GetProperty("D000024FOrderLines").EnumerateArray().Select(r => r.GetProperty("F0000011").GetString()));
        Assert.Equal(0, stored["SO-2"].GetProperty("D000024FOrderLines").GetArrayLength());

        // The same file again: the lookup, nothing written.
        var writesBefore = import.Writes();
        var requestsBefore = import.Emulator.Requests.Count;
        var again = await import.RunAsync(file);
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Equal(requestsBefore + 1, import.Emulator.Requests.Count);
        Assert.Contains("Plan: 0 to create, 0 to update, 3 unchanged", again.Output, StringComparison.Ordinal);
        Assert.Equal(writesBefore, import.Writes());

        // One changed cell: one update, of that field only.
        rows[1]["金额"] = 7.25;
        var changed = import.Xlsx("orders.xlsx", rows, Lines(("SO-1", "扇贝", 2), ("SO-1", "虾", 1), ("SO-3", "蟹", 5)));
        var update = await import.RunAsync(changed);
        Assert.True(update.ExitCode == 0, update.All);
        Assert.Contains("Plan: 0 to create, 1 to update, 2 unchanged", update.Output, StringComparison.Ordinal);
        Assert.Contains("Fields to update: 金额 (1).", update.Output, StringComparison.Ordinal);
        var sent = Assert.Single(import.Emulator.Requests, r => r.ActionName == OpenApiActions.UpdateBizObject);
        Assert.Contains("F0000004", sent.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("F0000005", sent.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("D000024FOrderLines", sent.Body, StringComparison.Ordinal);
        Assert.Equal(7.25m, (await import.RecordsAsync())["SO-2"].GetProperty("F0000004").GetDecimal());

        // The report: one line per row, with the row, key, outcome, id and the fields changed.
        var report = File.ReadAllLines(import.Folder.File("orders.report.csv"), Encoding.UTF8);
        Assert.Equal("row,key,outcome,ObjectId,fields changed,error", report[0].TrimStart('\uFEFF'));
        Assert.Equal(4, report.Length);
        Assert.StartsWith("2,SO-1,unchanged," + stored["SO-1"].GetProperty("ObjectId").GetString() + ",,", report[1], StringComparison.Ordinal);
        Assert.StartsWith("3,SO-2,updated," + stored["SO-2"].GetProperty("ObjectId").GetString() + ",金额,", report[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_child_row_replaces_the_table_and_a_dry_run_writes_nothing()
    {
        await using var import = await ImportSite.StartAsync();
        var rows = Orders(2);
        Assert.Equal(0, (await import.RunAsync(import.Xlsx("orders.xlsx", rows, Lines(("SO-1", "扇贝", 2))))).ExitCode);
        var writes = import.Writes();
        var file = import.Xlsx("orders.xlsx", rows, Lines(("SO-1", "扇贝", 3)));

        var dry = await import.RunAsync(file, "--dry-run", "--report", "plan.csv");

        Assert.True(dry.ExitCode == 0, dry.All);
        Assert.Contains("Plan: 0 to create, 1 to update, 1 unchanged", dry.Output, StringComparison.Ordinal);
        Assert.Contains("Fields to update: 订单明细 (1).", dry.Output, StringComparison.Ordinal);
        Assert.Contains("Dry run: nothing was written (1 lookup request(s))", dry.Output, StringComparison.Ordinal);
        Assert.Equal(writes, import.Writes());
        Assert.Contains("2,SO-1,to update,", File.ReadAllText(import.Folder.File("plan.csv")), StringComparison.Ordinal);

        var applied = await import.RunAsync(file);
        Assert.True(applied.ExitCode == 0, applied.All);
        var lines = (await import.RecordsAsync())["SO-1"].GetProperty("D000024FOrderLines");
        Assert.Equal(3, Assert.Single(lines.EnumerateArray()).GetProperty("F0000012").GetInt32());
    }

    [Fact]
    public async Task Draft_creates_drafts_and_a_CSV_in_GB18030_imports_by_codes()
    {
        await using var import = await ImportSite.StartAsync();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = import.Folder.File("orders.csv");
        File.WriteAllBytes(csv, Encoding.GetEncoding("GB18030").GetBytes("F0000001,备注,下单日期\nSO-9,甲乙丙,2026年1月5日\n"));

        var run = await import.RunAsync(csv, "--key", "F0000001", "--draft", "--keys-done");

        Assert.True(run.ExitCode == 0, run.All);
        var create = Assert.Single(import.Emulator.Requests, r => r.ActionName == OpenApiActions.CreateBizObjects);
        Assert.Contains("\"IsSubmit\":false", create.Body, StringComparison.Ordinal);
        var stored = (await import.RecordsAsync())["SO-9"];
        Assert.Equal("甲乙丙", stored.GetProperty("F0000006").GetString());
        Assert.Equal(0, stored.GetProperty("Status").GetInt32());
    }

    [Fact]
    public async Task Hostile_files_are_located_errors_and_nothing_reaches_H3Yun()
    {
        await using var import = await ImportSite.StartAsync();
        var wrongCells = Orders(2);
        wrongCells[1]["金额"] = "很多";
        wrongCells[0]["已付款"] = "也许";
        var cases = new (string File, string Expected)[]
        {
            (import.Xlsx("wrong.xlsx", wrongCells), "Sheet1, row 3, column '金额', value '很多': expected a number"),
            (import.Xlsx("orphan.xlsx", Orders(1), Lines(("SO-7", "扇贝", 1))), "订单明细, row 2, column '订单编号', value 'SO-7': expected the key of a record in Sheet1"),
            (import.Folder.Write("notxlsx.xlsx", "this is not a workbook"), "an .xlsx workbook"),
            (import.Xlsx("nokey.xlsx", [new Dictionary<string, object?> { ["金额"] = 1.0 }]), "a column for the key field F0000001 (订单编号)"),
            (import.Xlsx("empty.xlsx", []), "the sheet is empty"),
        };

        foreach (var (file, expected) in cases)
        {
            var run = await import.RunAsync(file);
            Assert.True(run.ExitCode == 2, run.All);
            run.AssertNoStackTrace();
            Assert.Contains(expected, run.Error, StringComparison.Ordinal);
            Assert.Contains("nothing was sent to H3Yun", run.Error, StringComparison.Ordinal);
        }

        Assert.Empty(import.Emulator.Requests);
    }

    [Fact]
    public async Task Association_cells_by_the_associated_forms_key_are_looked_up_and_a_name_without_one_record_is_refused()
    {
        await using var import = await ImportSite.StartAsync();
        var customers = import.Folder.File("customers.csv");
        File.WriteAllText(customers, "客户名称,级别\n甲公司,VIP\n乙公司,普通\n丙公司,普通\n丙公司 ,VIP\n");
        var seeded = await import.RunAsync(customers, "--form", "D000024Customer", "--key", "级别", "--key", "客户名称");
        Assert.True(seeded.ExitCode == 0, seeded.All);
        var ids = (await import.RecordsAsync("D000024Customer", "F0000001")).ToDictionary(static r => r.Key, static r => r.Value.GetProperty("ObjectId").GetString());
        var rows = Orders(2);
        rows[0]["客户"] = "甲公司";
        rows[1]["客户"] = "乙公司";

        var run = await import.RunAsync(import.Xlsx("orders.xlsx", rows), "--association", "客户=客户名称");
        rows[0]["客户"] = "丙公司";
        rows[1]["客户"] = "丁公司";
        var unknown = await import.RunAsync(import.Xlsx("unknown.xlsx", rows), "--association", "F0000002=F0000001");

        Assert.True(run.ExitCode == 0, run.All);
        var stored = await import.RecordsAsync();
        Assert.Equal(ids["甲公司"], stored["SO-1"].GetProperty("F0000002").GetString());
        Assert.Equal(ids["乙公司"], stored["SO-2"].GetProperty("F0000002").GetString());
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Sheet1, row 3, column '客户', value '丁公司': expected the F0000001 of one record of D000024Customer (no record has it)", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("Sheet1, row 2, column '客户', value '丙公司': expected the F0000001 of one record of D000024Customer (2 records have it:", unknown.Error, StringComparison.Ordinal);
        Assert.Matches(@"\(2 records have it: [^,\s]+, [^,\s)]+\)", unknown.Error);
        Assert.Contains("nothing was written", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_keys_are_refused_with_their_rows_before_any_write()
    {
        await using var import = await ImportSite.StartAsync();
        var rows = Orders(3);
        rows[2]["订单编号"] = "SO-1";

        var run = await import.RunAsync(import.Xlsx("orders.xlsx", rows));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Sheet1, rows 2, 4: the same key SO-1", run.Error, StringComparison.Ordinal);
        Assert.Empty(import.Emulator.Requests);
    }

    [Theory]
    [InlineData("apply, then HTTP 500", OpenApiActions.CreateBizObjects)]
    [InlineData("apply, then drop the connection", OpenApiActions.CreateBizObjects)]
    [InlineData("apply, then HTTP 500", OpenApiActions.UpdateBizObject)]
    [InlineData("apply, then drop the connection", OpenApiActions.UpdateBizObject)]
    public async Task After_an_applied_then_failed_write_the_same_command_again_leaves_one_record_per_key_with_the_files_values(string fault, string action)
    {
        const int Count = 2000;
        await using var import = await ImportSite.StartAsync();
        // 300 records exist with other amounts and notes: they are updated; the other 1,700 are created.
        var old = Orders(300);
        foreach (var row in old)
        {
            row["金额"] = -1.0;
            row["备注"] = "旧";
        }

        Assert.Equal(0, (await import.RunAsync(import.Xlsx("old.xlsx", old))).ExitCode);
        var rows = Orders(Count);
        var file = import.Xlsx("orders.xlsx", rows);
        import.Emulator.Faults.Enqueue(EmulatorFault.Delay(TimeSpan.Zero), action);
        import.Emulator.Faults.Enqueue(fault == "apply, then HTTP 500" ? EmulatorFault.ApplyThenHttpStatus(500) : EmulatorFault.ApplyThenDropConnection(), action);

        var first = await import.RunAsync(file);

        Assert.Equal(2, first.ExitCode);
        Assert.Contains("Run the same command again to finish", first.Error, StringComparison.Ordinal);
        var runs = 1;
        CliRun last;
        do
        {
            Assert.True(++runs <= 4, "the import did not finish in 4 runs");
            last = await import.RunAsync(file);
        }
        while (last.ExitCode != 0);

        Assert.Contains("Plan: 0 to create, 0 to update, 2,000 unchanged", last.Output, StringComparison.Ordinal);
        Assert.Equal(Count, import.Emulator.Count(SalesOrder));
        var stored = await import.RecordsAsync();
        Assert.Equal(Count, stored.Count);
        foreach (var row in rows)
        {
            var record = stored[(string)row["订单编号"]!];
            Assert.Equal((decimal)(double)row["金额"]!, record.GetProperty("F0000004").GetDecimal());
            Assert.Equal((string)row["备注"]!, record.GetProperty("F0000006").GetString());
            Assert.Equal((bool)row["已付款"]!, record.GetProperty("F0000005").GetBoolean());
            Assert.Equal((DateTime)row["下单日期"]!, DateTime.Parse(record.GetProperty("F0000003").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_file_made_of_the_values_H3Yun_answers_imports_back_without_a_write(bool strict)
    {
        await using var import = await ImportSite.StartAsync(strict);
        const string AllTypes = "D000024AllTypes";
        var people = new[] { "0a8b6f6e-3c1d-4a0e-9f2b-1c2d3e4f5a6b", "1b9c7a7f-4d2e-4b1f-8a3c-2d3e4f5a6b7c" };
        var rows = Enumerable.Range(1, 4).Select(i => new Dictionary<string, object?>
        {
            ["单行文本"] = $"K-{i}",
            ["多行文本"] = i == 2 ? null : $"第一行\n第 {i} 行",
            ["单选框"] = i % 2 == 0 ? "红" : "蓝",
            ["复选框"] = i == 3 ? "周一" : "周一;周五",
            ["数字"] = i == 4 ? 0.1 + 0.2 : i * 1.25,
            ["整数"] = i,
            ["长整数"] = 9_007_199_254_740_000L + i,
            ["日期"] = new DateTime(2026, 1, i, 8, 5, 9),
            ["是/否"] = i % 2 == 0 ? "是" : "否",
            ["人员单选"] = people[i % 2],
            ["人员多选"] = string.Join(";", people),
            ["部门单选"] = i == 1 ? null : people[0],
            ["关联表单"] = "3c2d1e0f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
        }).ToList();
        var created = await import.RunAsync(import.Xlsx("all.xlsx", rows), "--form", AllTypes, "--key", "单行文本");
        Assert.True(created.ExitCode == 0, created.All);
        var writes = import.Writes();

        // A file as an export writes what LoadBizObjects answers: texts, numbers and booleans as they come, lists joined, ids of objects.
        var headers = rows[0].Keys.ToList();
        var codes = new[] { "F0000001", "F0000002", "F0000003", "F0000005", "F0000006", "F0000007", "F0000008", "F0000009", "F0000010", "F0000011", "F0000012", "F0000013", "F0000014" };
        var answered = (await import.RecordsAsync(AllTypes)).Values.Select(record => headers.Zip(codes).ToDictionary(
            static p => p.First,
            p => record.TryGetProperty(p.Second, out var value) ? Cell(value) : null)).ToList();
        var again = await import.RunAsync(import.Xlsx("answered.xlsx", answered), "--form", AllTypes, "--key", "单行文本");

        Assert.True(again.ExitCode == 0, again.All);
        Assert.Contains("Plan: 0 to create, 0 to update, 4 unchanged", again.Output, StringComparison.Ordinal);
        Assert.Equal(writes, import.Writes());
    }

    private static object? Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => string.Join(";", value.EnumerateArray().Select(static v => v.ValueKind == JsonValueKind.Object ? v.GetProperty("ObjectId").GetString() : v.ToString())),
        JsonValueKind.Object => value.GetProperty("ObjectId").GetString(),
        _ => null,
    };

    internal static List<Dictionary<string, object?>> Orders(int count) =>
    [
        .. Enumerable.Range(1, count).Select(i => new Dictionary<string, object?>
        {
            ["订单编号"] = $"SO-{i}",
            ["下单日期"] = new DateTime(2026, 1, 1, 8, 0, 0).AddHours(i),
            ["金额"] = i == 1 ? 99.5 : i * 1.5,
            ["已付款"] = i % 2 == 0,
            ["备注"] = $"备注 {i}",
        }),
    ];

    internal static List<Dictionary<string, object?>> Lines(params (string Order, string Product, int Quantity)[] lines) =>
        [.. lines.Select(l => new Dictionary<string, object?> { ["订单编号"] = l.Order, ["产品"] = l.Product, ["数量"] = l.Quantity })];

    /// <summary>A folder with the SalesOrder schema, an emulator, and h3yun import run against it.</summary>
    internal sealed class ImportSite : IAsyncDisposable
    {
        private ImportSite(H3YunEmulator emulator, TempFolder folder)
        {
            Emulator = emulator;
            Folder = folder;
        }

        public H3YunEmulator Emulator { get; }

        public TempFolder Folder { get; }

        public static async Task<ImportSite> StartAsync(bool strict = false)
        {
            // An engine of its own: the process shares one rate budget per engine, and other tests use 2 requests/s.
            var options = new H3YunEmulatorOptions { Strict = strict, EngineCode = "import-" + Guid.NewGuid().ToString("N") };
            var folder = new TempFolder();
            foreach (var name in new[] { "SalesOrder.h3form.json", "Customer.h3form.json", "AllTypes.h3form.json" })
            {
                options.SchemaFiles.Add(Cli.RepositorySchema(name));
                folder.Write("schemas/" + name, File.ReadAllText(Cli.RepositorySchema(name)));
            }

            return new ImportSite(await H3YunEmulator.StartAsync(options), folder);
        }

        public string Xlsx(string name, List<Dictionary<string, object?>> orders, List<Dictionary<string, object?>>? lines = null)
        {
            var path = Folder.File(name);
            if (lines is null)
            {
                MiniExcel.SaveAs(path, orders, overwriteFile: true);
            }
            else
            {
                MiniExcel.SaveAs(path, new Dictionary<string, object> { ["Sheet1"] = orders, ["订单明细"] = lines }, overwriteFile: true);
            }

            return path;
        }

        public Task<CliRun> RunAsync(string file, params string[] extra) => RunAsync(new StringWriter(), new StringWriter(), file, CancellationToken.None, extra);

        /// <summary>As the other, printing to the writers given, and cancelled by <paramref name="cancellationToken"/>.</summary>
        public Task<CliRun> RunAsync(StringWriter output, StringWriter error, string file, CancellationToken cancellationToken, params string[] extra)
        {
            var args = new List<string> { "import", file, "--requests-per-second", "1000" };
            if (!extra.Contains("--form"))
            {
                args.AddRange(["--form", SalesOrder]);
            }

            if (!extra.Contains("--key"))
            {
                args.AddRange(["--key", "订单编号"]);
            }

            args.AddRange(extra.Where(static e => e != "--keys-done"));
            return Cli.RunAsync(Folder.Path, Cli.EnvironmentFor(Emulator), output, error, outputIsTerminal: false, cancellationToken, [.. args]);
        }

        public int Writes() => Emulator.Requests.Count(r => r.ActionName is OpenApiActions.CreateBizObjects or OpenApiActions.UpdateBizObject);

        /// <summary>Every record of the form, by order number, as LoadBizObjects answers it.</summary>
        public async Task<Dictionary<string, JsonElement>> RecordsAsync(string schemaCode = SalesOrder, string keyCode = "F0000001")
        {
            using var client = new H3YunClient(new H3YunClientOptions { BaseAddress = Emulator.BaseAddress, EngineCode = Emulator.EngineCode, EngineSecret = Emulator.EngineSecret, RequestsPerSecond = null });
            var records = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            for (var from = 0; ; from += 500)
            {
                var answer = await client.InvokeAsync(OpenApiRequest.LoadBizObjects(schemaCode, new Filter { FromRowNum = from, ToRowNum = from + 500 }));
                var page = answer.GetProperty("BizObjectArray").EnumerateArray().ToList();
                foreach (var record in page)
                {
                    records.TryAdd(record.GetProperty(keyCode).GetString()!.Trim(), record.Clone());
                }

                if (page.Count < 500)
                {
                    return records;
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Emulator.DisposeAsync();
            Folder.Dispose();
        }
    }
}
