using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using nietras.SeparatedValues;

namespace H3Yun.Spreadsheets;

/// <summary>
/// Writes a form's records, as H3Yun answers them, into an .xlsx or .csv file that <see cref="SpreadsheetReader"/>
/// reads back into exactly the values H3Yun holds: display names as headers, numbers as numbers, dates as dates,
/// booleans, option texts, several values joined by <c>;</c>, people, departments and associated records by id, and
/// an <c>ObjectId</c> column. Each child table gets a sheet of its own (a CSV file <c>name.Sheet.csv</c> beside the
/// form's), its rows keyed by <c>ParentObjectId</c> and the form's key fields when given. Fields a spreadsheet cannot
/// hold back exactly (attachments, images, addresses, locations, rich text, several associations in one field) are
/// not written; <see cref="SkippedFields"/> names them.
/// </summary>
/// <remarks>
/// Written streaming: memory holds one batch of records. An .xlsx workbook is written sheet after sheet, so child rows
/// wait in a temporary file (deleted after) until the form's sheet is done. The file appears only when it is complete.
/// </remarks>
public sealed class SpreadsheetWriter
{
    /// <summary>The header of the column of each record's (and child row's) ObjectId.</summary>
    public const string ObjectIdHeader = SystemFieldCodes.ObjectId;

    /// <summary>The header of a child table's column of its parent record's ObjectId.</summary>
    public const string ParentObjectIdHeader = SystemFieldCodes.ParentObjectId;

    /// <summary>The rows an .xlsx sheet holds, its header row included.</summary>
    public const int MaxXlsxRows = 1_048_576;

    private readonly Layout _main;
    private readonly IReadOnlyList<(SheetForm Child, Layout Layout)> _children;

    private SpreadsheetWriter(string schemaCode, Layout main, IReadOnlyList<(SheetForm, Layout)> children, IReadOnlyList<string> skipped)
    {
        SchemaCode = schemaCode;
        _main = main;
        _children = children;
        SkippedFields = skipped;
    }

    /// <summary>The form's SchemaCode.</summary>
    public string SchemaCode { get; }

    /// <summary>The name of the form's sheet: its display name, else its SchemaCode.</summary>
    public string Sheet => _main.Sheet;

    /// <summary>The columns of the form's sheet, in order; <see cref="SpreadsheetColumn.FieldCode"/> is <c>ObjectId</c> for the id column.</summary>
    public IReadOnlyList<SpreadsheetColumn> Columns => _main.Public;

    /// <summary>The child tables' sheets, in schema order.</summary>
    public IReadOnlyList<string> ChildSheets => [.. _children.Select(c => c.Layout.Sheet)];

    /// <summary>The form's and child tables' fields not written, each as <c>display name (code, kind)</c>: a spreadsheet cannot hold them back exactly.</summary>
    public IReadOnlyList<string> SkippedFields { get; }

