using System.Globalization;
using H3Yun.OpenApi;
using H3Yun.Spreadsheets;

namespace H3Yun.Cli.Import;

/// <summary>
/// The file of an import, read and validated whole before anything is sent: the records' sheet, and each child
/// table's rows (a sheet named as the table, or <c>--child TABLE=SOURCE</c>), attached to their records by the key
/// columns. Every problem of every sheet is printed, located, and stops the import. The records' sheet is streamed
/// again for each reading of <see cref="ReadItems"/>; only its rows' numbers and keys are held, and the child tables'
/// rows are spooled to temporary files (<see cref="ChildRowSpool"/>).
/// </summary>
internal sealed class ImportFile : IDisposable
{
    private readonly List<int> _rows = [];
    private readonly List<string> _keys = [];
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly List<(string Code, ChildRowSpool Rows)> _children = [];
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _associations = new(StringComparer.Ordinal);

    private ImportFile(SpreadsheetReader main, H3FormShape shape)
    {
        Main = main;
        Shape = shape;
        foreach (var column in main.Columns)
        {
            _names[column.FieldCode] = column.Header;
        }
    }

    public SpreadsheetReader Main { get; }

    public H3FormShape Shape { get; }

    /// <summary>The number of records' rows.</summary>
    public int Count => _rows.Count;

    public string ChildSummary { get; private set; } = string.Empty;

    public static ImportFile Read(string schemaFile, ImportRequest request, CliConsole console)
    {
        var errors = new List<SpreadsheetError>();
        SpreadsheetReader? Open(string path, SpreadsheetReadOptions options)
        {
            try
            {
                return SpreadsheetReader.Open(schemaFile, path, options);
            }
            catch (SpreadsheetException ex) when (ex.Errors.Count > 0)
            {
                errors.AddRange(ex.Errors);
                return null;
            }
            catch (SpreadsheetException ex)
            {
                throw new CliException(ex.Message, ex);
            }
        }

        var main = Open(request.File, new SpreadsheetReadOptions { Keys = request.Keys, Sheet = request.Sheet, Fields = request.Fields });
        var children = new List<(SpreadsheetChildTable Table, SpreadsheetReader? Reader, string Source)>();
        foreach (var (table, source, sheet) in ChildSources(schemaFile, request, main?.Sheet, console))
        {
            children.Add((table, Open(source, new SpreadsheetReadOptions { Keys = request.Keys, ChildTable = table.Code, Sheet = sheet }), sheet ?? Path.GetFileName(source)));
        }

        if (main is null || errors.Count > 0)
        {
            Fail(errors, request, console);
        }

        var file = new ImportFile(main!, SpreadsheetForms.Shape(schemaFile));
        try
        {
            var keyCodes = main!.KeyCodes;
            foreach (var row in main.Rows())
            {
                file._rows.Add(row.Row);
                file._keys.Add(KeyText(row.Values, keyCodes));
            }

            var byKey = new Dictionary<string, int>(children.Count == 0 ? 0 : file._keys.Count, StringComparer.Ordinal);
            for (var i = 0; i < (children.Count == 0 ? 0 : file._keys.Count); i++)
            {
                byKey.TryAdd(file._keys[i], i);
            }

            var summary = new List<string>();
            foreach (var (table, reader, source) in children)
            {
                var rows = new ChildRowSpool();
                file._children.Add((table.Code, rows));
                foreach (var row in reader!.Rows())
                {
                    var key = KeyText(row.Values, keyCodes);
                    if (!byKey.TryGetValue(key, out var index))
                    {
                        errors.Add(new SpreadsheetError(source, row.Row, reader.Columns.First(c => c.FieldCode == keyCodes[0]).Header, Display(key), $"the key of a record in {main.Sheet} (no row there has it)"));
                        continue;
                    }

                    rows.Add(index, row.Values.Where(v => !keyCodes.Contains(v.Key)).ToDictionary(static v => v.Key, static v => v.Value, StringComparer.Ordinal));
                }

                file._names[table.Code] = table.DisplayName ?? table.Code;
                summary.Add($"{ImportCommand.N(reader.RowCount)} {table.DisplayName ?? table.Code} row(s) from {source}");
            }

            if (errors.Count > 0)
            {
                Fail(errors, request, console);
            }

            file.ChildSummary = summary.Count == 0 ? string.Empty : ", with " + string.Join(" and ", summary);
            return file;
        }
        catch
        {
            file.Dispose(); // the spooled child rows' files
            throw;
        }
    }

    /// <summary>
    /// Reads the records' sheet again, from its first row: each row's values, with its child tables (given whole: a
    /// record without rows in a table given has an empty table) and its association keys replaced by ids.
    /// </summary>
    public IEnumerable<IReadOnlyDictionary<string, object?>> ReadItems()
    {
        var index = 0;
        foreach (var row in Main.Rows())
        {
            var item = new Dictionary<string, object?>(row.Values, StringComparer.Ordinal);
            foreach (var (code, rows) in _children)
            {
                item[code] = rows.RowsOf(index);
            }

            foreach (var (field, ids) in _associations)
            {
                if (item.GetValueOrDefault(field) is string keys)
                {
                    item[field] = string.Join(";", AssociationValues(keys).Select(key => ids[key]));
                }
            }

            index++;
            yield return item;
        }
    }

