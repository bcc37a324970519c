using H3Yun.OpenApi;
using H3Yun.Protocol;
using MiniExcelLibs;

namespace H3Yun.Spreadsheets.Tests;

/// <summary>What the import asks of a form and a file before it reads a row: field kinds, child tables, sheet names.</summary>
public sealed class SpreadsheetFormsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("h3yun-forms-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(nameof(BizDataType.Unit), false, H3FieldKind.Unit)]
    [InlineData(nameof(BizDataType.Unit), true, H3FieldKind.UnitList)]
    [InlineData(nameof(BizDataType.UnitArray), false, H3FieldKind.UnitList)]
    [InlineData(nameof(BizDataType.Association), false, H3FieldKind.Association)]
    [InlineData(nameof(BizDataType.Association), true, H3FieldKind.AssociationList)]
    [InlineData(nameof(BizDataType.Long), false, H3FieldKind.WholeNumber)]
    [InlineData(nameof(BizDataType.Bool), false, H3FieldKind.Boolean)]
    [InlineData(nameof(BizDataType.DateTime), false, H3FieldKind.DateTime)]
    public void A_field_read_from_cells_is_written_as_its_kind(string type, bool multiple, H3FieldKind kind)
    {
        Assert.Equal(kind, SpreadsheetForms.KindOf(new SheetField("F1", null, Enum.Parse<BizDataType>(type), multiple, [])));
    }

    [Fact]
    public void A_child_table_with_no_field_read_from_cells_is_not_part_of_the_shape()
    {
        var schema = Path.Combine(_folder, "Order.h3form.json");
        File.WriteAllText(schema, """
            {
              "SchemaCode": "D1",
              "Properties": [
                { "Name": "F1", "DataType": "ShortString" },
                { "Name": "D1Files", "DataType": "BizObjectArray", "ChildSchema": { "SchemaCode": "D1Files", "Properties": [ { "Name": "F2", "DataType": "File" } ] } }
              ]
            }
            """);

        Assert.Equal(["F1"], SpreadsheetForms.Shape(schema).Fields.Select(f => f.Code));
    }

    [Fact]
    public void A_CSV_file_is_one_sheet_named_as_the_file_and_a_workbook_lists_its_sheets()
    {
        var xlsx = Path.Combine(_folder, "book.xlsx");
        MiniExcel.SaveAs(xlsx, new Dictionary<string, object> { ["订单"] = new[] { new { A = 1 } }, ["明细"] = new[] { new { B = 2 } } });

        Assert.Equal(["orders.csv"], SpreadsheetForms.SheetNames(Path.Combine(_folder, "orders.csv")));
        Assert.Equal(["订单", "明细"], SpreadsheetForms.SheetNames(xlsx));
    }

    [Fact]
    public void A_file_named_xlsx_that_is_not_a_workbook_is_refused_when_its_sheets_are_asked()
    {
        var file = Path.Combine(_folder, "fake.XLSX");
        File.WriteAllText(file, "not a zip");

        var error = Assert.Single(Assert.Throws<SpreadsheetException>(() => SpreadsheetForms.SheetNames(file)).Errors);

        Assert.Equal("fake.XLSX", error.Sheet);
        Assert.StartsWith("an .xlsx workbook (an Office Open XML package): ", error.Expected, StringComparison.Ordinal);
    }
}
