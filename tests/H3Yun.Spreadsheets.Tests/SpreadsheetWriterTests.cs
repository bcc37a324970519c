using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using CsCheck;
using MiniExcelLibs;
using nietras.SeparatedValues;

namespace H3Yun.Spreadsheets.Tests;

/// <summary>
/// What <see cref="SpreadsheetWriter"/> writes, <see cref="SpreadsheetReader"/> reads back as the values H3Yun holds:
/// for random values of every kind a spreadsheet holds, in every shape H3Yun answers them, in .xlsx and .csv, the
/// form's sheet and a child table's.
/// </summary>
public sealed class SpreadsheetWriterTests : IDisposable
{
    private const string Schema = """
        {
          "SchemaCode": "D000900Order",
          "DisplayName": "订单",
          "Properties": [
            { "Name": "F0000001", "DisplayName": "订单号", "DataType": "ShortString" },
            { "Name": "F0000002", "DisplayName": "备注", "DataType": "String" },
            { "Name": "F0000003", "DisplayName": "金额", "DataType": "Double" },
            { "Name": "F0000004", "DisplayName": "数量", "DataType": "Int" },
            { "Name": "F0000005", "DisplayName": "流水", "DataType": "Long" },
            { "Name": "F0000006", "DisplayName": "交期", "DataType": "DateTime" },
            { "Name": "F0000007", "DisplayName": "已付", "DataType": "Bool" },
            { "Name": "F0000008", "DisplayName": "级别", "DataType": "ShortString", "Options": ["普通", "VIP", "A;B?"] },
            { "Name": "F0000009", "DisplayName": "渠道", "DataType": "ShortString", "Options": ["线上", "门店", "电话"], "Multiple": true },
            { "Name": "F0000010", "DisplayName": "负责人", "DataType": "Unit" },
            { "Name": "F0000011", "DisplayName": "协办", "DataType": "UnitArray" },
            { "Name": "F0000012", "DisplayName": "客户", "DataType": "Association" },
            { "Name": "F0000013", "DisplayName": "附件", "DataType": "File" },
            { "Name": "F0000014", "DisplayName": "地址", "DataType": "Address" },
            { "Name": "F0000015", "DisplayName": "相关客户", "DataType": "Association", "Multiple": true },
            {
              "Name": "D000900Lines", "DisplayName": "明细", "DataType": "BizObjectArray",
              "ChildSchema": {
                "SchemaCode": "D000900Lines",
                "Properties": [
                  { "Name": "F0000021", "DisplayName": "产品", "DataType": "ShortString" },
                  { "Name": "F0000022", "DisplayName": "单价", "DataType": "Double" },
                  { "Name": "F0000023", "DisplayName": "日期", "DataType": "DateTime" },
                  { "Name": "F0000024", "DisplayName": "经办", "DataType": "Unit" },
                  { "Name": "F0000025", "DisplayName": "照片", "DataType": "Image" }
                ]
              }
            }
          ]
        }
        """;

    // The child table as a form of its own, so that SpreadsheetReader reads its sheet.
    private const string LinesSchema = """
        {
          "SchemaCode": "D000900Lines",
          "Properties": [
            { "Name": "F0000021", "DisplayName": "产品", "DataType": "ShortString" },
            { "Name": "F0000022", "DisplayName": "单价", "DataType": "Double" },
            { "Name": "F0000023", "DisplayName": "日期", "DataType": "DateTime" },
            { "Name": "F0000024", "DisplayName": "经办", "DataType": "Unit" }
          ]
        }
        """;

    private static readonly string[] MainCodes = [.. Enumerable.Range(1, 12).Select(i => $"F{i:0000000}")];
    private static readonly string[] LineCodes = ["F0000021", "F0000022", "F0000023", "F0000024"];

    private readonly string _folder = Directory.CreateTempSubdirectory("h3yun-writer-").FullName;

    public SpreadsheetWriterTests()
    {
        File.WriteAllText(SchemaFile, Schema);
        File.WriteAllText(LinesSchemaFile, LinesSchema);
    }

    private string SchemaFile => Path.Combine(_folder, "Order.h3form.json");

