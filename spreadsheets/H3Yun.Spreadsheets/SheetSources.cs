using System.IO.Compression;
using System.Text;
using System.Xml;
using MiniExcelLibs;
using nietras.SeparatedValues;

namespace H3Yun.Spreadsheets;

/// <summary>A row of cells as the file holds them: strings, doubles, bools, DateTimes or nulls, by column index.</summary>
internal readonly record struct RawRow(int Number, object?[] Cells);

/// <summary>Streams a file's rows, the header row first.</summary>
internal interface ISheetSource
{
    string Sheet { get; }

    IEnumerable<RawRow> Rows();
}

/// <summary>An .xlsx sheet, streamed by MiniExcel after a check of the package that also finds formula cells.</summary>
internal sealed class XlsxSource : ISheetSource
{
    private readonly string _path;

    public XlsxSource(string path, string? sheet, List<SpreadsheetError> errors)
    {
        _path = path;
        var name = Path.GetFileName(path);
        string? part;
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var sheets = SheetParts(zip);
            if (sheets.Count == 0)
            {
                throw new InvalidDataException("no worksheets");
            }

            (Sheet, part) = sheet is null ? sheets[0] : sheets.FirstOrDefault(s => s.Name == sheet);
            if (Sheet is null)
            {
                throw new SpreadsheetException([new SpreadsheetError(name, 0, null, sheet, $"a sheet of the workbook: {string.Join(", ", sheets.Select(s => s.Name))}")], 0);
            }

            if (part is not null && zip.GetEntry(part) is { } entry)
            {
                FindFormulas(entry, Sheet, errors);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException)
        {
            throw new SpreadsheetException([new SpreadsheetError(name, 0, null, null, $"an .xlsx workbook (an Office Open XML package): {ex.Message}")], 0);
        }
    }

    public string Sheet { get; }

    public IEnumerable<RawRow> Rows()
    {
        var number = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(_path, useHeaderRow: false, sheetName: Sheet, excelType: ExcelType.XLSX))
        {
            number++;
            yield return new RawRow(number, row.Values.Select(v => v is string s && s.Length == 0 ? null : v).ToArray());
        }
    }

    private static List<(string Name, string? Part)> SheetParts(ZipArchive zip)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
        {
            using var reader = XmlReader.Create(rels.Open());
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.GetAttribute("Id") is { } id && reader.GetAttribute("Target") is { } target)
                {
                    targets[id] = target.StartsWith('/') ? target[1..] : "xl/" + target;
                }
            }
        }

        var sheets = new List<(string, string?)>();
        var workbook = zip.GetEntry("xl/workbook.xml") ?? throw new InvalidDataException("no xl/workbook.xml");
        using (var reader = XmlReader.Create(workbook.Open()))
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet" && reader.GetAttribute("name") is { } sheetName)
                {
                    var id = reader.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
                    sheets.Add((sheetName, id is not null && targets.TryGetValue(id, out var target) ? target : null));
                }
            }
        }

        return sheets;
    }

    // A formula's cached value may be stale, and a file written by a program has none: a formula cell is refused; so is a merged range.
    private static void FindFormulas(ZipArchiveEntry entry, string sheet, List<SpreadsheetError> errors)
    {
        using var reader = XmlReader.Create(entry.Open());
        string? cell = null;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "c")
            {
                cell = reader.GetAttribute("r");
            }
            else if (reader.LocalName == "mergeCell" && reader.GetAttribute("ref") is { } range)
            {
                // A merged range keeps its value in its first cell only: the rows below would read as empty.
                var first = range.Split(':')[0];
                var row = int.TryParse(new string(first.SkipWhile(char.IsLetter).ToArray()), out var r) ? r : 0;
                errors.Add(new SpreadsheetError(sheet, row, first, range, "a value in each cell, not merged cells (unmerge them and fill every cell)"));
            }
            else if (reader.LocalName == "f")
            {
                var formula = reader.ReadElementContentAsString();
                var row = int.TryParse(new string((cell ?? string.Empty).SkipWhile(char.IsLetter).ToArray()), out var r) ? r : 0;
                errors.Add(new SpreadsheetError(sheet, row, cell, "=" + formula, "a value, not a formula (paste the values instead)"));
            }
        }
    }
}