    /// <summary>Prepares the sheets of a form from its schema file.</summary>
    /// <param name="schemaFile">The form's <c>*.h3form.json</c> file.</param>
    /// <param name="options">The fields and the keys.</param>
    /// <returns>The writer.</returns>
    /// <exception cref="SpreadsheetException">The schema does not read, or a field or key named is not a field a spreadsheet holds.</exception>
    public static SpreadsheetWriter Open(string schemaFile, SpreadsheetWriteOptions? options = null)
    {
        options ??= new SpreadsheetWriteOptions();
        var form = SheetForm.Read(schemaFile);
        var keys = new List<SheetField>();
        foreach (var name in options.Keys)
        {
            var key = Find(form.Fields, name) ?? throw new SpreadsheetException($"The form {form.SchemaCode} has no field '{name}' for a key (by code or display name); its fields: {Names(form.Fields)}.");
            if (!CellWriter.CanWrite(key))
            {
                throw new SpreadsheetException($"The key '{name}' of {form.SchemaCode} is a {Kind(key)} field, which a spreadsheet does not hold exactly; choose a text, number, date or option field.");
            }

            if (Header(form.Fields, key) is null)
            {
                throw new SpreadsheetException($"The key '{name}' of {form.SchemaCode}: {Unreadable}; rename one of those fields.");
            }

            if (!keys.Contains(key))
            {
                keys.Add(key);
            }
        }

        IEnumerable<SheetField> chosen;
        if (options.Fields.Count == 0)
        {
            chosen = form.Fields;
        }
        else
        {
            var named = new List<SheetField>();
            foreach (var name in options.Fields)
            {
                var field = Find(form.Fields, name) ?? throw new SpreadsheetException($"The form {form.SchemaCode} has no field '{name}' (by code or display name); its fields: {Names(form.Fields)}.");
                if (field.DataType != BizDataType.BizObjectArray && !CellWriter.CanWrite(field))
                {
                    throw new SpreadsheetException($"The field '{name}' of {form.SchemaCode} is a {Kind(field)} field, which a spreadsheet does not hold exactly (it could not be imported back); leave it out.");
                }

                if (!named.Contains(field))
                {
                    named.Add(field);
                }
            }

            chosen = keys.Where(k => !named.Contains(k)).Concat(named);
        }

        var skipped = new List<string>();
        var fields = new List<SheetField>();
        var childForms = new List<SheetForm>();
        foreach (var field in chosen)
        {
            if (field.DataType == BizDataType.BizObjectArray)
            {
                // The schema reader refuses a child table without its ChildSchema.
                childForms.Add(form.Children.First(c => c.SchemaCode == field.Code));
            }
            else if (CellWriter.CanWrite(field))
            {
                fields.Add(field);
            }
            else
            {
                skipped.Add(Describe(field));
            }
        }

        var sheetNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var main = new Layout(SheetName(form.DisplayName, form.SchemaCode, sheetNames), form.SchemaCode);
        main.Add(ObjectIdHeader, ObjectIdHeader, (row, _) => Id(row));
        foreach (var field in fields)
        {
            if (Header(form.Fields, field) is { } header)
            {
                main.Add(header, field.Code, (row, _) => CellWriter.Value(row, field));
            }
            else
            {
                skipped.Add($"{Describe(field)}: {Unreadable}");
            }
        }

        var children = new List<(SheetForm, Layout)>();
        foreach (var child in childForms)
        {
            var layout = new Layout(SheetName(child.DisplayName, child.SchemaCode, sheetNames), child.SchemaCode);
            layout.Add(ParentObjectIdHeader, ParentObjectIdHeader, (_, parent) => Id(parent));
            foreach (var key in keys)
            {
                // The parent's key under its header on the form's sheet; prefixed with the form's sheet should a child field have that name.
                var header = Header(form.Fields, key)!;
                main.ParentMembers.Add(key.Code);
                main.ParentMembers.Add(key.Code + SystemFieldCodes.CompanionSuffix);
                layout.Add(Find(child.Fields, header) is null ? header : main.Sheet + "." + header, key.Code, (_, parent) => CellWriter.Value(parent, key));
            }

            layout.Add(ObjectIdHeader, ObjectIdHeader, (row, _) => Id(row));
            foreach (var field in child.Fields)
            {
                if (!CellWriter.CanWrite(field))
                {
                    skipped.Add($"{Describe(field)} of the child table {child.DisplayName ?? child.SchemaCode}");
                }
                else if (Header(child.Fields, field) is { } header)
                {
                    layout.Add(header, field.Code, (row, _) => CellWriter.Value(row, field));
                }
                else
                {
                    skipped.Add($"{Describe(field)} of the child table {child.DisplayName ?? child.SchemaCode}: {Unreadable}");
                }
            }

            children.Add((child, layout));
        }

        return new SpreadsheetWriter(form.SchemaCode, main, children, skipped);
    }

    /// <summary>Writes records into a file; see <see cref="WriteAsync(string, IAsyncEnumerable{IReadOnlyList{JsonElement}}, IProgress{SpreadsheetWriteProgress}?, CancellationToken)"/>.</summary>
    /// <param name="file">An <c>.xlsx</c> or <c>.csv</c> file, replaced if it exists.</param>
    /// <param name="records">The records, each with its child rows, as H3Yun answers them.</param>
    /// <param name="progress">Receives the counts after each record.</param>
    /// <param name="cancellationToken">Stops the write; no file is left.</param>
    /// <returns>The sheets written.</returns>
    public Task<SpreadsheetWriteResult> WriteAsync(string file, IEnumerable<JsonElement> records, IProgress<SpreadsheetWriteProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return WriteAsync(file, OneBatch(records, cancellationToken), progress, cancellationToken);
    }