    private string LinesSchemaFile => Path.Combine(_folder, "Lines.h3form.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Texts as people type them: Chinese, quotes, separators, line breaks, characters that look like formulas or numbers.
    // The reader trims a cell, so a value never starts or ends with white space here (see the docs).
    private static readonly Gen<string?> Texts = Gen.Frequency(
        (1, Gen.Const((string?)null)),
        (6, Gen.String[Gen.Char["abcXYZ019 中文订单,;\"'\r\n\t=+-@%.&<>"], 1, 16].Select(s => s.Trim() is { Length: > 0 } t ? t : "x")),
        (2, Gen.String[Gen.Char[' ', '\uD7FF'], 1, 12].Select(s => s.Trim() is { Length: > 0 } t ? t : "y")),
        (1, Gen.Select(Gen.Long, Gen.Int[0, 3]).Select((n, z) => (string?)(new string('0', z) + n.ToString(CultureInfo.InvariantCulture)))));

    private static readonly Gen<decimal?> Decimals = Gen.Frequency(
        (1, Gen.Const((decimal?)null)),
        (6, Gen.Select(Gen.Long[-99_999_999_999, 99_999_999_999], Gen.Byte[0, 6]).Select((m, scale) => (decimal?)(m / (decimal)Math.Pow(10, scale)))),
        (2, Gen.Decimal.Select(d => (decimal?)d)),
        (1, Gen.Double[-1e15, 1e15].Select(d => (decimal?)(decimal)d)));

    private static readonly Gen<DateTime?> Dates = Gen.Frequency(
        (1, Gen.Const((DateTime?)null)),
        (8, Gen.Long[new DateTime(1900, 3, 1).Ticks / TimeSpan.TicksPerSecond, new DateTime(9999, 12, 31, 23, 59, 59).Ticks / TimeSpan.TicksPerSecond].Select(s => (DateTime?)new DateTime(s * TimeSpan.TicksPerSecond))),
        (1, Gen.Long[new DateTime(1000, 1, 1).Ticks / TimeSpan.TicksPerSecond, new DateTime(1900, 3, 1).Ticks / TimeSpan.TicksPerSecond].Select(s => (DateTime?)new DateTime(s * TimeSpan.TicksPerSecond))));

    private static readonly Gen<string> Ids = Gen.Frequency((3, Gen.Guid.Select(g => g.ToString())), (1, Gen.String[Gen.Char["abc019-_"], 1, 10]));

    /// <summary>A record's values as the reader returns them, and the record as H3Yun answers it, in one of its shapes.</summary>
    private static readonly Gen<(Dictionary<string, object?> Values, JsonObject Record)> Records =
        Gen.Select(
            Gen.Select(Texts, Texts, Decimals, Maybe(Gen.Int), Maybe(Gen.Long), Dates, Maybe(Gen.Bool)),
            Gen.Select(Gen.Int[0, 3].Select(i => new string?[] { null, "普通", "VIP", "A;B?" }[i]), Gen.Int[0, 2].Select(i => new[] { "线上", "门店", "电话" }[i]).Array[0, 3], Gen.Frequency((1, Gen.Const((string?)null)), (3, Ids.Select(id => (string?)id))), Ids.Array[0, 3], Gen.Frequency((1, Gen.Const((string?)null)), (3, Ids.Select(id => (string?)id)))),
            Gen.Int[0, int.MaxValue],
            Gen.Select(Texts, Decimals, Dates, Gen.Frequency((1, Gen.Const((string?)null)), (3, Ids.Select(id => (string?)id)))).Array[0, 3])
        .Select((a, b, shape, lines) =>
        {
            var (text, note, amount, count, serial, due, paid) = a;
            var (level, channels, owner, helpers, customer) = b;
            var id = Guid.NewGuid().ToString();
            var values = new Dictionary<string, object?>
            {
                ["F0000001"] = text,
                ["F0000002"] = note,
                ["F0000003"] = amount,
                ["F0000004"] = count is { } c ? (long)c : null,
                ["F0000005"] = serial,
                ["F0000006"] = due?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                ["F0000007"] = paid,
                ["F0000008"] = level,
                ["F0000009"] = channels.Length == 0 ? null : string.Join(";", channels.Distinct()),
                ["F0000010"] = owner,
                ["F0000011"] = helpers.Length == 0 ? null : string.Join(";", helpers),
                ["F0000012"] = customer,
                ["ObjectId"] = id,
            };
            var bit = (int n) => ((shape >> n) & 1) == 1;
            var record = new JsonObject
            {
                ["ObjectId"] = id,
                ["Name"] = text,
                ["F0000001"] = text,
                ["F0000002"] = note,
                ["F0000003"] = amount is { } m ? bit(0) ? JsonValue.Create(m) : JsonValue.Create(m.ToString(CultureInfo.InvariantCulture)) : null,
                ["F0000004"] = count is { } n ? bit(1) ? JsonValue.Create(n) : JsonValue.Create(n.ToString(CultureInfo.InvariantCulture)) : null,
                ["F0000005"] = serial is { } l ? bit(2) ? JsonValue.Create(l) : JsonValue.Create(l.ToString(CultureInfo.InvariantCulture)) : null,
                ["F0000006"] = due is { } d ? d.ToString(bit(3) ? "yyyy/M/d H:mm:ss" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : null,
                ["F0000007"] = paid is { } p ? bit(4) ? JsonValue.Create(p) : JsonValue.Create(p ? "true" : "false") : null,
                ["F0000008"] = level,
                ["F0000009"] = channels.Length == 0 ? null : bit(5) ? new JsonArray([.. channels.Distinct().Select(s => (JsonNode)s)]) : JsonValue.Create(string.Join(";", channels.Distinct())),
                ["F0000013"] = new JsonArray(new JsonObject { ["ObjectId"] = "f1", ["FileName"] = "a.pdf" }),
                ["F0000014"] = "{\"Province\":\"上海市\"}",
                ["F0000015"] = "c1;c2",
            };
            Person(record, "F0000010", owner, bit(6));
            if (helpers.Length > 0)
            {
                record["F0000011"] = bit(7) ? new JsonArray([.. helpers.Select(h => (JsonNode)h)]) : JsonValue.Create(string.Join(";", helpers));
                record["F0000011Object"] = bit(8) ? new JsonArray([.. helpers.Select(h => (JsonNode)new JsonObject { ["ObjectId"] = h, ["Name"] = "名" + h })]) : null;
            }

            record["F0000012"] = customer is null ? null : bit(9) ? new JsonObject { ["ObjectId"] = customer, ["Name"] = "客户" } : JsonValue.Create(customer);
            var rows = new JsonArray();
            var lineValues = new List<Dictionary<string, object?>>();
            foreach (var (product, price, date, handler) in lines)
            {
                var lineId = Guid.NewGuid().ToString();
                var row = new JsonObject
                {
                    ["ObjectId"] = lineId,
                    ["ParentObjectId"] = id,
                    ["F0000021"] = product,
                    ["F0000022"] = price is { } q ? JsonValue.Create(q) : null,
                    ["F0000023"] = date?.ToString("yyyy/M/d H:mm:ss", CultureInfo.InvariantCulture),
                    ["F0000025"] = null,
                };
                Person(row, "F0000024", handler, bit(10));
                rows.Add(row);
                lineValues.Add(new Dictionary<string, object?>
                {
                    ["F0000021"] = product,
                    ["F0000022"] = price,
                    ["F0000023"] = date?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    ["F0000024"] = handler,
                    ["ParentObjectId"] = id,
                    ["ObjectId"] = lineId,
                });
            }

            record["D000900Lines"] = rows;
            values["lines"] = lineValues;
            return (values, record);
        });

    [Theory]
    [InlineData(".xlsx")]
    [InlineData(".csv")]
    public void Every_kind_reads_back_as_the_value_H3Yun_holds(string extension)
    {
        var writer = SpreadsheetWriter.Open(SchemaFile);
        var n = 0;
        Records.List[1, 12].Sample(
            records =>
            {
                var file = Path.Combine(_folder, $"export{n++}{extension}");
                writer.WriteAsync(file, records.Select(r => Element(r.Record))).GetAwaiter().GetResult();

                var reader = SpreadsheetReader.Open(SchemaFile, file);
                Assert.Equal(["ObjectId"], reader.UnmatchedColumns);
                var rows = reader.Rows().ToList();
                var ids = IdColumn(file, reader.Sheet, 0);
                Assert.Equal(records.Count, rows.Count);
                for (var i = 0; i < records.Count; i++)
                {
                    var expected = records[i].Values;
                    Assert.Equal(expected["ObjectId"], ids[i]);
                    foreach (var code in MainCodes)
                    {
                        Assert.True(Same(Held(expected[code], extension), rows[i].Values[code]), $"{code}: wrote {Show(expected[code])}, read {Show(rows[i].Values[code])}");
                    }
                }

                var lines = records.SelectMany(r => (List<Dictionary<string, object?>>)r.Values["lines"]!).ToList();
                var (linesFile, sheet) = extension == ".csv" ? (SpreadsheetWriter.ChildCsvFile(file, "明细"), null) : (file, "明细");
                if (lines.Count == 0)
                {
                    Assert.Single(Read(linesFile, sheet)); // the header row alone
                    return;
                }

                var lineReader = SpreadsheetReader.Open(LinesSchemaFile, linesFile, new() { Sheet = sheet });
                Assert.Equal(["ParentObjectId", "ObjectId"], lineReader.UnmatchedColumns);
                var lineRows = lineReader.Rows().ToList();
                var parents = IdColumn(linesFile, lineReader.Sheet, 0);
                var lineIds = IdColumn(linesFile, lineReader.Sheet, 1);
                Assert.Equal(lines.Count, lineRows.Count);
                for (var i = 0; i < lines.Count; i++)
                {
                    Assert.Equal(lines[i]["ParentObjectId"], parents[i]);
                    Assert.Equal(lines[i]["ObjectId"], lineIds[i]);
                    foreach (var code in LineCodes)
                    {
                        Assert.True(Same(Held(lines[i][code], extension), lineRows[i].Values[code]), $"{code}: wrote {Show(lines[i][code])}, read {Show(lineRows[i].Values[code])}");
                    }
                }
            },
            iter: 60,
            threads: 1,
            print: r => string.Join(Environment.NewLine, r.Select(x => x.Record.ToJsonString())));
    }

    [Fact]
    public async Task Xlsx_cells_are_typed_headers_are_display_names_and_child_rows_have_their_own_sheet()
    {
        var file = Path.Combine(_folder, "orders.xlsx");
        var writer = SpreadsheetWriter.Open(SchemaFile, new() { Keys = ["订单号"] });
        var record = JsonNode.Parse("""
            {
              "ObjectId": "o-1", "F0000001": "SO-1", "F0000003": "1234.5", "F0000004": 7, "F0000006": "2026/1/5 9:30:00", "F0000007": true,
              "F0000009": ["线上", "电话"], "F0000010": "张三", "F0000010Object": { "ObjectId": "u-1", "Name": "张三" },
              "D000900Lines": [ { "ObjectId": "l-1", "F0000021": "螺丝", "F0000022": 0.25 }, { "ObjectId": "l-2", "F0000021": "螺母" } ]
            }
            """)!.AsObject();
        var progress = new List<SpreadsheetWriteProgress>();

        var result = await writer.WriteAsync(file, [Element(record)], new Inline<SpreadsheetWriteProgress>(progress.Add));

        Assert.Equal(["订单", "明细"], result.Sheets.Select(s => s.Sheet));
        Assert.Equal([1L, 2L], result.Sheets.Select(s => s.Rows));
        Assert.Equal(new SpreadsheetWriteProgress(1, 2), progress[^1]);
        Assert.Equal(["附件 (F0000013, File)", "地址 (F0000014, Address)", "相关客户 (F0000015, Association (multiple))", "照片 (F0000025, Image) of the child table 明细"], writer.SkippedFields);
        Assert.Equal(["订单", "明细"], MiniExcel.GetSheetNames(file));
        var main = Read(file, "订单");
        Assert.Equal(["ObjectId", "订单号", "备注", "金额", "数量", "流水", "交期", "已付", "级别", "渠道", "负责人", "协办", "客户"], main[0]);
        Assert.Equal("o-1", main[1][0]);
        Assert.Equal(1234.5, main[1][3]); // a number, not the text H3Yun answered
        Assert.Equal(7.0, main[1][4]);
        Assert.Equal(new DateTime(2026, 1, 5, 9, 30, 0), main[1][6]); // a date
        Assert.Equal(true, main[1][7]);
        Assert.Equal("线上;电话", main[1][9]);
        Assert.Equal("u-1", main[1][10]); // the id, not the display name
        var lines = Read(file, "明细");
        Assert.Equal(["ParentObjectId", "订单号", "ObjectId", "产品", "单价", "日期", "经办"], lines[0]);
        Assert.Equal(["o-1", "SO-1", "l-1", "螺丝", 0.25, null, null], lines[1]);
        Assert.Equal(["o-1", "SO-1", "l-2", "螺母", null, null, null], lines[2]);

        // The cells' types as the package holds them: numbers n (the default), booleans b, dates a number with a date style.
        using var zip = ZipFile.OpenRead(file);
        using var stream = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        var cells = XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "c").ToDictionary(e => (string)e.Attribute("r")!);
        Assert.Equal("n", (string?)cells["D2"].Attribute("t") ?? "n");
        Assert.Equal("b", (string?)cells["H2"].Attribute("t"));
        Assert.True(((string?)cells["G2"].Attribute("t") ?? "n") == "n", cells["G2"].ToString());
        Assert.NotNull(cells["G2"].Attribute("s"));
    }

    [Fact]
    public async Task Csv_writes_the_child_table_beside_and_both_read_back()
    {
        var file = Path.Combine(_folder, "orders.csv");
        var writer = SpreadsheetWriter.Open(SchemaFile, new() { Fields = ["订单号", "金额", "明细"] });
        var record = JsonNode.Parse("""{ "ObjectId": "o-1", "F0000001": "SO, \"1\"", "F0000003": 2.5, "D000900Lines": [ { "ObjectId": "l-1", "F0000021": "螺丝\n大" } ] }""")!.AsObject();

        var result = await writer.WriteAsync(file, [Element(record)]);

        Assert.Equal([file, Path.Combine(_folder, "orders.明细.csv")], result.Sheets.Select(s => s.File));
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // a BOM, so that Excel reads the Chinese headers as UTF-8
        Assert.Equal("ObjectId,订单号,金额\r\no-1,\"SO, \"\"1\"\"\",2.5\r\n", System.Text.Encoding.UTF8.GetString(bytes[3..]).ReplaceLineEndings("\r\n"));
        var row = Assert.Single(SpreadsheetReader.Open(LinesSchemaFile, result.Sheets[1].File).Rows());
        Assert.Equal("螺丝\n大", row.Values["F0000021"]);
    }

    [Fact]
    public void Fields_and_keys_that_a_spreadsheet_does_not_hold_are_refused_by_name()
    {
        var missing = Assert.Throws<SpreadsheetException>(() => SpreadsheetWriter.Open(SchemaFile, new() { Fields = ["运费"] }));
        Assert.StartsWith("The form D000900Order has no field '运费' (by code or display name); its fields: 订单号 (F0000001),", missing.Message, StringComparison.Ordinal);

        var file = Assert.Throws<SpreadsheetException>(() => SpreadsheetWriter.Open(SchemaFile, new() { Fields = ["附件"] }));
        Assert.Equal("The field '附件' of D000900Order is a File field, which a spreadsheet does not hold exactly (it could not be imported back); leave it out.", file.Message);

        var key = Assert.Throws<SpreadsheetException>(() => SpreadsheetWriter.Open(SchemaFile, new() { Keys = ["地址"] }));
        Assert.Contains("is a Address field", key.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fields_choose_the_columns_and_the_key_comes_first()
    {
        var writer = SpreadsheetWriter.Open(SchemaFile, new() { Fields = ["F0000003"], Keys = ["订单号"] });

        Assert.Equal(["ObjectId", "订单号", "金额"], writer.Columns.Select(c => c.Header));
        Assert.Empty(writer.ChildSheets);
        var file = Path.Combine(_folder, "few.xlsx");
        await writer.WriteAsync(file, []);
        Assert.Equal(["订单"], MiniExcel.GetSheetNames(file));
        Assert.Single(Read(file, "订单"));
    }

    [Fact]
    public async Task A_cancelled_write_leaves_no_file()
    {
        var file = Path.Combine(_folder, "cancelled.xlsx");
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SpreadsheetWriter.Open(SchemaFile).WriteAsync(file, [Element(new JsonObject { ["ObjectId"] = "o" })], cancellationToken: cancel.Token));

        Assert.Empty(Directory.EnumerateFiles(_folder, "*cancelled*", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    [Theory]
    [InlineData(".xlsx")]
    [InlineData(".csv")]
    public async Task A_read_that_fails_midway_throws_its_own_exception_and_leaves_no_file_nor_replaces_one(string extension)
    {
        var file = Path.Combine(_folder, "failing" + extension);
        await File.WriteAllTextAsync(file, "the previous export");
        using var cancel = new CancellationTokenSource();

        var failed = await Assert.ThrowsAsync<TimeoutException>(() => SpreadsheetWriter.Open(SchemaFile).WriteAsync(file, Failing(() => throw new TimeoutException("H3Yun did not answer"))));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SpreadsheetWriter.Open(SchemaFile).WriteAsync(file, Failing(cancel.Cancel), cancellationToken: cancel.Token));

        Assert.Equal("H3Yun did not answer", failed.Message);
        Assert.Equal("the previous export", await File.ReadAllTextAsync(file));
        Assert.Equal([file], Directory.EnumerateFiles(_folder, "*failing*", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    private static async IAsyncEnumerable<IReadOnlyList<JsonElement>> Failing(Action fail)
    {
        await Task.Yield();
        var record = new JsonObject { ["ObjectId"] = "o-1", ["D000900Lines"] = new JsonArray(new JsonObject { ["ObjectId"] = "l-1" }) };
        yield return Enumerable.Repeat(Element(record), 500).ToList();
        fail();
        yield return [Element(record)];
    }

    private static Gen<T?> Maybe<T>(Gen<T> gen)
        where T : struct => Gen.Frequency((1, Gen.Const((T?)null)), (4, gen.Select(value => (T?)value)));

    private static void Person(JsonObject record, string code, string? id, bool withCompanion)
    {
        if (id is null)
        {
            record[code] = null;
        }
        else if (withCompanion)
        {
            record[code] = "名字";
            record[code + "Object"] = new JsonObject { ["ObjectId"] = id, ["Name"] = "名字" };
        }
        else
        {
            record[code] = id;
        }
    }

    private static JsonElement Element(JsonObject record) => JsonDocument.Parse(record.ToJsonString()).RootElement;

    private static List<object?[]> Read(string file, string? sheet)
    {
        if (Path.GetExtension(file) == ".csv")
        {
            return [.. File.ReadAllLines(file).Select(line => (object?[])[line])];
        }

        return [.. MiniExcel.Query(file, useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().Select(row => row.Values.Select(v => v is string { Length: 0 } ? null : v).ToArray())];
    }

    // The unmatched id columns, read as the import will read them: text of the cell.
    private static List<string?> IdColumn(string file, string sheet, int column)
    {
        if (Path.GetExtension(file) == ".csv")
        {
            using var reader = Sep.Reader(o => o with { HasHeader = true, Unescape = true }).From(new StringReader(File.ReadAllText(file)));
            return [.. reader.Enumerate(row => (string?)row[column].ToString())];
        }

        return [.. Read(file, sheet).Skip(1).Select(row => row[column] as string)];
    }

    // The one loss, documented: XML reads a carriage return as a line feed, so an .xlsx cell holds "a\r\nb" as "a\nb".
    private static object? Held(object? value, string extension) =>
        extension == ".xlsx" && value is string text ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : value;

    private static bool Same(object? expected, object? actual) => (expected, actual) switch
    {
        (decimal e, decimal a) => e == a,
        (long e, long a) => e == a,
        _ => object.Equals(expected, actual),
    };

    private static string Show(object? value) => value is null ? "null" : $"{value} ({value.GetType().Name})";

    private sealed class Inline<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
