using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsCheck;
using MiniExcelLibs;

namespace H3Yun.Spreadsheets.Tests;

/// <summary>
/// <see cref="SpreadsheetReader.Open"/> on random files, through its public API only: valid sheets of every kind of
/// cell, as CSV in each encoding and as .xlsx, read back as the values written; and mutated bytes of either (and
/// mutated XML inside a workbook) either read, with every row converting, or end in a <see cref="SpreadsheetException"/>
/// that locates each problem, never another exception and never a hang.
/// </summary>
public sealed class SpreadsheetFuzzTests : IDisposable
{
    private const string Schema = """
        {
          "SchemaCode": "D000900Fuzz",
          "Properties": [
            { "Name": "F0000001", "DisplayName": "单号", "DataType": "ShortString" },
            { "Name": "F0000002", "DisplayName": "金额", "DataType": "Double" },
            { "Name": "F0000003", "DisplayName": "数量", "DataType": "Int" },
            { "Name": "F0000004", "DisplayName": "日期", "DataType": "DateTime" },
            { "Name": "F0000005", "DisplayName": "已付", "DataType": "Bool" },
            { "Name": "F0000006", "DisplayName": "级别", "DataType": "ShortString", "Options": ["普通", "VIP"] },
            { "Name": "F0000007", "DisplayName": "渠道", "DataType": "ShortString", "Options": ["线上", "门店", "电话"], "Multiple": true },
            { "Name": "F0000008", "DisplayName": "负责人", "DataType": "Unit" },
            { "Name": "F0000009", "DisplayName": "备注", "DataType": "String" }
          ]
        }
        """;

    private static readonly string[] Headers = ["单号", "金额", "数量", "日期", "已付", "级别", "渠道", "负责人", "备注"];
    private static readonly string[] Codes = ["F0000001", "F0000002", "F0000003", "F0000004", "F0000005", "F0000006", "F0000007", "F0000008", "F0000009"];
    private static readonly string[] Channels = ["线上", "门店", "电话"];
    private static readonly (string Text, bool Value)[] Flags = [("是", true), ("否", false), ("TRUE", true), ("false", false), ("1", true), ("0", false)];
    private static readonly Encoding Gb18030;

    private readonly string _folder = Directory.CreateTempSubdirectory("h3yun-sheet-fuzz-").FullName;
    private int _files;

