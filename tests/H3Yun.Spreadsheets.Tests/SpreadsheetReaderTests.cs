using System.IO.Compression;
using System.Text;
using MiniExcelLibs;

namespace H3Yun.Spreadsheets.Tests;

public sealed class SpreadsheetReaderTests : IDisposable
{
    private const string Schema = """
        {
          // One field of each kind a spreadsheet is read into.
          "SchemaCode": "D000900Order",
          "Properties": [
            { "Name": "F0000001", "DisplayName": "订单号", "DataType": "ShortString" },
            { "Name": "F0000002", "DisplayName": "金额", "DataType": "Double" },
            { "Name": "F0000003", "DisplayName": "数量", "DataType": 9 },
            { "Name": "F0000004", "DisplayName": "交期", "DataType": "DateTime" },
            { "Name": "F0000005", "DisplayName": "已付", "DataType": "Bool" },
            { "Name": "F0000006", "DisplayName": "级别", "DataType": "ShortString", "Options": ["普通", "VIP"] },
            { "Name": "F0000007", "DisplayName": "渠道", "DataType": "ShortString", "Options": ["线上", "门店", "电话"], "Multiple": true },
            { "Name": "F0000008", "DisplayName": "负责人", "DataType": "Unit" },
            { "Name": "F0000009", "DisplayName": "协办", "DataType": "UnitArray" },
            { "Name": "F0000010", "DisplayName": "客户", "DataType": "Association" },
            { "Name": "F0000011", "DisplayName": "附件", "DataType": "File" },
          ],
        }
        """;

    private static readonly Encoding Gb18030;

    private readonly string _folder = Directory.CreateTempSubdirectory("h3yun-sheets-").FullName;