    /// <summary>
    /// Writes batches of records (e.g. the windows of H3Yun.Sync's <c>H3YunFormReader</c>) into an .xlsx workbook (the
    /// form's sheet first, then one per child table) or a .csv file in UTF-8 with a BOM (and one <c>file.Sheet.csv</c>
    /// per child table beside it). Each file is written under a temporary name and appears only when complete.
    /// </summary>
    /// <param name="file">An <c>.xlsx</c> or <c>.csv</c> file, replaced if it exists.</param>
    /// <param name="records">The records, a batch at a time, each with its child rows, as H3Yun answers them.</param>
    /// <param name="progress">Receives the counts after each batch; called on the write's own flow.</param>
    /// <param name="cancellationToken">Stops the write; no file is left.</param>
    /// <returns>The sheets written.</returns>
    /// <exception cref="SpreadsheetException">The file's extension is neither, or a sheet would pass the rows an .xlsx sheet holds.</exception>
    public async Task<SpreadsheetWriteResult> WriteAsync(string file, IAsyncEnumerable<IReadOnlyList<JsonElement>> records, IProgress<SpreadsheetWriteProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        ArgumentNullException.ThrowIfNull(records);
        var kind = Path.GetExtension(file).ToUpperInvariant();
        if (kind is not (".XLSX" or ".CSV"))
        {
            throw new SpreadsheetException([new SpreadsheetError(Path.GetFileName(file), 0, null, Path.GetExtension(file), "an .xlsx or .csv file name")], 0);
        }

        var counts = new Counts(progress);
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        Directory.CreateDirectory(folder);
        return kind == ".CSV"
            ? await WriteCsvAsync(file, records, counts, cancellationToken).ConfigureAwait(false)
            : await Task.Run(() => WriteXlsx(file, records, counts, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The file of a child table's sheet beside a CSV file: <c>orders.csv</c> → <c>orders.明细.csv</c>.</summary>
    /// <param name="csvFile">The form's CSV file.</param>
    /// <param name="sheet">The child table's sheet.</param>
    /// <returns>The path.</returns>
    public static string ChildCsvFile(string csvFile, string sheet)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(csvFile);
        ArgumentException.ThrowIfNullOrWhiteSpace(sheet);
        var safe = string.Concat(sheet.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
        return Path.Combine(Path.GetDirectoryName(csvFile) ?? string.Empty, $"{Path.GetFileNameWithoutExtension(csvFile)}.{safe}.csv");
    }

    private SpreadsheetWriteResult WriteXlsx(string file, IAsyncEnumerable<IReadOnlyList<JsonElement>> records, Counts counts, CancellationToken cancellationToken)
    {
        var temporary = TemporaryName(file);
        var spools = _children.Select(_ => Path.Combine(Path.GetTempPath(), $"h3yun-export-{Guid.NewGuid():N}.jsonl")).ToArray();
        try
        {
            var rows = new long[_children.Count + 1];
            var sheets = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                [_main.Sheet] = Rows(_main, MainRows(records, spools, counts, cancellationToken), rows, 0, cancellationToken),
            };
            for (var i = 0; i < _children.Count; i++)
            {
                sheets[_children[i].Layout.Sheet] = Rows(_children[i].Layout, Spooled(spools[i], cancellationToken), rows, i + 1, cancellationToken);
            }

            MiniExcel.SaveAs(temporary, sheets, printHeader: false, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { AutoFilter = false, FastMode = false }, overwriteFile: true);
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temporary, file, overwrite: true);
            return new SpreadsheetWriteResult([new SpreadsheetSheet(_main.Sheet, file, _main.SchemaCode, rows[0]), .. _children.Select((c, i) => new SpreadsheetSheet(c.Layout.Sheet, file, c.Layout.SchemaCode, rows[i + 1]))]);
        }
        finally
        {
            Delete(temporary);
            foreach (var spool in spools)
            {
                Delete(spool);
            }
        }
    }

    // The form's records, a row each, while each record's child rows go to the child tables' spool files.
    private IEnumerable<(JsonElement Row, JsonElement Parent)> MainRows(IAsyncEnumerable<IReadOnlyList<JsonElement>> records, string[] spools, Counts counts, CancellationToken cancellationToken)
    {
        var writers = spools.Select(path => new StreamWriter(path, append: false, new UTF8Encoding(false))).ToArray();
        try
        {
            foreach (var batch in records.ToBlockingEnumerable(cancellationToken))
            {
                foreach (var record in batch)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    for (var i = 0; i < _children.Count; i++)
                    {
                        foreach (var child in ChildRows(record, _children[i].Child.SchemaCode))
                        {
                            writers[i].WriteLine(Spool(record, child));
                            counts.ChildRows++;
                        }
                    }

                    counts.Records++;
                    yield return (record, record);
                }

                counts.Report();
            }
        }
        finally
        {
            foreach (var writer in writers)
            {
                writer.Dispose();
            }
        }
    }