    static SpreadsheetFuzzTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gb18030 = Encoding.GetEncoding("GB18030");
    }

    public SpreadsheetFuzzTests() => File.WriteAllText(SchemaFile, Schema);

    private string SchemaFile => Path.Combine(_folder, "Fuzz.h3form.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>One row: each cell as written and the value the reader must give for it (null: an empty cell).</summary>
    private sealed record SheetRow(string Key, decimal? Amount, long? Count, DateTime? Date, (string Text, bool Value)? Paid, string? Level, string[]? Channels, string? Owner, string? Note)
    {
        public object?[] Expected => [Key, Amount, Count, Date?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Paid?.Value, Level, Channels is null ? null : string.Join(';', Channels), Owner, Note];

        public override string ToString() => string.Join(" | ", Expected.Select(v => v?.ToString() ?? "∅"));
    }

    private static readonly Gen<string> Word = Gen.String[Gen.Char["ab中文XY12-_"], 1, 6];

    // Free text with what CSV must quote: commas, quotes, line breaks (never blank at its ends: a reader trims).
    private static readonly Gen<string> Text = Gen.Select(Word, Gen.String[Gen.Char["a,\"\n 中;'"], 0, 5], Word).Select((a, b, c) => a + b + c);

    private static Gen<T?> Maybe<T>(Gen<T> gen)
        where T : class => Gen.Frequency((4, gen.Select(v => (T?)v)), (1, Gen.Const(() => (T?)null)));

    private static Gen<T?> MaybeValue<T>(Gen<T> gen)
        where T : struct => Gen.Frequency((4, gen.Select(v => (T?)v)), (1, Gen.Const(() => (T?)null)));

    private static readonly Gen<SheetRow> Rows = Gen.Select(
            Gen.Select(Word, MaybeValue(Gen.Decimal[-1_000_000m, 1_000_000m].Select(d => decimal.Round(d, 2))), MaybeValue(Gen.Long[-1_000_000, 1_000_000])),
            MaybeValue(Gen.DateTime[new DateTime(1990, 1, 1), new DateTime(2060, 1, 1)].Select(t => new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second))),
            MaybeValue(Gen.Int[0, Flags.Length - 1].Select(i => Flags[i])),
            Maybe(Gen.Int[0, 1].Select(i => i == 0 ? "普通" : "VIP")),
            Maybe(Gen.Int[1, 7].Select(mask => Channels.Where((_, i) => (mask & (1 << i)) != 0).ToArray())),
            Gen.Select(Maybe(Word), Maybe(Text)))
        .Select((first, date, paid, level, channels, last) => new SheetRow(first.Item1, first.Item2, first.Item3, date, paid, level, channels, last.Item1, last.Item2));

    [Fact]
    public void Every_valid_csv_in_each_encoding_reads_back_as_the_values_written()
    {
        Gen.Select(Rows.List[1, 6], Gen.Int[0, 2], Gen.Bool).Sample(
            (rows, encoding, crlf) =>
            {
                var file = WriteCsv(CsvText(rows, crlf ? "\r\n" : "\n"), encoding);

                AssertReadsBack(rows, SpreadsheetReader.Open(SchemaFile, file));
            },
            iter: 300,
            threads: 1,
            print: t => CsvText(t.Item1, "\n"));
    }

    [Fact]
    public void Every_valid_xlsx_reads_back_as_the_values_written()
    {
        Rows.List[1, 6].Sample(
            rows => AssertReadsBack(rows, SpreadsheetReader.Open(SchemaFile, WriteXlsx(rows))),
            iter: 100,
            threads: 1,
            print: rows => string.Join(Environment.NewLine, rows));
    }

    private static readonly byte[][] Insertions = [[0], [0xFF, 0xFE], [0xC3, 0x28], [(byte)'"'], [(byte)','], [(byte)'\n'], "<x>"u8.ToArray(), "&#0;"u8.ToArray(), "PK\u0003\u0004"u8.ToArray(), "1e400"u8.ToArray()];

    [Fact]
    public void Mutated_csv_bytes_read_whole_or_end_in_a_located_SpreadsheetException()
    {
        var outcomes = new int[2];
        Gen.Select(Rows.List[1, 4], Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[0, 100_000], Gen.Int[1, 20], Gen.Int[0, Insertions.Length - 1]).Sample(
            (rows, encoding, kind, position, length, insertion) =>
            {
                var bytes = File.ReadAllBytes(WriteCsv(CsvText(rows, "\n"), encoding));
                outcomes[AssertReadsOrLocates(WriteBytes(Mutate(bytes, kind, position, length, Insertions[insertion]), ".csv")) ? 0 : 1]++;
            },
            iter: 600,
            threads: 1);

        Assert.True(outcomes[0] > 0 && outcomes[1] > 0, $"{outcomes[0]} read, {outcomes[1]} refused: the mutations must exercise both");
    }

    [Fact]
    public void Mutated_xlsx_bytes_and_mutated_sheet_xml_read_whole_or_end_in_a_located_SpreadsheetException()
    {
        var outcomes = new int[2];
        Gen.Select(Rows.List[1, 3], Gen.Bool, Gen.Int[0, 3], Gen.Int[0, 100_000], Gen.Int[1, 20], Gen.Int[0, Insertions.Length - 1]).Sample(
            (rows, insideXml, kind, position, length, insertion) =>
            {
                var workbook = WriteXlsx(rows);
                var mutated = insideXml ? MutateEntry(workbook, kind, position, length, Insertions[insertion]) : Mutate(File.ReadAllBytes(workbook), kind, position, length, Insertions[insertion]);
                outcomes[AssertReadsOrLocates(WriteBytes(mutated, ".xlsx")) ? 0 : 1]++;
            },
            iter: 300,
            threads: 1);

        Assert.True(outcomes[0] > 0 && outcomes[1] > 0, $"{outcomes[0]} read, {outcomes[1]} refused: the mutations must exercise both");
    }

    private static void AssertReadsBack(List<SheetRow> rows, SpreadsheetReader reader)
    {
        var read = reader.Rows().ToList();
        Assert.Equal(rows.Count, reader.RowCount);
        Assert.Equal(Enumerable.Range(2, rows.Count), read.Select(r => r.Row));
        Assert.Equal(Codes, reader.Columns.Select(c => c.FieldCode));
        for (var i = 0; i < rows.Count; i++)
        {
            var expected = rows[i].Expected;
            for (var c = 0; c < Codes.Length; c++)
            {
                var actual = read[i].Values[Codes[c]];
                Assert.True(Equals(expected[c], actual), $"row {i + 2}, {Headers[c]}: read {actual ?? "null"} ({actual?.GetType().Name}), wrote {expected[c] ?? "null"}");
            }
        }
    }

    // True when the file read (then every row converts), false when it was refused with every problem located.
    private static bool AssertReadsOrLocates(string file)
    {
        var attempt = Task.Run(() =>
        {
            try
            {
                var reader = SpreadsheetReader.Open(SchemaBeside(file), file);
                Assert.Equal(reader.RowCount, reader.Rows().Count());
                return true;
            }
            catch (SpreadsheetException refused)
            {
                Assert.NotEmpty(refused.Errors);
                Assert.All(refused.Errors, error =>
                {
                    Assert.False(string.IsNullOrEmpty(error.Sheet));
                    Assert.True(error.Row >= 0);
                    Assert.False(string.IsNullOrWhiteSpace(error.Expected));
                });
                return false;
            }
        });

        // A bound against a hang, not a measure of speed: one small file takes milliseconds.
        Assert.True(attempt.Wait(TimeSpan.FromSeconds(60)), $"reading {file} did not end: it hangs");
        return attempt.Result;
    }

    private static string SchemaBeside(string file) => Path.Combine(Path.GetDirectoryName(file)!, "Fuzz.h3form.json");

    private static string CsvText(List<SheetRow> rows, string newline)
    {
        var text = new StringBuilder(string.Join(',', Headers)).Append(newline);
        foreach (var row in rows)
        {
            string?[] cells =
            [
                row.Key, row.Amount?.ToString(CultureInfo.InvariantCulture), row.Count?.ToString(CultureInfo.InvariantCulture),
                row.Date?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), row.Paid?.Text, row.Level,
                row.Channels is null ? null : string.Join(';', row.Channels), row.Owner, row.Note,
            ];
            text.Append(string.Join(',', cells.Select(Quote))).Append(newline);
        }

        return text.ToString();
    }

    private static string Quote(string? cell) =>
        cell is null ? string.Empty : cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    private string WriteCsv(string text, int encoding)
    {
        Encoding chosen = encoding switch { 0 => new UTF8Encoding(false), 1 => new UTF8Encoding(true), _ => Gb18030 };
        return WriteBytes([.. chosen.GetPreamble(), .. chosen.GetBytes(text)], ".csv");
    }

    private string WriteXlsx(List<SheetRow> rows)
    {
        var file = NewFile(".xlsx");
        var sheet = rows.Select(row => new Dictionary<string, object?>
        {
            ["单号"] = row.Key,
            ["金额"] = row.Amount,
            ["数量"] = row.Count,
            ["日期"] = row.Date,
            ["已付"] = row.Paid is { } paid ? (paid.Text.Length == 1 && char.IsAsciiDigit(paid.Text[0]) ? (object)paid.Value : paid.Text) : null,
            ["级别"] = row.Level,
            ["渠道"] = row.Channels is null ? null : string.Join(';', row.Channels),
            ["负责人"] = row.Owner,
            ["备注"] = row.Note,
        }).ToList();
        MiniExcel.SaveAs(file, sheet);
        return file;
    }

    private string WriteBytes(byte[] bytes, string extension)
    {
        var file = NewFile(extension);
        File.WriteAllBytes(file, bytes);
        return file;
    }

    private string NewFile(string extension) => Path.Combine(_folder, $"f{Interlocked.Increment(ref _files)}{extension}");

    private static byte[] Mutate(byte[] bytes, int kind, int position, int length, byte[] insertion)
    {
        var at = position % (bytes.Length + 1);
        var cut = Math.Min(length, bytes.Length - at);
        return kind switch
        {
            0 => [.. bytes[..at], .. bytes[(at + cut)..]],
            1 => [.. bytes[..at], .. insertion, .. bytes[at..]],
            2 => [.. bytes[..at], .. insertion, .. bytes[(at + cut)..]],
            _ => [.. bytes[..at]],
        };
    }

    // The same mutation applied to the sheet's XML inside the workbook, which is then a valid zip again.
    private static byte[] MutateEntry(string workbook, int kind, int position, int length, byte[] insertion)
    {
        using var copy = new MemoryStream();
        using (var source = File.OpenRead(workbook))
        {
            source.CopyTo(copy);
        }

        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            byte[] xml;
            using (var read = entry.Open())
            using (var buffer = new MemoryStream())
            {
                read.CopyTo(buffer);
                xml = buffer.ToArray();
            }

            entry.Delete();
            using var write = zip.CreateEntry("xl/worksheets/sheet1.xml").Open();
            write.Write(Mutate(xml, kind, position, length, insertion));
        }

        return copy.ToArray();
    }
}
