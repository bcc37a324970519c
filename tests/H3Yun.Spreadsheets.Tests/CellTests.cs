using System.Globalization;
using System.Text.Json;
using H3Yun.Protocol;

namespace H3Yun.Spreadsheets.Tests;

/// <summary>
/// One cell at a time: what <see cref="CellConverter"/> reads from a cell, and what <see cref="CellWriter"/> makes of a
/// value as H3Yun answers it, at the edges of each kind (bounds, formats, separators).
/// </summary>
public sealed class CellTests
{
    private static SheetField Field(BizDataType type, bool multiple = false, params string[] options) => new("F0000001", "字段", type, multiple, options);

    [Theory]
    [InlineData("2026/1/5 8:05:09", "2026-01-05 08:05:09")]
    [InlineData("2026-1-5", "2026-01-05 00:00:00")]
    [InlineData("2026-1-5 8:05", "2026-01-05 08:05:00")]
    [InlineData("2026-1-5 8:05:09", "2026-01-05 08:05:09")]
    [InlineData("2026年1月5日 8:05:09", "2026-01-05 08:05:09")]
    [InlineData("2026年1月5日8:05", "2026-01-05 08:05:00")]
    [InlineData("2026年1月5日8:05:09", "2026-01-05 08:05:09")]
    [InlineData("2026年1月5日 8时5分", "2026-01-05 08:05:00")]
    [InlineData("2026年1月5日 8时5分9秒", "2026-01-05 08:05:09")]
    [InlineData("2026.1.5", "2026-01-05 00:00:00")]
    [InlineData("2026.1.5 8:05", "2026-01-05 08:05:00")]
    [InlineData("2026.1.5 8:05:09", "2026-01-05 08:05:09")]
    [InlineData("2026-01-05T08:05:09", "2026-01-05 08:05:09")]
    [InlineData("2026-01-05T08:05", "2026-01-05 08:05:00")]
    [InlineData(" 2026/1/5 ", "2026-01-05 00:00:00")]
    public void Every_date_format_a_Chinese_spreadsheet_uses_reads(string cell, string expected)
    {
        Assert.True(CellConverter.TryConvert(Field(BizDataType.DateTime), cell, out var value, out var error), error);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(1.0, "1899-12-31 00:00:00")] // Excel's first serial, as .NET reads OLE dates
    [InlineData(2958465.5, "9999-12-31 12:00:00")] // its last day
    [InlineData(46027 + (0.7 / 86400), "2026-01-05 00:00:01")] // seconds are rounded, as Excel shows them
    [InlineData(46027 + (0.5 / 86400), "2026-01-05 00:00:01")]
    [InlineData(46027 + (0.3 / 86400), "2026-01-05 00:00:00")]
    public void Excel_date_serials_read_to_the_rounded_second(double serial, string expected)
    {
        Assert.True(CellConverter.TryConvert(Field(BizDataType.DateTime), serial, out var value, out var error), error);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.0)]
    [InlineData(-3.0)]
    [InlineData(2958466.0)]
    [InlineData(double.NaN)]
    public void Serials_outside_Excels_dates_are_refused(double serial)
    {
        Assert.False(CellConverter.TryConvert(Field(BizDataType.DateTime), serial, out var value, out var error));
        Assert.Null(value);
        Assert.StartsWith("a date such as 2026/1/5", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_number_cell_that_is_not_a_number_is_refused(double cell)
    {
        Assert.False(CellConverter.TryConvert(Field(BizDataType.Double), cell, out _, out var error));
        Assert.Equal("a number", error);
    }

    [Fact]
    public void Whole_numbers_read_from_a_double_cell_only_while_a_double_holds_them_exactly()
    {
        Assert.True(CellConverter.TryConvert(Field(BizDataType.Long), 9007199254740991.0, out var exact, out _));
        Assert.Equal(9007199254740991L, exact);

        Assert.False(CellConverter.TryConvert(Field(BizDataType.Long), 9007199254740992.0, out _, out var error));
        Assert.Equal("a whole number", error);
        Assert.False(CellConverter.TryConvert(Field(BizDataType.Int), 2147483648.0, out _, out _));
        Assert.True(CellConverter.TryConvert(Field(BizDataType.Int), "2,147,483,647", out var largest, out _));
        Assert.Equal(2147483647L, largest);
    }

    [Theory]
    [InlineData(12.5, "12.5")]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    public void A_text_field_reads_a_number_or_boolean_cell_as_its_invariant_text(object cell, string expected)
    {
        Assert.True(CellConverter.TryConvert(Field(BizDataType.ShortString), cell, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void A_text_field_reads_a_date_cell_in_H3Yuns_format()
    {
        Assert.True(CellConverter.TryConvert(Field(BizDataType.String), new DateTime(2026, 1, 5, 9, 30, 0), out var value, out _));
        Assert.Equal("2026-01-05 09:30:00", value);
    }

    [Theory]
    [InlineData(nameof(BizDataType.Unit), "one person's or department's id")]
    [InlineData(nameof(BizDataType.Association), "one record's ObjectId")]
    public void A_single_reference_with_several_ids_is_refused(string type, string expected)
    {
        Assert.False(CellConverter.TryConvert(Field(Enum.Parse<BizDataType>(type)), "a;b", out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData(nameof(BizDataType.UnitArray), false)]
    [InlineData(nameof(BizDataType.Unit), true)]
    [InlineData(nameof(BizDataType.Association), true)]
    public void Several_references_are_joined_by_semicolons_without_blanks(string type, bool multiple)
    {
        Assert.True(CellConverter.TryConvert(Field(Enum.Parse<BizDataType>(type), multiple), " u1 ;; u2 ;", out var value, out _));
        Assert.Equal("u1;u2", value);
    }

    [Fact]
    public void A_field_of_a_kind_not_read_from_cells_says_so()
    {
        Assert.False(CellConverter.TryConvert(Field(BizDataType.File), "x", out _, out var error));
        Assert.Equal("nothing: a File field is not read from a spreadsheet", error);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("1", true)]
    [InlineData("2", true)]
    [InlineData("0", false)]
    [InlineData("0.0", false)]
    [InlineData("\"是\"", true)]
    [InlineData("\" TRUE \"", true)]
    [InlineData("\"1\"", true)]
    [InlineData("\"否\"", false)]
    [InlineData("\"false\"", false)]
    [InlineData("\"0\"", false)]
    [InlineData("\"maybe\"", "maybe")] // not a boolean: kept as the text H3Yun holds, to be seen rather than lost
    public void Booleans_as_H3Yun_answers_them(string json, object expected)
    {
        Assert.Equal(expected, CellWriter.Value(Record(json), Field(BizDataType.Bool)));
    }

    [Theory]
    [InlineData("12", 12L)]
    [InlineData("\"12\"", 12L)]
    [InlineData("\"12.0\"", 12L)]
    [InlineData("\"12.5\"", "12.5")]
    [InlineData("\"9223372036854775807\"", long.MaxValue)]
    [InlineData("\"-9223372036854775808\"", long.MinValue)]
    [InlineData("\"9223372036854775808\"", "9223372036854775808")]
    [InlineData("\"-9223372036854775809\"", "-9223372036854775809")]
    [InlineData("\"many\"", "many")]
    public void Whole_numbers_as_H3Yun_answers_them(string json, object expected)
    {
        Assert.Equal(expected, CellWriter.Value(Record(json), Field(BizDataType.Long)));
    }

    [Theory]
    [InlineData("\"2026-01-05 09:30:00.7\"", "2026-01-05 09:30:00")] // whole seconds, as the reader keeps them
    [InlineData("\"2026-01-05T01:30:00Z\"", "2026-01-05 09:30:00")] // an instant is H3Yun's clock time, UTC+8
    public void Dates_are_kept_to_the_second_in_H3Yuns_clock(string json, string expected)
    {
        var value = Assert.IsType<DateTime>(CellWriter.Value(Record(json), Field(BizDataType.DateTime)));
        Assert.Equal(expected, value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        Assert.Equal(0, value.Ticks % TimeSpan.TicksPerSecond);
    }

    [Fact]
    public void Several_options_in_one_text_are_joined_without_blanks()
    {
        Assert.Equal("线上;门店", CellWriter.Value(Record("\" 线上 ; 门店;;\""), Field(BizDataType.ShortString, true, "线上", "门店")));
    }

    [Fact]
    public void People_come_from_the_companion_when_it_is_a_list_else_from_the_value()
    {
        var withCompanion = JsonDocument.Parse("""{ "F0000001": "张三;李四", "F0000001Object": [ { "ObjectId": "u1" }, { "ObjectId": "u2" } ] }""").RootElement;
        var bare = JsonDocument.Parse("""{ "F0000001": " u1 ; ;u2 " }""").RootElement;

        Assert.Equal("u1;u2", CellWriter.Value(withCompanion, Field(BizDataType.UnitArray)));
        Assert.Equal("u1;u2", CellWriter.Value(bare, Field(BizDataType.UnitArray)));
    }

    [Fact]
    public void Xlsx_cells_hold_whole_numbers_and_dates_only_where_Excel_holds_them_exactly()
    {
        Assert.Equal(9007199254740992.0, CellWriter.XlsxCell(9007199254740992L));
        Assert.Equal(-9007199254740992.0, CellWriter.XlsxCell(-9007199254740992L));
        Assert.Equal("9007199254740993", CellWriter.XlsxCell(9007199254740993L));
        Assert.Equal("-9007199254740993", CellWriter.XlsxCell(-9007199254740993L));
        Assert.Equal(new DateTime(1900, 3, 1), CellWriter.XlsxCell(new DateTime(1900, 3, 1)));
        Assert.Equal("1900-02-28 23:59:59", CellWriter.XlsxCell(new DateTime(1900, 2, 28, 23, 59, 59)));
    }

    [Fact]
    public void Csv_cells_are_invariant_texts()
    {
        Assert.Equal(string.Empty, CellWriter.CsvCell(null));
        Assert.Equal("1.50", CellWriter.CsvCell(1.50m));
        Assert.Equal("TRUE", CellWriter.CsvCell(true));
        Assert.Equal("FALSE", CellWriter.CsvCell(false));
        Assert.Equal("2026-01-05 09:30:00", CellWriter.CsvCell(new DateTime(2026, 1, 5, 9, 30, 0)));
        Assert.Equal("订单", CellWriter.CsvCell("订单"));
    }

    private static JsonElement Record(string value) => JsonDocument.Parse($$"""{ "F0000001": {{value}} }""").RootElement;
}