    // A child row with the parent members its sheet needs (ObjectId and the keys), one JSON line.
    private string Spool(JsonElement record, JsonElement child)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WritePropertyName("p");
            json.WriteStartObject();
            foreach (var code in _main.ParentMembers)
            {
                if (CellWriter.Member(record, code) is { } value)
                {
                    json.WritePropertyName(code);
                    value.WriteTo(json);
                }
            }

            json.WriteEndObject();
            json.WritePropertyName("r");
            child.WriteTo(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static IEnumerable<(JsonElement Row, JsonElement Parent)> Spooled(string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var document = JsonDocument.Parse(line);
            yield return (document.RootElement.GetProperty("r"), document.RootElement.GetProperty("p"));
        }
    }

    private static IEnumerable<IDictionary<string, object?>> Rows(Layout layout, IEnumerable<(JsonElement Row, JsonElement Parent)> source, long[] counts, int index, CancellationToken cancellationToken)
    {
        var header = new Dictionary<string, object?>(layout.Columns.Count, StringComparer.Ordinal);
        for (var i = 0; i < layout.Columns.Count; i++)
        {
            header[layout.Keys[i]] = layout.Columns[i].Header;
        }

        yield return header;
        foreach (var (row, parent) in source)
        {
            if (counts[index] + 2 > MaxXlsxRows)
            {
                throw new SpreadsheetException(
                    $"The sheet {layout.Sheet} would pass the {MaxXlsxRows:N0} rows an .xlsx sheet holds; export to .csv, or fewer records (--since).");
            }

            var cells = new Dictionary<string, object?>(layout.Columns.Count, StringComparer.Ordinal);
            for (var i = 0; i < layout.Columns.Count; i++)
            {
                cells[layout.Keys[i]] = CellWriter.XlsxCell(layout.Columns[i].Value(row, parent));
            }

            counts[index]++;
            cancellationToken.ThrowIfCancellationRequested();
            yield return cells;
        }
    }

    private async Task<SpreadsheetWriteResult> WriteCsvAsync(string file, IAsyncEnumerable<IReadOnlyList<JsonElement>> records, Counts counts, CancellationToken cancellationToken)
    {
        var files = new[] { file }.Concat(_children.Select(c => ChildCsvFile(file, c.Layout.Sheet))).ToArray();
        var temporaries = files.Select(TemporaryName).ToArray();
        var layouts = new[] { _main }.Concat(_children.Select(c => c.Layout)).ToArray();
        var rows = new long[layouts.Length];
        try
        {
            var writers = new List<(StreamWriter Text, SepWriter Csv)>();
            try
            {
                for (var i = 0; i < layouts.Length; i++)
                {
                    var text = new StreamWriter(temporaries[i], append: false, new UTF8Encoding(true));
                    var csv = Sep.New(',').Writer(o => o with { WriteHeader = false, Escape = true }).To(text);
                    writers.Add((text, csv));
                    WriteCsvRow(csv, layouts[i], layouts[i].Columns.Select(c => c.Header));
                }

                await foreach (var batch in records.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    foreach (var record in batch)
                    {
                        WriteCsvRow(writers[0].Csv, _main, _main.Columns.Select(c => CellWriter.CsvCell(c.Value(record, record))));
                        rows[0]++;
                        for (var i = 0; i < _children.Count; i++)
                        {
                            var layout = _children[i].Layout;
                            foreach (var child in ChildRows(record, _children[i].Child.SchemaCode))
                            {
                                WriteCsvRow(writers[i + 1].Csv, layout, layout.Columns.Select(c => CellWriter.CsvCell(c.Value(child, record))));
                                rows[i + 1]++;
                                counts.ChildRows++;
                            }
                        }

                        counts.Records++;
                    }

                    counts.Report();
                }
            }
            finally
            {
                foreach (var (text, csv) in writers)
                {
                    csv.Dispose();
                    await text.DisposeAsync().ConfigureAwait(false);
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < files.Length; i++)
            {
                File.Move(temporaries[i], files[i], overwrite: true);
            }

            return new SpreadsheetWriteResult([.. layouts.Select((layout, i) => new SpreadsheetSheet(layout.Sheet, files[i], layout.SchemaCode, rows[i]))]);
        }
        finally
        {
            foreach (var temporary in temporaries)
            {
                Delete(temporary);
            }
        }
    }

    private static void WriteCsvRow(SepWriter csv, Layout layout, IEnumerable<string> cells)
    {
        using var row = csv.NewRow();
        var i = 0;
        foreach (var cell in cells)
        {
            row[layout.Keys[i++]].Set(cell);
        }
    }

    private static IEnumerable<JsonElement> ChildRows(JsonElement record, string code) =>
        CellWriter.Member(record, code) is { ValueKind: JsonValueKind.Array } rows
            ? rows.EnumerateArray().Where(row => row.ValueKind == JsonValueKind.Object)
            : [];

    private static async IAsyncEnumerable<IReadOnlyList<JsonElement>> OneBatch(IEnumerable<JsonElement> records, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var batch = new List<JsonElement>();
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch.Add(record);
            if (batch.Count == 500)
            {
                yield return batch;
                batch = [];
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private static string? Id(JsonElement row) =>
        CellWriter.Member(row, SystemFieldCodes.ObjectId) is { ValueKind: JsonValueKind.String } id ? id.GetString() : null;

    private static string TemporaryName(string file) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, $".{Path.GetFileName(file)}.{Guid.NewGuid():N}.tmp");

    private static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // a temporary file left behind is harmless; the write's own outcome matters
        }
    }

