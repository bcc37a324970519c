using System.Globalization;
using System.Text.Json;
using H3Yun.Emulator;
using H3Yun.OpenApi;
using H3Yun.Spreadsheets;

namespace H3Yun.Cli.Tests;

/// <summary>
/// <c>h3yun export</c> in-process against the emulator: a form of more than 500 records read in several windows, each
/// record once, read back by <see cref="SpreadsheetReader"/> as H3Yun holds it; <c>--since</c>, <c>--field</c>,
/// <c>--out .csv</c> with the child table beside; and bad input refused with one message, exit 2, no request.
/// </summary>
public class ExportTests
{
    private const string SalesOrder = "D000024SalesOrder";

    [Fact]
    public async Task A_form_of_more_than_500_records_is_read_in_windows_and_every_record_is_written_once_as_H3Yun_holds_it()
    {
        await using var source = await ExportSource.StartAsync();
        using var folder = source.Folder;
        var created = new Dictionary<string, (string Number, decimal Amount, int Lines)>();
        for (var minute = 0; minute < 7; minute++)
        {
            source.Clock.Advance(TimeSpan.FromMinutes(1));
            foreach (var (id, order) in await source.CreateAsync(100, minute * 100))
            {
                created[id] = order;
            }
        }

        var run = await source.ExportAsync("--key", "订单编号");

        Assert.True(run.ExitCode == 0, run.All);
        run.AssertNoStackTrace();
        var file = folder.File($"{SalesOrder}.xlsx");
        Assert.Contains($"Exported 700 record(s) of {SalesOrder}", run.Output, StringComparison.Ordinal);
        Assert.True(source.Requests >= 3, $"{source.Requests} request(s): 700 records need several windows");
        var reader = SpreadsheetReader.Open(source.SchemaFile, file, new() { Keys = ["订单编号"] });
        Assert.Equal("销售订单", reader.Sheet);
        Assert.Equal(["ObjectId"], reader.UnmatchedColumns);
        var rows = reader.Rows().ToList();
        var ids = MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: true, sheetName: "销售订单").Cast<IDictionary<string, object?>>().Select(row => (string)row["ObjectId"]!).ToList();
        Assert.Equal(700, ids.Distinct().Count());
        Assert.Equal(created.Keys.Order(), ids.Order());
        for (var i = 0; i < rows.Count; i++)
        {
            var (number, amount, _) = created[ids[i]];
            Assert.Equal(number, rows[i].Values["F0000001"]);
            Assert.Equal(amount, rows[i].Values["F0000004"]);
            Assert.Equal("2026-01-05 09:30:00", rows[i].Values["F0000003"]);
            Assert.Equal(true, rows[i].Values["F0000005"]);
        }

