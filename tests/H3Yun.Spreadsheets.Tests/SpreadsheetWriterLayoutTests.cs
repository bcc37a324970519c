using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiniExcelLibs;

namespace H3Yun.Spreadsheets.Tests;

/// <summary>
/// How <see cref="SpreadsheetWriter"/> lays a form out: sheet names Excel accepts, headers that read back as their
/// field, the parent's keys on a child table's sheet, counts and progress per batch, and where the files go.
/// </summary>
public sealed class SpreadsheetWriterLayoutTests : IDisposable
{
    private const string Schema = """
        {
          "SchemaCode": "D000900Order",
          "DisplayName": "订单[2026]/汇总:*?\\",
          "Properties": [
            { "Name": "F0000001", "DisplayName": "产品", "DataType": "ShortString" },
            { "Name": "F0000002", "DisplayName": "F0000003", "DataType": "ShortString" },
            { "Name": "F0000003", "DataType": "Double" },
            { "Name": "F0000004", "DisplayName": "负责人", "DataType": "Unit" },
            {
              "Name": "D000900Lines", "DisplayName": "订单2026汇总", "DataType": "BizObjectArray",
              "ChildSchema": {
                "SchemaCode": "D000900Lines", "DisplayName": "明细表",
                "Properties": [ { "Name": "F0000021", "DisplayName": "产品", "DataType": "ShortString" } ]
              }
            },
            {
              "Name": "D000900Notes", "DataType": "BizObjectArray",
              "ChildSchema": {
                "SchemaCode": "D000900Notes", "DisplayName": "一个超过三十一个字符的很长很长很长很长很长很长很长的子表名字啊",
                "Properties": [ { "Name": "F0000031", "DisplayName": "说明", "DataType": "String" } ]
              }
            },
            {
              "Name": "D000900Others", "DisplayName": "D000900Extra", "DataType": "BizObjectArray",
              "ChildSchema": { "SchemaCode": "D000900Others", "Properties": [ { "Name": "F0000041", "DataType": "String" } ] }
            },
            {
              "Name": "D000900More", "DisplayName": "D000900Extra_2", "DataType": "BizObjectArray",
              "ChildSchema": { "SchemaCode": "D000900More", "Properties": [ { "Name": "F0000061", "DataType": "String" } ] }
            },
            {
              "Name": "D000900Extra", "DataType": "BizObjectArray",
              "ChildSchema": { "SchemaCode": "D000900Extra", "Properties": [ { "Name": "F0000051", "DataType": "String" } ] }
            }
          ]
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("h3yun-layout-").FullName;

    public SpreadsheetWriterLayoutTests() => File.WriteAllText(SchemaFile, Schema);

    private string SchemaFile => Path.Combine(_folder, "Order.h3form.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Sheet_names_lose_what_Excel_refuses_are_cut_to_31_characters_and_are_unique_in_any_case()
    {
        var writer = SpreadsheetWriter.Open(SchemaFile);

        Assert.Equal("订单2026汇总", writer.Sheet);
        var longName = "一个超过三十一个字符的很长很长很长很长很长很长很长的子表名字啊";
        // The child table's field names it before its ChildSchema does; a display name taken gives way to the
        // SchemaCode; a SchemaCode taken too gets the first number not taken.
        Assert.Equal(["D000900Lines", longName[..31], "D000900Extra", "D000900Extra_2", "D000900Extra_3"], writer.ChildSheets);
    }

    [Fact]
    public void A_display_name_that_is_another_fields_code_is_that_field_and_a_field_without_one_is_headed_by_its_code()
    {
        var writer = SpreadsheetWriter.Open(SchemaFile, new() { Fields = ["F0000003", "f0000001"] });

        // "F0000003" names F0000002 by its display name, which comes before codes (as the reader matches headers).
        Assert.Equal(["ObjectId", "F0000002", "F0000001"], writer.Columns.Select(c => c.FieldCode));
        Assert.Equal(["ObjectId", "F0000003", "产品"], writer.Columns.Select(c => c.Header));
    }

    [Fact]
    public async Task A_field_whose_code_is_another_fields_display_name_is_headed_by_its_code_in_lower_case_and_reads_back()
    {
        var writer = SpreadsheetWriter.Open(SchemaFile);
        var file = Path.Combine(_folder, "codes.csv");
        var record = JsonDocument.Parse("""{ "ObjectId": "o-1", "F0000001": "P-1", "F0000002": "text", "F0000003": 2.5 }""").RootElement;

        await writer.WriteAsync(file, [record]);

        // Headed "F0000003", the column would read back as F0000002, whose display name that is.
        Assert.Equal(["ObjectId", "产品", "F0000003", "f0000003", "负责人"], writer.Columns.Select(c => c.Header));
        var row = Assert.Single(SpreadsheetReader.Open(SchemaFile, file).Rows());
        Assert.Equal("text", row.Values["F0000002"]);
        Assert.Equal(2.5m, row.Values["F0000003"]);
    }

    [Fact]
    public void A_field_no_header_reads_back_as_is_skipped_and_refused_as_a_key()
    {
        var schema = Path.Combine(_folder, "Clash.h3form.json");
        File.WriteAllText(schema, """
            { "SchemaCode": "D1", "Properties": [
              { "Name": "F1", "DisplayName": "Fa", "DataType": "ShortString" },
              { "Name": "Fa", "DataType": "ShortString" },
              { "Name": "F3", "DisplayName": "fa", "DataType": "ShortString" } ] }
            """);

        var writer = SpreadsheetWriter.Open(schema);
        var key = Assert.Throws<SpreadsheetException>(() => SpreadsheetWriter.Open(schema, new() { Keys = ["F3", "FA"] }));

        Assert.Equal(["ObjectId", "F1", "F3"], writer.Columns.Select(c => c.FieldCode));
        Assert.Equal(["Fa (Fa, ShortString): no header reads back as it (another field's display name is its code, and one in lower case)"], writer.SkippedFields);
        Assert.Equal("The key 'FA' of D1: no header reads back as it (another field's display name is its code, and one in lower case); rename one of those fields.", key.Message);
    }

    [Fact]
    public void A_field_not_found_lists_the_fields_by_display_name_and_code_or_code_alone()
    {
        var ex = Assert.Throws<SpreadsheetException>(() => SpreadsheetWriter.Open(SchemaFile, new() { Keys = ["运费"] }));

        Assert.StartsWith("The form D000900Order has no field '运费' for a key (by code or display name); its fields: 产品 (F0000001), F0000003 (F0000002), F0000003, 负责人 (F0000004),", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_sheet_carries_the_parents_keys_by_id_and_a_key_header_a_child_field_has_is_prefixed_with_the_sheet()
    {
        var writer = SpreadsheetWriter.Open(SchemaFile, new() { Keys = ["产品", "负责人"] });
        var file = Path.Combine(_folder, "keys.xlsx");
        var record = JsonNode.Parse("""
            {
              "ObjectId": "o-1", "F0000001": "P-1", "F0000004": "张三", "F0000004Object": { "ObjectId": "u-1", "Name": "张三" },
              "D000900Lines": [ { "ObjectId": "l-1", "F0000021": "螺丝" } ]
            }
            """)!;

        await writer.WriteAsync(file, [JsonDocument.Parse(record.ToJsonString()).RootElement]);

        var lines = Rows(file, "D000900Lines");
        Assert.Equal(["ParentObjectId", "订单2026汇总.产品", "负责人", "ObjectId", "产品"], lines[0]);
        Assert.Equal(["o-1", "P-1", "u-1", "l-1", "螺丝"], lines[1]);
    }

    [Theory]
    [InlineData(".xlsx")]
    [InlineData(".csv")]
    public async Task Counts_and_progress_add_up_over_batches(string extension)
    {
        var writer = SpreadsheetWriter.Open(SchemaFile);
        var progress = new List<SpreadsheetWriteProgress>();

        var result = await writer.WriteAsync(Path.Combine(_folder, "batches" + extension), Batches(), new Inline<SpreadsheetWriteProgress>(progress.Add));

        Assert.Equal([new(2, 3), new(3, 3), new(5, 4)], progress);
        Assert.Equal([5L, 4L, 0L, 0L, 0L, 0L], result.Sheets.Select(s => s.Rows));
    }

    [Fact]
    public async Task Records_given_as_a_list_are_written_500_at_a_time()
    {
        var writer = SpreadsheetWriter.Open(SchemaFile);
        var progress = new List<SpreadsheetWriteProgress>();
        var odd = new List<SpreadsheetWriteProgress>();

        var result = await writer.WriteAsync(Path.Combine(_folder, "list.csv"), [.. Enumerable.Range(0, 1000).Select(i => Record($"o-{i}", 0))], new Inline<SpreadsheetWriteProgress>(progress.Add));
        await writer.WriteAsync(Path.Combine(_folder, "odd.csv"), [.. Enumerable.Range(0, 501).Select(i => Record($"o-{i}", 0))], new Inline<SpreadsheetWriteProgress>(odd.Add));

        Assert.Equal([new(500, 0), new(1000, 0)], progress); // no empty batch after the last full one
        Assert.Equal([new(500, 0), new(501, 0)], odd);
        Assert.Equal(1000, result.Sheets[0].Rows);
    }

    [Theory]
    [InlineData(".xlsx")]
    [InlineData(".csv")]
    public async Task A_write_cancelled_after_its_last_record_leaves_no_file(string extension)
    {
        var file = Path.Combine(_folder, "late" + extension);
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SpreadsheetWriter.Open(SchemaFile).WriteAsync(file, [Record("o-1", 1)], new Inline<SpreadsheetWriteProgress>(_ => cancel.Cancel()), cancel.Token));

        Assert.Empty(Directory.EnumerateFiles(_folder, "*late*", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    [Theory]
    [InlineData(".xlsx")]
    [InlineData(".csv")]
    public async Task A_write_replaces_a_file_and_creates_its_folder(string extension)
    {
        var writer = SpreadsheetWriter.Open(SchemaFile);
        var file = Path.Combine(_folder, "new", "deeper", "orders" + extension);

        await writer.WriteAsync(file, [Record("o-1", 0)]);
        await writer.WriteAsync(file, [Record("o-2", 0)]);

        var rows = Rows(file, "订单2026汇总");
        Assert.Equal(2, rows.Count);
        Assert.Equal("o-2", rows[1][0]);
        Assert.Single(Directory.EnumerateFiles(Path.GetDirectoryName(file)!, "*" + extension, new EnumerationOptions { AttributesToSkip = 0 }), f => Path.GetFileName(f) == "orders" + extension);
    }

    [Fact]
    public async Task An_xlsx_sheet_has_no_filter_and_its_first_row_is_the_headers()
    {
        var file = Path.Combine(_folder, "plain.xlsx");
        await SpreadsheetWriter.Open(SchemaFile).WriteAsync(file, [Record("o-1", 0)]);

        using var zip = ZipFile.OpenRead(file);
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        Assert.DoesNotContain("autoFilter", await sheet.ReadToEndAsync(), StringComparison.Ordinal);
        Assert.Equal("ObjectId", Rows(file, "订单2026汇总")[0][0]);
    }

    [Fact]
    public async Task Bad_arguments_are_refused_before_anything_is_written()
    {
        var writer = SpreadsheetWriter.Open(SchemaFile);

        await Assert.ThrowsAsync<ArgumentNullException>(() => writer.WriteAsync(Path.Combine(_folder, "a.csv"), (IEnumerable<JsonElement>)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => writer.WriteAsync(Path.Combine(_folder, "a.csv"), (IAsyncEnumerable<IReadOnlyList<JsonElement>>)null!));
        await Assert.ThrowsAsync<ArgumentException>(() => writer.WriteAsync(" ", [Record("o-1", 0)]));
        var wrong = await Assert.ThrowsAsync<SpreadsheetException>(() => writer.WriteAsync(Path.Combine(_folder, "a.txt"), [Record("o-1", 0)]));
        Assert.Equal("a.txt, row 0, value '.txt': expected an .xlsx or .csv file name", Assert.Single(wrong.Errors).ToString());
        Assert.Throws<ArgumentException>(() => SpreadsheetWriter.ChildCsvFile("", "明细"));
        Assert.Throws<ArgumentException>(() => SpreadsheetWriter.ChildCsvFile("a.csv", " "));
        Assert.Empty(Directory.EnumerateFiles(_folder, "a.*"));
    }

    [Fact]
    public void A_child_tables_csv_file_has_the_sheets_name_made_safe_for_a_file_name()
    {
        Assert.Equal(Path.Combine("out", "orders.a_b.csv"), SpreadsheetWriter.ChildCsvFile(Path.Combine("out", "orders.csv"), "a/b"));
        Assert.Equal("orders.明细.csv", SpreadsheetWriter.ChildCsvFile("orders.csv", "明细"));
    }

    private static async IAsyncEnumerable<IReadOnlyList<JsonElement>> Batches()
    {
        await Task.Yield();
        yield return [Record("o-1", 2), Record("o-2", 1)];
        yield return [Record("o-3", 0)];
        yield return [Record("o-4", 1), Record("o-5", 0)];
    }

    private static JsonElement Record(string id, int lines) => JsonDocument.Parse(new JsonObject
    {
        ["ObjectId"] = id,
        ["D000900Lines"] = new JsonArray([.. Enumerable.Range(0, lines).Select(i => (JsonNode)new JsonObject { ["ObjectId"] = $"{id}-{i}" })]),
    }.ToJsonString()).RootElement;

    private static List<object?[]> Rows(string file, string sheet) =>
        Path.GetExtension(file) == ".csv"
            ? [.. File.ReadAllLines(file).Select(line => (object?[])line.Split(','))]
            : [.. MiniExcel.Query(file, useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().Select(row => row.Values.ToArray())];

    private sealed class Inline<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