/// <summary>A CSV file, its encoding checked first, read by Sep.</summary>
internal sealed class CsvSource : ISheetSource
{
    private readonly string _path;
    private readonly Encoding _encoding;

    static CsvSource() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public CsvSource(string path, CsvEncoding mode)
    {
        _path = path;
        Sheet = Path.GetFileName(path);
        _encoding = Detect(path, mode, Sheet);
    }

    public string Sheet { get; }

    /// <summary>The encoding the file is read in.</summary>
    public Encoding Encoding => _encoding;

    public IEnumerable<RawRow> Rows()
    {
        using var text = new StreamReader(_path, _encoding, detectEncodingFromByteOrderMarks: false);
        if (text.Peek() == '\uFEFF')
        {
            text.Read();
        }

        using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(text);
        foreach (var row in reader)
        {
            var cells = new object?[row.ColCount];
            for (var i = 0; i < cells.Length; i++)
            {
                var cell = row[i].ToString();
                cells[i] = cell.Length == 0 ? null : cell;
            }

            yield return new RawRow(row.RowIndex + 1, cells);
        }
    }

    private static Encoding Detect(string path, CsvEncoding mode, string sheet)
    {
        var utf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var gb18030 = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        using var stream = File.OpenRead(path);
        Span<byte> bom = stackalloc byte[4];
        var read = stream.Read(bom);
        bom = bom[..read];
        if (bom.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return FirstInvalid(path, utf8) is { } bad ? throw Refused(sheet, bad, "UTF-8 (the file starts with a UTF-8 BOM)") : utf8;
        }

        if (bom.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bom.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw Refused(sheet, (1, 0), "UTF-8 or GB18030, not UTF-16 or UTF-32 (save the file as \"CSV UTF-8\")");
        }

        if (mode != CsvEncoding.Gb18030)
        {
            var invalid = FirstInvalid(path, utf8);
            if (invalid is null)
            {
                return utf8;
            }

            if (mode == CsvEncoding.Utf8)
            {
                throw Refused(sheet, invalid.Value, "UTF-8 (the file is read as UTF-8 only; read GB18030 with CsvEncoding.Gb18030 or Detect)");
            }
        }

        return FirstInvalid(path, gb18030) is { } wrong
            ? throw Refused(sheet, wrong, mode == CsvEncoding.Gb18030 ? "GB18030" : "UTF-8 or GB18030 (the file is valid in neither)")
            : gb18030;
    }

    // The line and byte offset of the first byte the encoding cannot read, or null; read in blocks, so memory stays flat.
    private static (int Line, long Offset)? FirstInvalid(string path, Encoding encoding)
    {
        var decoder = encoding.GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[encoding.GetMaxCharCount(bytes.Length) + 4];
        using var stream = File.OpenRead(path);
        long offset = 0;
        var line = 1;
        int count;
        do
        {
            count = stream.Read(bytes, 0, bytes.Length);
            try
            {
                decoder.GetChars(bytes, 0, count, chars, 0, flush: count == 0);
            }
            catch (DecoderFallbackException ex)
            {
                var at = Math.Max(0, ex.Index);
                line += bytes.AsSpan(0, Math.Min(at, count)).Count((byte)'\n');
                return (line, offset + at);
            }

            line += bytes.AsSpan(0, count).Count((byte)'\n');
            offset += count;
        }
        while (count > 0);

        return null;
    }

    private static SpreadsheetException Refused(string sheet, (int Line, long Offset) at, string expected) =>
        new([new SpreadsheetError(sheet, at.Line, null, $"byte {at.Offset}", expected)], 0);
}