    public void Dispose() => _children.ForEach(static c => c.Rows.Dispose());

    /// <summary>From the next reading on, replaces the values of the association <paramref name="field"/> by the ids they map to.</summary>
    public void MapAssociation(string field, IReadOnlyDictionary<string, string> ids) => _associations[field] = ids;

    /// <summary>The values of an association cell: <c>;</c>-separated, trimmed.</summary>
    public static string[] AssociationValues(object? value) =>
        value is string text ? text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

    /// <summary>The row of the file an item came from.</summary>
    public int RowOf(int index) => _rows[index];

    /// <summary>An item's key as people read it: its values joined with " + ".</summary>
    public string KeyOf(int index) => Display(_keys[index]);

    /// <summary>A field's name as the file has it: its column's header, or a child table's display name.</summary>
    public string NameOf(string code) => _names.GetValueOrDefault(code, code);

    /// <summary>A refusal of the upsert, with the file's rows for its positions.</summary>
    public string Describe(UpsertConflict conflict)
    {
        var rows = string.Join(", ", conflict.Positions.Select(RowOf));
        return conflict.Kind switch
        {
            UpsertConflictKind.DuplicateInInput => $"{Main.Sheet}, rows {rows}: the same key {conflict.Key}; keep one row per key",
            UpsertConflictKind.DuplicateInH3Yun => $"{Main.Sheet}, row {rows}: H3Yun holds {conflict.ObjectIds.Count} records with the key {conflict.Key} ({string.Join(", ", conflict.ObjectIds)}); delete all but one",

            // An empty key is refused by the reader, at its cell, before the upsert sees the rows.
            _ => $"{Main.Sheet}, row {rows}: {conflict}",
        };
    }

    private static void Fail(List<SpreadsheetError> errors, ImportRequest request, CliConsole console)
    {
        foreach (var error in errors.Take(100))
        {
            console.Error.WriteLine("  " + error);
        }

        var count = errors.Count;
        if (count > 100)
        {
            console.Error.WriteLine($"  … and {ImportCommand.N(count - 100)} more");
        }

        throw new CliException($"{ImportCommand.N(count)} problem(s) in {console.Show(request.File)} (above), each with its sheet, row, column and what was expected: nothing was sent to H3Yun. Fix them and run the command again.");
    }

    // The child tables to read: those named by --child, and the workbook's other sheets named as a child table.
    private static List<(SpreadsheetChildTable Table, string Source, string? Sheet)> ChildSources(string schemaFile, ImportRequest request, string? mainSheet, CliConsole console)
    {
        var tables = SpreadsheetForms.ChildTables(schemaFile);
        SpreadsheetChildTable? Find(string name) =>
            tables.FirstOrDefault(t => string.Equals(t.DisplayName, name, StringComparison.Ordinal))
            ?? tables.FirstOrDefault(t => string.Equals(t.Code, name, StringComparison.OrdinalIgnoreCase));

        var isWorkbook = string.Equals(Path.GetExtension(request.File), ".xlsx", StringComparison.OrdinalIgnoreCase);
        var sources = new List<(SpreadsheetChildTable, string, string?)>();
        foreach (var child in request.Children)
        {
            var equals = child.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == child.Length - 1)
            {
                throw new CliException($"--child '{child}' is not TABLE=SOURCE: name the child table (code or display name), then a sheet of the workbook or a .csv file, e.g. --child 订单明细=明细.csv.");
            }

            var name = child[..equals].Trim();
            var source = child[(equals + 1)..].Trim();
            var table = Find(name) ?? throw new CliException($"--child: {name} is not a child table of {request.Form} ({(tables.Count == 0 ? "it has none" : string.Join(", ", tables.Select(static t => t.DisplayName ?? t.Code)))}).");
            if (string.Equals(Path.GetExtension(source), ".csv", StringComparison.OrdinalIgnoreCase) || string.Equals(Path.GetExtension(source), ".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                sources.Add((table, console.FullPath(source), null));
            }
            else if (isWorkbook)
            {
                sources.Add((table, request.File, source));
            }
            else
            {
                throw new CliException($"--child {child}: {source} is neither a .csv or .xlsx file nor a sheet ({console.Show(request.File)} is not a workbook).");
            }
        }

        if (isWorkbook && mainSheet is not null)
        {
            foreach (var sheet in SpreadsheetForms.SheetNames(request.File))
            {
                if (sheet != mainSheet && Find(sheet) is { } table && !sources.Exists(s => s.Item1.Code == table.Code))
                {
                    sources.Add((table, request.File, sheet));
                }
            }
        }

        return sources;
    }

    private static string KeyText(IReadOnlyDictionary<string, object?> values, IReadOnlyList<string> keyCodes) =>
        string.Join('\u001F', keyCodes.Select(code => values.GetValueOrDefault(code) switch
        {
            null => string.Empty,
            decimal d => d.ToString("G29", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString() ?? string.Empty,
        }));

    private static string Display(string key) => key.Replace("\u001F", " + ", StringComparison.Ordinal);
}
