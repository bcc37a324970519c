using H3Yun.Cli.Import;

namespace H3Yun.Cli.Tests;

/// <summary>
/// The temporary file that holds an import's child-table rows: each record's rows come back in the sheet's order with
/// every value the spreadsheet reader gives as it was, and the file is gone once the import ends.
/// </summary>
public class ChildRowSpoolTests
{
    [Fact]
    public void Rows_come_back_per_record_in_order_with_their_values_and_the_file_is_deleted()
    {
        Dictionary<string, object?> Row(string text, decimal amount, long count, bool flag = true) => new()
        {
            ["F1"] = text,
            ["F2"] = amount,
            ["F3"] = count,
            ["F4"] = flag,
            ["F5"] = null,
            ["F6"] = "2026-01-05 08:00:00",
        };

        string path;
        using (var spool = new ChildRowSpool())
        {
            spool.Add(7, Row("甲\n\"引号\"", 1.50m, 9_000_000_000L));
            spool.Add(2, Row("乙", -0.25m, 0, flag: false));
            spool.Add(7, Row("丙", 3m, -1));

            var seven = spool.RowsOf(7);
            Assert.Equal(2, seven.Count);
            Assert.Equal(Row("甲\n\"引号\"", 1.50m, 9_000_000_000L), seven[0]);
            Assert.Equal("1.50", ((decimal)seven[0]["F2"]!).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Row("丙", 3m, -1), seven[1]);
            Assert.Equal(Row("乙", -0.25m, 0, flag: false), Assert.Single(spool.RowsOf(2)));
            Assert.Empty(spool.RowsOf(3));
            Assert.Equal(3, spool.Count);
            path = Assert.Single(Directory.GetFiles(Path.GetTempPath(), "h3yun-import-*.jsonl"), p => File.Exists(p) && new FileInfo(p).Length > 0);
        }

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_value_of_a_type_the_reader_never_gives_is_refused_by_name()
    {
        using var spool = new ChildRowSpool();

        var ex = Assert.Throws<InvalidOperationException>(() => spool.Add(1, new Dictionary<string, object?> { ["F1"] = TimeSpan.Zero }));

        Assert.StartsWith("A child row's value of F1 is a TimeSpan", ex.Message, StringComparison.Ordinal);
    }
}
