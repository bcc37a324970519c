using System.IO.Compression;
using H3Yun.OpenApi;
using MiniExcelLibs;

namespace H3Yun.Spreadsheets.Tests;

/// <summary>What <c>h3yun import</c> needs of a workbook besides the records' rows: child-table sheets, a chosen set of columns, merged cells refused, the fields' kinds.</summary>
public sealed class ImportSheetTests : IDisposable
{
    private const string Schema = """
        {
          "SchemaCode": "D000900Order",
          "Properties": [
            { "Name": "F0000001", "DisplayName": "订单号", "DataType": "ShortString" },
            { "Name": "F0000002", "DisplayName": "金额", "DataType": "Double" },
            { "Name": "F0000003", "DisplayName": "渠道", "DataType": "ShortString", "Options": ["线上", "门店"], "Multiple": true },
            { "Name": "F0000004", "DisplayName": "客户", "DataType": "Association", "Multiple": true },
            { "Name": "F0000005", "DisplayName": "附件", "DataType": "File" },
            {
              "Name": "D000900FLines", "DisplayName": "明细", "DataType": "BizObjectArray",
              "ChildSchema": {
                "SchemaCode": "D000900FLines",
                "Properties": [
                  { "Name": "F0000011", "DisplayName": "产品", "DataType": "ShortString" },
                  { "Name": "F0000012", "DisplayName": "数量", "DataType": "Int" },
                ],
              },
            },
          ],
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("h3yun-import-sheets-").FullName;

    public ImportSheetTests() => File.WriteAllText(SchemaFile, Schema);

    private string SchemaFile => Path.Combine(_folder, "Order.h3form.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_child_table_sheet_reads_the_parents_key_and_the_tables_fields()
    {
        var file = Workbook(
            ("订单", [Row(("订单号", "SO-1"), ("金额", 1))]),
            ("明细", [Row(("订单号", "SO-1"), ("产品", "扇贝"), ("数量", 2)), Row(("订单号", "SO-1"), ("产品", "虾"), ("数量", 3))]));

        var reader = SpreadsheetReader.Open(SchemaFile, file, new() { Keys = ["订单号"], Sheet = "明细", ChildTable = "明细" });
        var rows = reader.Rows().ToList();

        Assert.Equal("D000900FLines", reader.ChildTable);
        Assert.Equal(["F0000001"], reader.KeyCodes);
        Assert.Equal(["F0000001", "F0000011", "F0000012"], reader.Columns.Select(c => c.FieldCode));
        Assert.Equal([2L, 3L], rows.Select(r => r.Values["F0000012"]));
        Assert.Equal(["SO-1", "SO-1"], rows.Select(r => r.Values["F0000001"]));
    }

    [Fact]
    public void A_child_tables_sheet_with_headers_and_no_row_says_no_record_has_a_row_but_a_records_sheet_is_refused()
    {
        // What an export writes for a form whose child tables are all empty (the import failed on it).
        var file = Path.Combine(_folder, "lines.csv");
        File.WriteAllText(file, "订单号,产品,数量\n");

        var reader = SpreadsheetReader.Open(SchemaFile, file, new() { Keys = ["订单号"], ChildTable = "明细" });

        Assert.Empty(reader.Rows());
        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file, new() { Keys = ["订单号"] })).Errors);
        Assert.Equal("at least one row of data below the headers", error.Expected);
    }

    [Fact]
    public void A_child_table_the_form_does_not_have_is_refused_with_those_it_has()
    {
        var file = Workbook(("订单", [Row(("订单号", "SO-1"))]));

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file, new() { Keys = ["订单号"], ChildTable = "行" })).Errors);

        Assert.Equal("a child table of D000900Order: 明细", error.Expected);
    }

    [Fact]
    public void Fields_reads_only_the_columns_named_besides_the_keys_and_refuses_a_field_without_a_column()
    {
        var file = Workbook(("订单", [Row(("订单号", "SO-1"), ("金额", 1), ("渠道", "线上"))]));

        var reader = SpreadsheetReader.Open(SchemaFile, file, new() { Keys = ["订单号"], Fields = ["F0000002"] });
        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file, new() { Keys = ["订单号"], Fields = ["客户"] })).Errors);

        Assert.Equal(["F0000001", "F0000002"], Assert.Single(reader.Rows()).Values.Keys);
        Assert.Equal("a column for the field F0000004 (客户), which is to be imported", error.Expected);
    }

    [Fact]
    public void Merged_cells_are_refused_at_their_range()
    {
        var file = Workbook(("订单", [Row(("订单号", "SO-1"), ("金额", 1)), Row(("订单号", null), ("金额", 2))]));
        MergeCells(file, "A2:A3");

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetReader.Open(SchemaFile, file, new() { Keys = ["订单号"] })).Errors);

        Assert.Equal(new SpreadsheetError("订单", 2, "A2", "A2:A3", "a value in each cell, not merged cells (unmerge them and fill every cell)"), error);
    }

    [Fact]
    public void Several_associations_are_read_as_ids_separated_by_semicolons()
    {
        var file = Workbook(("订单", [Row(("订单号", "SO-1"), ("客户", "id-1; id-2"))]));

        var row = Assert.Single(SpreadsheetReader.Open(SchemaFile, file).Rows());

        Assert.Equal("id-1;id-2", row.Values["F0000004"]);
    }

    [Fact]
    public void The_forms_shape_gives_each_field_read_from_cells_its_kind_and_the_child_tables_rows()
    {
        var shape = SpreadsheetForms.Shape(SchemaFile);

        Assert.Equal("D000900Order", shape.SchemaCode);
        Assert.Equal(
            [("F0000001", H3FieldKind.Text), ("F0000002", H3FieldKind.Number), ("F0000003", H3FieldKind.MultiText), ("F0000004", H3FieldKind.AssociationList), ("D000900FLines", H3FieldKind.ChildTable)],
            shape.Fields.Select(f => (f.Code, f.Kind)));
        Assert.Equal([("F0000011", H3FieldKind.Text), ("F0000012", H3FieldKind.WholeNumber)], shape.Fields[^1].RowFields.Select(f => (f.Code, f.Kind)));
        Assert.Equal([new SpreadsheetChildTable("D000900FLines", "明细")], SpreadsheetForms.ChildTables(SchemaFile));
    }

    [Fact]
    public void A_schema_file_with_an_unknown_DataType_is_refused_where_it_is_by_the_shared_reader()
    {
        File.WriteAllText(SchemaFile, """{ "SchemaCode": "D1", "Properties": [ { "Name": "F1", "DataType": "Strng" } ] }""");

        var ex = Assert.Throws<SpreadsheetException>(() => SpreadsheetForms.Shape(SchemaFile));

        Assert.Contains("$.Properties[0] (field F1) has no DataType H3Yun defines", ex.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, object?> Row(params (string Header, object? Value)[] cells) => cells.ToDictionary(c => c.Header, c => c.Value);

    private string Workbook(params (string Sheet, Dictionary<string, object?>[] Rows)[] sheets)
    {
        var file = Path.Combine(_folder, "book.xlsx");
        MiniExcel.SaveAs(file, sheets.ToDictionary(s => s.Sheet, s => (object)s.Rows), overwriteFile: true);
        return file;
    }

    // MiniExcel writes no merged cells: add the range to the sheet's XML as Excel saves it, after the sheet data.
    private static void MergeCells(string file, string range)
    {
        using var zip = ZipFile.Open(file, ZipArchiveMode.Update);
        var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
        string xml;
        using (var reader = new StreamReader(entry.Open()))
        {
            xml = reader.ReadToEnd();
        }

        var prefix = xml.Contains("</x:sheetData>", StringComparison.Ordinal) ? "x:" : string.Empty;
        xml = xml.Replace($"</{prefix}sheetData>", $"</{prefix}sheetData><{prefix}mergeCells count=\"1\"><{prefix}mergeCell ref=\"{range}\"/></{prefix}mergeCells>", StringComparison.Ordinal);
        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
        writer.Write(xml);
    }
}