    static SpreadsheetReaderTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gb18030 = Encoding.GetEncoding("GB18030");
    }

    public SpreadsheetReaderTests() => File.WriteAllText(SchemaFile, Schema);

    private string SchemaFile => Path.Combine(_folder, "Order.h3form.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Xlsx_cells_of_every_kind_convert_to_H3Yuns_write_format()
    {
        var file = Xlsx(
            Row(("订单号", "SO-1"), ("金额", 99.5), ("数量", 3), ("交期", new DateTime(2026, 1, 5, 9, 30, 0)), ("已付", true), ("级别", "VIP"), ("渠道", "线上;门店"), ("负责人", "u1"), ("协办", "u2; u3"), ("客户", "obj-1")),
            Row(("订单号", "SO-2"), ("金额", "1,234.25"), ("数量", "7"), ("交期", "2026年1月5日"), ("已付", "否"), ("级别", "普通"), ("渠道", null), ("负责人", null), ("协办", null), ("客户", null)),
            Row(("订单号", "SO-3"), ("金额", 0), ("数量", 0), ("交期", 46027.5), ("已付", 1), ("级别", null), ("渠道", "电话"), ("负责人", null), ("协办", null), ("客户", null)));

        var reader = SpreadsheetReader.Open(SchemaFile, file, new() { Keys = ["订单号"] });
        var rows = reader.Rows().ToList();

        Assert.Equal("Sheet1", reader.Sheet);
        Assert.Equal(3, reader.RowCount);
        Assert.Empty(reader.UnmatchedColumns);
        Assert.Equal([2, 3, 4], rows.Select(r => r.Row));
        var first = rows[0].Values;
        Assert.Equal("SO-1", first["F0000001"]);
        Assert.Equal(99.5m, first["F0000002"]);
        Assert.Equal(3L, first["F0000003"]);
        Assert.Equal("2026-01-05 09:30:00", first["F0000004"]);
        Assert.Equal(true, first["F0000005"]);
        Assert.Equal("VIP", first["F0000006"]);
        Assert.Equal("线上;门店", first["F0000007"]);
        Assert.Equal("u1", first["F0000008"]);
        Assert.Equal("u2;u3", first["F0000009"]);
        Assert.Equal("obj-1", first["F0000010"]);
        var second = rows[1].Values;
        Assert.Equal(1234.25m, second["F0000002"]);
        Assert.Equal(7L, second["F0000003"]);
        Assert.Equal("2026-01-05 00:00:00", second["F0000004"]);
        Assert.Equal(false, second["F0000005"]);
        Assert.Null(second["F0000007"]);
        var third = rows[2].Values;
        Assert.Equal("2026-01-05 12:00:00", third["F0000004"]); // an Excel date serial written as a plain number
        Assert.Equal(true, third["F0000005"]);
    }

    [Theory]
    [InlineData("2026/1/5", "2026-01-05 00:00:00")]
    [InlineData("2026-01-05", "2026-01-05 00:00:00")]
    [InlineData("2026年1月5日", "2026-01-05 00:00:00")]
    [InlineData("2026/1/5 8:05", "2026-01-05 08:05:00")]
    [InlineData("2026-01-05 08:05:09", "2026-01-05 08:05:09")]
    [InlineData("2026年1月5日 8:05", "2026-01-05 08:05:00")]
    [InlineData("46027", "2026-01-05 00:00:00")]
    [InlineData("46027.25", "2026-01-05 06:00:00")]
    [InlineData("2026-01-05T00:00:00Z", "2026-01-05 08:00:00")]
    public void Csv_dates_in_the_formats_Chinese_spreadsheets_use(string cell, string expected)
    {
        var file = Csv("订单号,交期\nSO-1," + cell + "\n", new UTF8Encoding(false));

        var row = Assert.Single(SpreadsheetReader.Open(SchemaFile, file).Rows());

        Assert.Equal(expected, row.Values["F0000004"]);
    }

    [Theory]
    [InlineData("是", true)]
    [InlineData("否", false)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    public void Csv_booleans(string cell, bool expected)
    {
        var file = Csv("订单号,已付\nSO-1," + cell + "\n", new UTF8Encoding(false));

        Assert.Equal(expected, Assert.Single(SpreadsheetReader.Open(SchemaFile, file).Rows()).Values["F0000005"]);
    }

    [Theory]
    [InlineData("utf8-bom")]
    [InlineData("utf8")]
    [InlineData("gb18030")]
    public void Csv_in_UTF8_with_and_without_BOM_and_in_GB18030_reads_the_same(string encoding)
    {
        var text = "F0000001,金额,级别,渠道,备注\r\nSO-1,\"1,5\",VIP,\"线上;电话\",任意\r\n\r\nSO-2,2.5,普通,,\r\n";
        var file = Csv(text, encoding switch { "utf8-bom" => new UTF8Encoding(true), "utf8" => new UTF8Encoding(false), _ => Gb18030 });

        var reader = SpreadsheetReader.Open(SchemaFile, file, new() { Keys = ["F0000001"] });
        var rows = reader.Rows().ToList();

        Assert.Equal(["F0000001", "金额", "级别", "渠道"], reader.Columns.Select(c => c.Header));
        Assert.Equal(["备注"], reader.UnmatchedColumns);
        Assert.Equal([2, 4], rows.Select(r => r.Row)); // the blank row 3 is skipped
        Assert.Equal(15m, rows[0].Values["F0000002"]);
        Assert.Equal("VIP", rows[0].Values["F0000006"]);
        Assert.Equal("线上;电话", rows[0].Values["F0000007"]);
        Assert.Equal("普通", rows[1].Values["F0000006"]);
    }

    [Fact]
    public void Every_wrong_cell_is_reported_with_sheet_row_column_value_and_expectation_before_any_row()
    {
        var file = Xlsx(
            Row(("订单号", "SO-1"), ("金额", "很多"), ("数量", 2.5), ("交期", "明天"), ("已付", "也许"), ("级别", "金牌"), ("渠道", "线上;传真"), ("负责人", "u1;u2")),
            Row(("订单号", null), ("金额", 1), ("数量", 1), ("交期", null), ("已付", null), ("级别", null), ("渠道", null), ("负责人", null)));

        var ex = Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file, new() { Keys = ["订单号"] }));

        Assert.Equal(
            [
                "Sheet1, row 2, column '金额', value '很多': expected a number",
                "Sheet1, row 2, column '数量', value '2.5': expected a whole number",
                "Sheet1, row 2, column '交期', value '明天': expected a date such as 2026/1/5, 2026-01-05, 2026年1月5日 (a time may follow) or an Excel date",
                "Sheet1, row 2, column '已付', value '也许': expected 是/否, true/false or 1/0",
                "Sheet1, row 2, column '级别', value '金牌': expected one of 普通, VIP (unknown: '金牌')",
                "Sheet1, row 2, column '渠道', value '线上;传真': expected options separated by ';', each one of 线上, 门店, 电话 (unknown: '传真')",
                "Sheet1, row 2, column '负责人', value 'u1;u2': expected one person's or department's id",
                "Sheet1, row 3, column '订单号': expected a value: this is a key column",
            ],
            ex.Errors.Select(e => e.ToString()));
        Assert.Contains("nothing was read", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_sheet_is_refused()
    {
        var file = Path.Combine(_folder, "empty.xlsx");
        MiniExcel.SaveAs(file, Array.Empty<Dictionary<string, object?>>(), printHeader: false, sheetName: "订单");

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file)).Errors);

        Assert.Equal(new SpreadsheetError("订单", 1, null, null, "a header row naming the fields (the sheet is empty)"), error);
    }

    [Fact]
    public void Headers_without_rows_are_refused()
    {
        var file = Csv("订单号,金额\n", new UTF8Encoding(false));

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file)).Errors);

        Assert.Equal(new SpreadsheetError("sheet.csv", 2, null, null, "at least one row of data below the headers"), error);
    }

    [Fact]
    public void A_missing_key_column_is_refused()
    {
        var file = Xlsx(Row(("金额", 1)));

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file, new() { Keys = ["F0000001"] })).Errors);

        Assert.Equal(new SpreadsheetError("Sheet1", 1, null, null, "a column for the key field F0000001 (订单号)"), error);
    }

    [Fact]
    public void Two_columns_for_one_field_are_refused_by_code_or_display_name()
    {
        var file = Csv("订单号,金额,F0000002\nSO-1,1,2\n", new UTF8Encoding(false));

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file)).Errors);

        Assert.Equal(new SpreadsheetError("sheet.csv", 1, "F0000002", null, "one column per field; '金额' is already the field F0000002"), error);
    }

    [Fact]
    public void A_column_of_a_kind_not_read_from_cells_is_refused()
    {
        var file = Csv("订单号,附件\nSO-1,a.pdf\n", new UTF8Encoding(false));

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file)).Errors);

        Assert.Equal(new SpreadsheetError("sheet.csv", 1, "附件", null, "a field read from cells; F0000011 is a File field"), error);
    }

    [Fact]
    public void A_formula_cell_is_refused_at_its_cell()
    {
        var file = Xlsx(Row(("订单号", "SO-1"), ("金额", 2)));
        AddFormula(file, "B2", "1+1");

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file)).Errors);

        Assert.Equal(new SpreadsheetError("Sheet1", 2, "B2", "=1+1", "a value, not a formula (paste the values instead)"), error);
    }

    [Fact]
    public void A_file_named_xlsx_that_is_not_a_workbook_is_refused()
    {
        var file = Path.Combine(_folder, "orders.xlsx");
        File.WriteAllText(file, "订单号,金额\nSO-1,1\n");

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file)).Errors);

        Assert.Equal("orders.xlsx", error.Sheet);
        Assert.StartsWith("an .xlsx workbook (an Office Open XML package)", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sheet_that_is_not_in_the_workbook_is_refused_with_the_sheets_there()
    {
        var file = Xlsx(Row(("订单号", "SO-1")));

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file, new() { Sheet = "明细" })).Errors);

        Assert.Equal("a sheet of the workbook: Sheet1", error.Expected);
    }

    [Fact]
    public void A_UTF16_CSV_is_refused()
    {
        var file = Csv("订单号\nSO-1\n", new UnicodeEncoding(bigEndian: false, byteOrderMark: true));

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file)).Errors);

        Assert.Equal("sheet.csv", error.Sheet);
        Assert.StartsWith("UTF-8 or GB18030, not UTF-16", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void A_GB18030_CSV_read_as_UTF8_only_is_refused_at_its_line()
    {
        var file = Csv("订单号,金额\nSO-1,1\nSO-2,2\n", Gb18030);

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file, new() { Encoding = CsvEncoding.Utf8 })).Errors);

        Assert.Equal(1, error.Row);
        Assert.Equal("byte 0", error.Value);
        Assert.StartsWith("UTF-8 (the file is read as UTF-8 only", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void A_CSV_valid_in_neither_UTF8_nor_GB18030_is_refused_at_its_line()
    {
        var bytes = new UTF8Encoding(false).GetBytes("F0000001\nSO-1\n").Concat(new byte[] { 0x53, 0x4F, 0xFF, 0x0A }).ToArray();
        var file = Path.Combine(_folder, "sheet.csv");
        File.WriteAllBytes(file, bytes);

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file)).Errors);

        Assert.Equal(3, error.Row);
        Assert.Equal("byte 16", error.Value);
        Assert.Equal("UTF-8 or GB18030 (the file is valid in neither)", error.Expected);
    }

    [Fact]
    public void Xlsx_rows_keep_the_spreadsheets_numbers_across_a_blank_row()
    {
        var file = Xlsx(Row(("订单号", "SO-1"), ("备注", "x")), Row(("订单号", null), ("备注", null)), Row(("订单号", "SO-3"), ("备注", null)));

        var reader = SpreadsheetReader.Open(SchemaFile, file, new() { Keys = ["订单号"] });

        Assert.Equal(["备注"], reader.UnmatchedColumns);
        Assert.Equal([(2, "SO-1"), (4, "SO-3")], reader.Rows().Select(r => (r.Row, (string)r.Values["F0000001"]!)));
    }

    [Fact]
    public void A_quoted_CSV_cell_may_hold_commas_quotes_and_line_breaks_and_rows_are_numbered_as_Excel_shows_them()
    {
        var file = Csv("订单号,金额\n\"SO,\"\"1\"\"\n续\",1\nSO-2,2\n", new UTF8Encoding(false));

        var rows = SpreadsheetReader.Open(SchemaFile, file).Rows().ToList();

        Assert.Equal([2, 3], rows.Select(r => r.Row));
        Assert.Equal("SO,\"1\"\n续", rows[0].Values["F0000001"]);
    }

    [Fact]
    public void Errors_beyond_MaxErrors_are_counted_not_kept()
    {
        var file = Csv("订单号,金额\n" + string.Concat(Enumerable.Range(0, 30).Select(i => $"SO-{i},x\n")), new UTF8Encoding(false));

        var ex = Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file, new() { MaxErrors = 5 }));

        Assert.Equal([2, 3, 4, 5, 6], ex.Errors.Select(e => e.Row));
        Assert.StartsWith("The spreadsheet has 30 problem(s); nothing was read:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_are_streamed_by_a_second_read_of_the_file()
    {
        var lines = new StringBuilder("订单号,金额\n");
        for (var i = 0; i < 20_000; i++)
        {
            lines.Append("SO-").Append(i).Append(',').Append(i).Append('\n');
        }

        var file = Csv(lines.ToString(), new UTF8Encoding(false));
        var reader = SpreadsheetReader.Open(SchemaFile, file, new() { Keys = ["订单号"] });

        Assert.Equal(20_000, reader.RowCount);
        var count = 0;
        foreach (var row in reader.Rows())
        {
            Assert.Equal((decimal)count, row.Values["F0000002"]);
            count++;
        }

        Assert.Equal(20_000, count);
    }

    [Fact]
    public void A_row_with_a_value_right_of_the_last_header_is_refused_and_empty_cells_there_are_not()
    {
        var file = Csv("订单号,金额\nSO-1,1,extra\nSO-2,2,\nSO-3,3,,x\nSO-4\n", new UTF8Encoding(false));

        var ex = Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file));

        Assert.Equal([2, 4], ex.Errors.Select(e => e.Row));
        Assert.All(ex.Errors, e => Assert.Equal("no cells right of the last header (column 2)", e.Expected));
    }

    [Fact]
    public void Fields_limit_the_columns_read_to_those_named_and_the_keys()
    {
        var file = Csv("订单号,金额,数量\nSO-1,1.5,2\n", new UTF8Encoding(false));

        var reader = SpreadsheetReader.Open(SchemaFile, file, new() { Keys = ["订单号"], Fields = ["金额"] });

        Assert.Equal(["订单号", "金额"], reader.Columns.Select(c => c.Header));
        Assert.Equal(["F0000001", "F0000002"], Assert.Single(reader.Rows()).Values.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_field_named_that_the_form_lacks_or_the_sheet_has_no_column_for_is_refused()
    {
        var file = Csv("订单号,金额\nSO-1,1.5\n", new UTF8Encoding(false));

        var ex = Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file, new() { Fields = ["运费", "数量"] }));

        Assert.Equal(
            ["sheet.csv, row 1, value '运费': expected a field of D000900Order to import, by code or display name",
             "sheet.csv, row 1, value '数量': expected a column for the field F0000003 (数量), which is to be imported"],
            ex.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_child_table_the_form_lacks_is_refused_with_the_tables_it_has()
    {
        var file = Csv("订单号\nSO-1\n", new UTF8Encoding(false));

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file, new() { ChildTable = "明细" })).Errors);

        Assert.Equal("sheet.csv, row 0, value '明细': expected a child table of D000900Order: it has none", error.ToString());
    }

    [Fact]
    public void A_missing_file_and_a_file_of_another_kind_are_refused()
    {
        var missing = Path.Combine(_folder, "none.csv");
        var text = Path.Combine(_folder, "sheet.txt");
        File.WriteAllText(text, "订单号\nSO-1\n");

        var absent = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, missing)).Errors);
        var other = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, text)).Errors);

        Assert.Equal($"none.csv, row 0, value '{missing}': expected an existing file", absent.ToString());
        Assert.Equal("sheet.txt, row 0, value '.txt': expected an .xlsx or .csv file", other.ToString());
    }

    [Fact]
    public void The_message_lists_twenty_errors_and_counts_the_rest()
    {
        var file = Csv("订单号,金额\n" + string.Concat(Enumerable.Range(0, 25).Select(i => $"SO-{i},x{i}\n")), new UTF8Encoding(false));

        var ex = Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file, new() { MaxErrors = 22 }));

        var lines = ex.Message.Split(Environment.NewLine);
        Assert.Equal(22, ex.Errors.Count);
        Assert.Equal("The spreadsheet has 25 problem(s); nothing was read:", lines[0]);
        Assert.Equal("  sheet.csv, row 2, column '金额', value 'x0': expected a number", lines[1]);
        Assert.Equal("  sheet.csv, row 21, column '金额', value 'x19': expected a number", lines[20]);
        Assert.Equal("  … and 5 more", lines[21]);
        Assert.Equal(22, lines.Length);
    }

    [Fact]
    public void Twenty_errors_are_all_listed()
    {
        var file = Csv("订单号,金额\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"SO-{i},x\n")), new UTF8Encoding(false));

        var ex = Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file));

        Assert.Equal(21, ex.Message.Split(Environment.NewLine).Length);
        Assert.EndsWith("row 21, column '金额', value 'x': expected a number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_UTF8_CSV_whose_characters_cross_the_read_blocks_is_checked_to_the_byte()
    {
        // 33-byte lines of 3-byte characters: a character crosses the 64 KiB boundary of the check's blocks.
        var text = "订单号,金额\n" + string.Concat(Enumerable.Repeat("中中中中中中中中中中,1\n", 2200));
        var good = new UTF8Encoding(false).GetBytes(text);
        File.WriteAllBytes(Path.Combine(_folder, "large.csv"), good);
        File.WriteAllBytes(Path.Combine(_folder, "broken.csv"), [.. good, 0xFF, (byte)'\n']);

        Assert.Equal(2200, SpreadsheetReader.Open(SchemaFile, Path.Combine(_folder, "large.csv"), new() { Encoding = CsvEncoding.Utf8 }).RowCount);
        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, Path.Combine(_folder, "broken.csv"), new() { Encoding = CsvEncoding.Utf8 })).Errors);
        Assert.Equal(2202, error.Row);
        Assert.Equal($"byte {good.Length}", error.Value);
    }

    [Fact]
    public void A_CSV_read_as_GB18030_only_that_is_not_is_refused_as_GB18030()
    {
        File.WriteAllBytes(Path.Combine(_folder, "sheet.csv"), [.. Gb18030.GetBytes("订单号\nSO-1\n"), 0xFF, (byte)'\n']);

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, Path.Combine(_folder, "sheet.csv"), new() { Encoding = CsvEncoding.Gb18030 })).Errors);

        Assert.Equal("GB18030", error.Expected);
        Assert.Equal(3, error.Row);
    }

    [Fact]
    public void A_workbook_without_worksheets_is_refused()
    {
        var file = Xlsx(Row(("订单号", "SO-1")));
        EditWorkbook(file, xml => System.Text.RegularExpressions.Regex.Replace(xml, "<(\\w+:)?sheets>.*</(\\w+:)?sheets>", string.Empty, System.Text.RegularExpressions.RegexOptions.Singleline));

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file)).Errors);

        Assert.Equal("an .xlsx workbook (an Office Open XML package): no worksheets", error.Expected);
    }

    [Fact]
    public void A_workbooks_defined_names_are_not_taken_for_sheets()
    {
        var file = Xlsx(Row(("订单号", "SO-1")));
        EditWorkbook(file, xml => xml.Replace("</workbook>", "<definedNames><definedName name=\"Total\">Sheet1!$A$1</definedName></definedNames></workbook>", StringComparison.Ordinal)
            .Replace("</x:workbook>", "<x:definedNames><x:definedName name=\"Total\">Sheet1!$A$1</x:definedName></x:definedNames></x:workbook>", StringComparison.Ordinal));

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file, new() { Sheet = "明细" })).Errors);

        Assert.Equal("a sheet of the workbook: Sheet1", error.Expected);
        Assert.Contains("definedName", ReadEntry(file, "xl/workbook.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_exception_without_errors_says_the_spreadsheet_cannot_be_read()
    {
        Assert.Equal("The spreadsheet cannot be read.", new SpreadsheetException().Message);
        Assert.Empty(new SpreadsheetException().Errors);
    }

    [Fact]
    public void A_sheet_not_in_a_workbook_of_several_is_refused_with_each_sheet_there()
    {
        var file = Path.Combine(_folder, "book.xlsx");
        MiniExcel.SaveAs(file, new Dictionary<string, object> { ["订单"] = new[] { Row(("订单号", "SO-1")) }, ["明细"] = new[] { Row(("订单号", "SO-1")) } });

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file, new() { Sheet = "客户" })).Errors);

        Assert.Equal("a sheet of the workbook: 订单, 明细", error.Expected);
    }

    [Fact]
    public void A_child_table_not_in_the_form_is_refused_with_the_tables_it_has()
    {
        var schema = Path.Combine(_folder, "Tables.h3form.json");
        File.WriteAllText(schema, """
            { "SchemaCode": "D1", "Properties": [
              { "Name": "D1Lines", "DisplayName": "明细", "DataType": "BizObjectArray", "ChildSchema": { "SchemaCode": "D1Lines", "Properties": [ { "Name": "F1", "DataType": "String" } ] } },
              { "Name": "D1Notes", "DataType": "BizObjectArray", "ChildSchema": { "SchemaCode": "D1Notes", "Properties": [ { "Name": "F2", "DataType": "String" } ] } } ] }
            """);
        var file = Csv("F1\nx\n", new UTF8Encoding(false));

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(schema, file, new() { ChildTable = "Lines" })).Errors);

        Assert.Equal("a child table of D1: 明细, D1Notes", error.Expected);
    }

    [Fact]
    public void A_zip_without_a_workbook_is_refused()
    {
        var file = Path.Combine(_folder, "empty.xlsx");
        using (var zip = ZipFile.Open(file, ZipArchiveMode.Create))
        {
            zip.CreateEntry("readme.txt");
        }

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file)).Errors);

        Assert.Equal("an .xlsx workbook (an Office Open XML package): no xl/workbook.xml", error.Expected);
    }

    [Fact]
    public void A_key_the_form_lacks_is_refused()
    {
        var file = Csv("订单号\nSO-1\n", new UTF8Encoding(false));

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file, new() { Keys = ["运费"] })).Errors);

        Assert.Equal("sheet.csv, row 0, value '运费': expected a key field of D000900Order, by code or display name", error.ToString());
    }

    [Fact]
    public void A_cell_changed_after_the_file_was_checked_is_refused_where_it_is_when_the_rows_are_read()
    {
        var file = Csv("订单号,金额\nSO-1,1\nSO-2,2\n", new UTF8Encoding(false));
        var reader = SpreadsheetReader.Open(SchemaFile, file);
        File.WriteAllText(file, "订单号,金额\nSO-1,1\nSO-2,two\n");

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => reader.Rows().ToList()).Errors);

        Assert.Equal("sheet.csv, row 3, column '金额', value 'two': expected a number", error.ToString());
    }

    [Fact]
    public void A_formula_is_found_when_the_workbook_names_its_sheet_relative_to_xl_as_Excel_does()
    {
        var file = Xlsx(Row(("订单号", "SO-1"), ("金额", 2)));
        AddFormula(file, "B2", "1+1");
        EditEntry(file, "xl/_rels/workbook.xml.rels", xml => xml.Replace("\"/xl/worksheets/", "\"worksheets/", StringComparison.Ordinal));

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file)).Errors);

        Assert.Contains("Target=\"worksheets/sheet1.xml\"", ReadEntry(file, "xl/_rels/workbook.xml.rels"), StringComparison.Ordinal);
        Assert.Equal("=1+1", error.Value);
    }

    [Fact]
    public void A_column_without_a_header_is_neither_read_nor_listed()
    {
        var file = Csv("订单号,,金额\nSO-1,,2\n", new UTF8Encoding(false));

        var reader = SpreadsheetReader.Open(SchemaFile, file);

        Assert.Empty(reader.UnmatchedColumns);
        Assert.Equal(["订单号", "金额"], reader.Columns.Select(c => c.Header));
    }

    [Fact]
    public void A_workbook_broken_after_it_was_checked_is_refused_when_the_rows_are_read()
    {
        var file = Xlsx(Row(("订单号", "SO-1")));
        var reader = SpreadsheetReader.Open(SchemaFile, file);
        File.WriteAllText(file, "not a workbook any more");

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => reader.Rows().ToList()).Errors);

        Assert.StartsWith("a readable file: ", error.Expected, StringComparison.Ordinal);
    }

    private static string ReadEntry(string file, string name)
    {
        using var zip = ZipFile.OpenRead(file);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static void EditWorkbook(string file, Func<string, string> edit) => EditEntry(file, "xl/workbook.xml", edit);

    private static void EditEntry(string file, string name, Func<string, string> edit)
    {
        var xml = edit(ReadEntry(file, name));
        using var zip = ZipFile.Open(file, ZipArchiveMode.Update);
        zip.GetEntry(name)!.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(xml);
    }

    private static Dictionary<string, object?> Row(params (string Header, object? Value)[] cells) =>
        cells.ToDictionary(c => c.Header, c => c.Value);

    private string Xlsx(params Dictionary<string, object?>[] rows)
    {
        var file = Path.Combine(_folder, "sheet.xlsx");
        MiniExcel.SaveAs(file, rows, overwriteFile: true);
        return file;
    }

    private string Csv(string text, Encoding encoding)
    {
        var file = Path.Combine(_folder, "sheet.csv");
        File.WriteAllBytes(file, [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);
        return file;
    }

    // MiniExcel writes no formulas: put one into the written sheet's XML, as Excel saves it (a formula and its value).
    private static void AddFormula(string file, string cell, string formula)
    {
        using var zip = ZipFile.Open(file, ZipArchiveMode.Update);
        var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
        string xml;
        using (var reader = new StreamReader(entry.Open()))
        {
            xml = reader.ReadToEnd();
        }

        var start = xml.IndexOf($"r=\"{cell}\"", StringComparison.Ordinal);
        var value = xml.IndexOf("<x:v>", start, StringComparison.Ordinal) is var x and >= 0 ? x : xml.IndexOf("<v>", start, StringComparison.Ordinal);
        var prefix = xml[value..].StartsWith("<x:", StringComparison.Ordinal) ? "x:" : string.Empty;
        xml = xml.Insert(value, $"<{prefix}f>{formula}</{prefix}f>");
        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
        writer.Write(xml);
    }
}