        var lines = MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: true, sheetName: "订单明细").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(created.Values.Sum(order => order.Lines), lines.Count);
        Assert.All(lines, line => Assert.Equal(created[(string)line["ParentObjectId"]!].Number, line["订单编号"]));
    }

    [Fact]
    public async Task Since_field_and_csv_write_only_the_newer_records_the_fields_named_and_the_child_table_beside()
    {
        await using var source = await ExportSource.StartAsync();
        using var folder = source.Folder;
        source.Clock.Advance(TimeSpan.FromMinutes(1));
        await source.CreateAsync(30, 0);
        source.Clock.Advance(TimeSpan.FromMinutes(10));
        var since = source.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var newer = await source.CreateAsync(5, 100);

        var run = await source.ExportAsync("--since", since, "--field", "金额", "--field", "F0000001", "--field", "订单明细", "--out", "out/orders.csv");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("Exported 5 record(s)", run.Output, StringComparison.Ordinal);
        var text = File.ReadAllLines(folder.File("out/orders.csv"));
        Assert.Equal("ObjectId,金额,订单编号", text[0]);
        Assert.Equal(newer.Select(n => n.Id).Order(), text.Skip(1).Select(line => line.Split(',')[0]).Order());
        var rows = SpreadsheetReader.Open(source.SchemaFile, folder.File("out/orders.csv")).Rows().ToList();
        Assert.Equal(newer.Select(n => n.Order.Amount).Order(), rows.Select(r => (decimal)r.Values["F0000004"]!).Order());
        var lines = File.ReadAllLines(folder.File("out/orders.订单明细.csv"));
        Assert.Equal("ParentObjectId,ObjectId,产品,数量,单价", lines[0]);
        Assert.Equal(newer.Sum(n => n.Order.Lines), lines.Length - 1);
        Assert.Contains("out/orders.订单明细.csv: ", run.Output.Replace('\\', '/'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_the_schemas_lack_a_bad_field_or_a_bad_file_name_is_one_message_exit_2_and_no_request()
    {
        await using var source = await ExportSource.StartAsync();
        using var folder = source.Folder;

        var missing = await source.ExportAsync(["--form", "D000024Nothing"], withForm: false);
        var field = await source.ExportAsync("--field", "运费");
        var file = await source.ExportAsync("--field", "客户", "--out", "orders.txt");
        var since = await source.ExportAsync("--since", "yesterday");

        foreach (var run in new[] { missing, field, file, since })
        {
            Assert.Equal(2, run.ExitCode);
            run.AssertNoStackTrace();
            Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.StartsWith("h3yun: ", StringComparison.Ordinal));
        }

        Assert.Contains("h3yun: The form D000024Nothing has no schema file in ", missing.Error, StringComparison.Ordinal);
        Assert.Contains("pull it with 'h3yun schema pull --app <AppCode> --form D000024Nothing'", missing.Error, StringComparison.Ordinal);
        Assert.Contains("h3yun: The form D000024SalesOrder has no field '运费' (by code or display name); its fields: 订单编号 (F0000001),", field.Error, StringComparison.Ordinal);
        Assert.Contains("write an .xlsx or a .csv file", file.Error, StringComparison.Ordinal);
        Assert.Contains("--since 'yesterday' is not a time", since.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(folder.Path, "*.xlsx", SearchOption.AllDirectories));
        Assert.Equal(0, source.Requests);
    }
}

/// <summary>An emulator of the sales orders (with their child table), its clock set by the test, and a folder with the schemas.</summary>
internal sealed class ExportSource : IAsyncDisposable
{
    private readonly H3YunEmulator _emulator;

    private ExportSource(H3YunEmulator emulator, ManualClock clock)
    {
        _emulator = emulator;
        Clock = clock;
        Writer = new H3YunClient(new H3YunClientOptions { BaseAddress = emulator.BaseAddress, EngineCode = emulator.EngineCode, EngineSecret = emulator.EngineSecret, RequestsPerSecond = null });
        SchemaFile = Folder.Write("schemas/SalesOrder.h3form.json", File.ReadAllText(Cli.RepositorySchema("SalesOrder.h3form.json")));
        Folder.Write("schemas/Customer.h3form.json", File.ReadAllText(Cli.RepositorySchema("Customer.h3form.json")));
    }

    public TempFolder Folder { get; } = new();

    public H3YunClient Writer { get; }

    public ManualClock Clock { get; }

    public string SchemaFile { get; }

    /// <summary>The reads the emulator answered: the export's requests.</summary>
    public int Requests => _emulator.Requests.Count(request => request.ActionName == "LoadBizObjects");

    /// <summary>
    /// Starts the emulator. An export at another rate than the default needs an <paramref name="engineCode"/> of its own:
    /// the clients of one engine in one process share one budget.
    /// </summary>
    public static async Task<ExportSource> StartAsync(string? engineCode = null)
    {
        // Two hours behind, so that every record is below the export's bound (the clock less 10 s).
        var clock = new ManualClock(TimeProvider.System.GetUtcNow().AddHours(-2));
        var options = new H3YunEmulatorOptions { Clock = clock };
        if (engineCode is not null)
        {
            options.EngineCode = engineCode;
        }

        options.SchemaFiles.Add(Cli.RepositorySchema("SalesOrder.h3form.json"));
        options.SchemaFiles.Add(Cli.RepositorySchema("Customer.h3form.json"));
        return new ExportSource(await H3YunEmulator.StartAsync(options), clock);
    }

    /// <summary>Creates sales orders, numbered from <paramref name="first"/>, each with 0 to 2 lines.</summary>
    public async Task<List<(string Id, (string Number, decimal Amount, int Lines) Order)>> CreateAsync(int count, int first)
    {
        var orders = Enumerable.Range(first, count).Select(n => ($"SO-{n:00000}", n * 1.25m + 0.1m, n % 3)).ToList();
        var jsons = orders.Select(order => JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["F0000001"] = order.Item1,
            ["F0000003"] = "2026-01-05 09:30:00",
            ["F0000004"] = order.Item2,
            ["F0000005"] = true,
            ["D000024FOrderLines"] = Enumerable.Range(0, order.Item3).Select(i => new Dictionary<string, object> { ["F0000011"] = $"P{i}", ["F0000012"] = i + 1, ["F0000013"] = 9.5m }).ToArray(),
        }));
        var data = await Writer.InvokeAsync(OpenApiRequest.CreateBizObjects("D000024SalesOrder", jsons, isSubmit: true));
        var ids = data.GetProperty("BizObjectIdArray").EnumerateArray().Select(id => id.GetString()!).ToList();
        return [.. ids.Zip(orders, (id, order) => (id, order))];
    }

    /// <summary>Runs <c>h3yun export --form D000024SalesOrder</c> with the arguments, in the folder.</summary>
    public Task<CliRun> ExportAsync(params string[] args) => ExportAsync(args, withForm: true);

    public Task<CliRun> ExportAsync(string[] args, bool withForm) =>
        Cli.RunAsync(Folder.Path, Cli.EnvironmentFor(_emulator), ["export", .. withForm ? new[] { "--form", "D000024SalesOrder" } : [], .. args]);

    public async ValueTask DisposeAsync()
    {
        Writer.Dispose();
        await _emulator.DisposeAsync();
    }
}