    // As SpreadsheetReader matches headers: display name first, then code in any case.
    private static SheetField? Find(IReadOnlyList<SheetField> fields, string name) =>
        fields.FirstOrDefault(f => string.Equals(f.DisplayName, name.Trim(), StringComparison.Ordinal))
        ?? fields.FirstOrDefault(f => string.Equals(f.Code, name.Trim(), StringComparison.OrdinalIgnoreCase));

    // The first of the display name, the code and the code in lower case that reads back as this field (the reader
    // matches display names first, exactly, then codes in any case), so that another field's display name that is this
    // field's code does not take its column; null when none does.
    private static string? Header(IReadOnlyList<SheetField> fields, SheetField field) =>
        new[] { field.DisplayName, field.Code, field.Code.ToLowerInvariant() }
            .FirstOrDefault(name => name is not null && name != ObjectIdHeader && name != ParentObjectIdHeader && Find(fields, name) == field);

    private static string SheetName(string? displayName, string schemaCode, HashSet<string> taken)
    {
        // Excel: at most 31 characters, none of []:*?/\, not empty, unique in the workbook (in any case).
        static string? Clean(string? name) =>
            name is null ? null : string.Concat(name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\'))).Trim('\'', ' ') is { Length: > 0 } clean
                ? clean[..Math.Min(clean.Length, 31)]
                : null;

        var sheet = Clean(displayName) is { } named && !taken.Contains(named) ? named : Clean(schemaCode) ?? "Sheet";
        var unique = sheet;
        for (var n = 2; taken.Contains(unique); n++)
        {
            var suffix = n.ToString(CultureInfo.InvariantCulture);
            unique = sheet[..Math.Min(sheet.Length, 31 - suffix.Length - 1)] + "_" + suffix;
        }

        taken.Add(unique);
        return unique;
    }

    private const string Unreadable = "no header reads back as it (another field's display name is its code, and one in lower case)";

    private static string Kind(SheetField field) => field.DataType + (field.Multiple ? " (multiple)" : string.Empty);

    private static string Describe(SheetField field) => $"{field.DisplayName ?? field.Code} ({field.Code}, {Kind(field)})";

    private static string Names(IReadOnlyList<SheetField> fields) =>
        string.Join(", ", fields.Select(f => f.DisplayName is null ? f.Code : $"{f.DisplayName} ({f.Code})"));

    /// <summary>A sheet's columns and how each cell's value is taken from a row and its parent.</summary>
    private sealed class Layout(string sheet, string schemaCode)
    {
        public string Sheet { get; } = sheet;

        public string SchemaCode { get; } = schemaCode;

        public List<(string Header, string Code, Func<JsonElement, JsonElement, object?> Value)> Columns { get; } = [];

        public List<string> Keys { get; } = [];

        public List<SpreadsheetColumn> Public { get; } = [];

        /// <summary>The members of a record its child rows' sheets read: the ObjectId, and each key with its companion.</summary>
        public HashSet<string> ParentMembers { get; } = new(StringComparer.Ordinal) { SystemFieldCodes.ObjectId };

        public void Add(string header, string code, Func<JsonElement, JsonElement, object?> value)
        {
            Public.Add(new SpreadsheetColumn(Columns.Count, header, code));
            Keys.Add(Columns.Count.ToString(CultureInfo.InvariantCulture));
            Columns.Add((header, code, value));
        }
    }

    private sealed class Counts(IProgress<SpreadsheetWriteProgress>? progress)
    {
        public long Records { get; set; }

        public long ChildRows { get; set; }

        public void Report() => progress?.Report(new SpreadsheetWriteProgress(Records, ChildRows));
    }
}