/// <summary>A clock a test moves.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

/// <summary>
/// Every kind a spreadsheet holds, written into the emulator and exported: the file reads back through
/// <see cref="SpreadsheetReader"/> as the values written, in the shapes H3Yun answers them (people as display names
/// with their ids beside, numbers as text where H3Yun sends text), in .xlsx and .csv, the child table's sheet too.
/// </summary>
public class ExportEveryKindTests
{
    private const string AllTypes = "D000024AllTypes";

    [Theory]
    [InlineData("all.xlsx")]
    [InlineData("all.csv")]
    public async Task What_the_emulator_holds_reads_back_from_the_export_unchanged(string file)
    {
        var clock = new ManualClock(TimeProvider.System.GetUtcNow().AddHours(-2));
        var options = new H3YunEmulatorOptions { Clock = clock };
        foreach (var schema in new[] { "AllTypes.h3form.json", "Customer.h3form.json" })
        {
            options.SchemaFiles.Add(Cli.RepositorySchema(schema));
        }

        await using var emulator = await H3YunEmulator.StartAsync(options);
        using var folder = new TempFolder();
        var schemaFile = folder.Write("schemas/AllTypes.h3form.json", File.ReadAllText(Cli.RepositorySchema("AllTypes.h3form.json")));
        using var writer = new H3YunClient(new H3YunClientOptions { BaseAddress = emulator.BaseAddress, EngineCode = emulator.EngineCode, EngineSecret = emulator.EngineSecret, RequestsPerSecond = null });
        var customer = (await writer.InvokeAsync(OpenApiRequest.CreateBizObject("D000024Customer", """{ "F0000001": "客户甲" }""", isSubmit: true))).GetProperty("BizObjectId").GetString()!;
        var person = EmulatorOrganization.AdminUserId;
        var department = EmulatorOrganization.DepartmentId;
        var expected = new Dictionary<string, object?>
        {
            ["F0000001"] = "单行 \"引号\", 逗号; =1+1",
            ["F0000002"] = "多行\n文本",
            ["F0000003"] = "绿",
            ["F0000004"] = null,
            ["F0000005"] = "周一;周五",
            ["F0000006"] = 1234.5678m,
            ["F0000007"] = 42L,
            ["F0000008"] = 9_007_199_254_740_993L,
            ["F0000009"] = "2026-01-05 08:30:15",
            ["F0000010"] = true,
            ["F0000011"] = person,
            ["F0000012"] = $"{person};{department}",
            ["F0000013"] = department,
            ["F0000014"] = customer,
            ["F0000020"] = 7.25m,
        };
        var record = new Dictionary<string, object?>(expected)
        {
            ["D000024FAllTypesRows"] = new[]
            {
                new Dictionary<string, object?> { ["F0000031"] = "品一", ["F0000032"] = "B", ["F0000033"] = 2.5m, ["F0000034"] = "2026-02-01 00:00:00", ["F0000035"] = person, ["F0000036"] = customer },
                new Dictionary<string, object?> { ["F0000031"] = "品二" },
            },
        };
        var id = (await writer.InvokeAsync(OpenApiRequest.CreateBizObject(AllTypes, JsonSerializer.Serialize(record), isSubmit: true))).GetProperty("BizObjectId").GetString()!;

        var run = await Cli.RunAsync(folder.Path, Cli.EnvironmentFor(emulator), "export", "--form", AllTypes, "--out", file, "--key", "单行文本");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("Not exported, since a spreadsheet cannot hold them exactly: 关联表单多选 (F0000015, Association (multiple)), 地址 (F0000016, Address), 位置 (F0000017, Map), 附件 (F0000018, File), 图片 (F0000019, Image)", run.Error, StringComparison.Ordinal);
        var row = Assert.Single(SpreadsheetReader.Open(schemaFile, folder.File(file), new() { Keys = ["单行文本"] }).Rows());
        foreach (var (code, value) in expected)
        {
            Assert.True(Equals(value, row.Values[code]), $"{code}: H3Yun holds {value ?? "null"}, the file reads {row.Values[code] ?? "null"}");
        }

        // The child table read as a form of its own, by the child schema's fields.
        var rowsSchema = folder.Write("rows.h3form.json", """
            { "SchemaCode": "D000024FAllTypesRows", "Properties": [
              { "Name": "F0000031", "DisplayName": "品名", "DataType": "ShortString" },
              { "Name": "F0000032", "DisplayName": "等级", "DataType": "ShortString", "Options": ["A", "B"] },
              { "Name": "F0000033", "DisplayName": "数量", "DataType": "Double" },
              { "Name": "F0000034", "DisplayName": "日期", "DataType": "DateTime" },
              { "Name": "F0000035", "DisplayName": "负责人", "DataType": "Unit" },
              { "Name": "F0000036", "DisplayName": "客户", "DataType": "Association" } ] }
            """);
        var (childFile, sheet) = file.EndsWith(".csv", StringComparison.Ordinal) ? (SpreadsheetWriter.ChildCsvFile(folder.File(file), "明细"), null) : (folder.File(file), "明细");
        var child = SpreadsheetReader.Open(rowsSchema, childFile, new() { Sheet = sheet });
        Assert.Equal(["ParentObjectId", "单行文本", "ObjectId"], child.UnmatchedColumns);
        var lines = child.Rows().ToList();
        Assert.Equal(2, lines.Count);
        string[] codes = ["F0000031", "F0000032", "F0000033", "F0000034", "F0000035", "F0000036"];
        Assert.Equal(new object?[] { "品一", "B", 2.5m, "2026-02-01 00:00:00", person, customer }, codes.Select(code => lines[0].Values[code]));
        Assert.Equal(new object?[] { "品二", null, null, null, null, null }, codes.Select(code => lines[1].Values[code]));
        Assert.NotNull(id);
    }
}
