namespace H3Yun.Spreadsheets;

/// <summary>A column of the file matched to a field.</summary>
/// <param name="Index">The column's position, from 0.</param>
/// <param name="Header">The column's header as written.</param>
/// <param name="FieldCode">The field's code.</param>
public sealed record SpreadsheetColumn(int Index, string Header, string FieldCode);

/// <summary>One row of the file, converted: field code → value in H3Yun's write format.</summary>
/// <param name="Row">The row as the spreadsheet numbers it.</param>
/// <param name="Values">
/// Each matched column's value: a string, a decimal (Double fields), a long (Int and Long fields), a bool, a date as
/// <c>yyyy-MM-dd HH:mm:ss</c>, multiple values as <c>A;B</c>, or null for an empty cell.
/// </param>
public sealed record SpreadsheetRow(int Row, IReadOnlyDictionary<string, object?> Values);

/// <summary>
/// Reads an .xlsx or .csv file against a form's schema file. <see cref="Open"/> reads the whole file once and refuses
/// it, with every problem located, before any row is returned; <see cref="Rows"/> then streams the converted rows by
/// reading the file again, so memory does not grow with the file.
/// </summary>
public sealed class SpreadsheetReader
{
    private readonly ISheetSource _source;
    private readonly (int Index, SheetField Field)[] _matched;
    private readonly int _width;

    private SpreadsheetReader(ISheetSource source, string schemaCode, (int, SheetField)[] matched, int width, IReadOnlyList<SpreadsheetColumn> columns, IReadOnlyList<string> unmatched)
    {
        _source = source;
        _matched = matched;
        _width = width;
        SchemaCode = schemaCode;
        Columns = columns;
        UnmatchedColumns = unmatched;
    }

    /// <summary>The form's SchemaCode.</summary>
    public string SchemaCode { get; }

    /// <summary>The sheet read (a CSV file's name).</summary>
    public string Sheet => _source.Sheet;

    /// <summary>The columns matched to fields, in file order.</summary>
    public IReadOnlyList<SpreadsheetColumn> Columns { get; }

    /// <summary>The headers no field matched; their cells are not read.</summary>
    public IReadOnlyList<string> UnmatchedColumns { get; }

    /// <summary>The child table whose rows the sheet holds (<see cref="SpreadsheetReadOptions.ChildTable"/>), by code; null for the form's own rows.</summary>
    public string? ChildTable { get; private init; }

    /// <summary>The codes of the key fields (<see cref="SpreadsheetReadOptions.Keys"/>), in the order given.</summary>
    public IReadOnlyList<string> KeyCodes { get; private init; } = [];

    /// <summary>The number of data rows (blank rows are skipped).</summary>
    public int RowCount { get; private set; }

    /// <summary>Reads and validates a whole file.</summary>
    /// <param name="schemaFile">The form's <c>*.h3form.json</c> file.</param>
    /// <param name="file">An <c>.xlsx</c> or <c>.csv</c> file; the first row holds the headers.</param>
    /// <param name="options">The keys, the sheet, the CSV encoding.</param>
    /// <returns>The reader, whose <see cref="Rows"/> all convert.</returns>
    /// <exception cref="SpreadsheetException">Any problem, each located in <see cref="SpreadsheetException.Errors"/>.</exception>
    public static SpreadsheetReader Open(string schemaFile, string file, SpreadsheetReadOptions? options = null)
    {
        options ??= new SpreadsheetReadOptions();
        var form = SheetSchema.ReadForm(schemaFile);
        var schemaCode = form.SchemaCode;
        IReadOnlyList<SheetField> fields = [.. form.Fields.Select(SheetField.Of)];
        string? childTable = null;
        if (options.ChildTable is { } table)
        {
            var child = form.Children.FirstOrDefault(c => string.Equals(c.Field.DisplayName, table.Trim(), StringComparison.Ordinal))
                ?? form.Children.FirstOrDefault(c => string.Equals(c.Field.Code, table.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new SpreadsheetException([new SpreadsheetError(Path.GetFileName(file), 0, null, table, $"a child table of {schemaCode}: {(form.Children.Count == 0 ? "it has none" : string.Join(", ", form.Children.Select(c => c.Field.DisplayName ?? c.Field.Code)))}")], 0);

            // A child sheet's rows name their record by the parent's key columns; the rest are the table's fields.
            childTable = child.Field.Code;
            var parentKeys = options.Keys.Select(key => Find(fields, key)).Where(static f => f is not null).Select(static f => f!).ToList();
            fields = [.. parentKeys, .. child.Form.Fields.Select(SheetField.Of).Where(f => !parentKeys.Exists(k => k.Code == f.Code))];
        }

        var errors = new List<SpreadsheetError>();
        var name = Path.GetFileName(file);
        if (!File.Exists(file))
        {
            throw new SpreadsheetException([new SpreadsheetError(name, 0, null, Path.GetFullPath(file), "an existing file")], 0);
        }

        ISheetSource source = Path.GetExtension(file).ToUpperInvariant() switch
        {
            ".XLSX" => new XlsxSource(file, options.Sheet, errors),
            ".CSV" => new CsvSource(file, options.Encoding),
            _ => throw new SpreadsheetException([new SpreadsheetError(name, 0, null, Path.GetExtension(file), "an .xlsx or .csv file")], 0),
        };

        var keys = new List<SheetField>();
        foreach (var key in options.Keys)
        {
            keys.Add(Find(fields, key) ?? throw new SpreadsheetException([new SpreadsheetError(source.Sheet, 0, null, key, $"a key field of {schemaCode}, by code or display name")], 0));
        }

        using var rows = Read(source, name).GetEnumerator();
        if (!rows.MoveNext())
        {
            throw new SpreadsheetException([new SpreadsheetError(source.Sheet, 1, null, null, "a header row naming the fields (the sheet is empty)")], 0);
        }

        var header = rows.Current;
        var columns = new List<SpreadsheetColumn>();
        var matched = new List<(int, SheetField)>();
        var unmatched = new List<string>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Cells.Length; i++)
        {
            var text = Convert.ToString(header.Cells[i], System.Globalization.CultureInfo.InvariantCulture)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            var field = Find(fields, text);
            if (field is null)
            {
                unmatched.Add(text);
                continue;
            }

            if (seen.TryGetValue(field.Code, out var first))
            {
                errors.Add(new SpreadsheetError(source.Sheet, header.Number, text, null, $"one column per field; '{first}' is already the field {field.Code}"));
                continue;
            }

            if (!CellConverter.CanRead(field.DataType))
            {
                errors.Add(new SpreadsheetError(source.Sheet, header.Number, text, null, $"a field read from cells; {field.Code} is a {field.DataType} field"));
                continue;
            }

            seen[field.Code] = text;
            columns.Add(new SpreadsheetColumn(i, text, field.Code));
            matched.Add((i, field));
        }

        foreach (var key in keys.Where(key => !seen.ContainsKey(key.Code)))
        {
            errors.Add(new SpreadsheetError(source.Sheet, header.Number, null, null, $"a column for the key field {key.Code} ({key.DisplayName ?? key.Code})"));
        }

        if (options.Fields.Count > 0)
        {
            // Only the columns of the fields named (and the keys) are read; a field named must have a column.
            var wanted = new HashSet<string>(keys.Select(static k => k.Code), StringComparer.Ordinal);
            foreach (var wantedName in options.Fields)
            {
                if (Find(fields, wantedName) is not { } field)
                {
                    errors.Add(new SpreadsheetError(source.Sheet, header.Number, null, wantedName, $"a field of {schemaCode} to import, by code or display name"));
                }
                else if (!seen.ContainsKey(field.Code))
                {
                    errors.Add(new SpreadsheetError(source.Sheet, header.Number, null, wantedName, $"a column for the field {field.Code} ({field.DisplayName ?? field.Code}), which is to be imported"));
                }
                else
                {
                    wanted.Add(field.Code);
                }
            }

            columns.RemoveAll(c => !wanted.Contains(c.FieldCode));
            matched.RemoveAll(m => !wanted.Contains(m.Item2.Code));
        }

        if (errors.Count > 0)
        {
            throw new SpreadsheetException(errors, 0);
        }

        var reader = new SpreadsheetReader(source, schemaCode, [.. matched], header.Cells.Length, columns, unmatched)
        {
            ChildTable = childTable,
            KeyCodes = [.. keys.Select(static k => k.Code)],
        };
        var more = 0;
        var count = 0;
        var keyCodes = keys.Select(k => k.Code).ToHashSet(StringComparer.Ordinal);
        while (rows.MoveNext())
        {
            var row = rows.Current;
            if (IsBlank(row))
            {
                continue;
            }

            count++;
            foreach (var error in reader.Errors(row, keyCodes))
            {
                if (errors.Count < options.MaxErrors)
                {
                    errors.Add(error);
                }
                else
                {
                    more++;
                }
            }
        }

        // A sheet of records with no row is a mistake; a child table's sheet with none says that no record has a row
        // (an export of a form whose tables are all empty writes one).
        if (count == 0 && childTable is null)
        {
            errors.Add(new SpreadsheetError(source.Sheet, header.Number + 1, null, null, "at least one row of data below the headers"));
        }

        if (errors.Count > 0)
        {
            throw new SpreadsheetException(errors, more);
        }

        reader.RowCount = count;
        return reader;
    }

    /// <summary>Streams the converted rows, reading the file again; blank rows are skipped.</summary>
    /// <returns>The rows, in file order.</returns>
    /// <exception cref="SpreadsheetException">The file changed since <see cref="Open"/> and a cell no longer converts.</exception>
    public IEnumerable<SpreadsheetRow> Rows()
    {
        var first = true;
        foreach (var row in Read(_source, _source.Sheet))
        {
            if (first || IsBlank(row))
            {
                first = false;
                continue;
            }

            var values = new Dictionary<string, object?>(_matched.Length, StringComparer.Ordinal);
            foreach (var (index, field) in _matched)
            {
                var cell = index < row.Cells.Length ? row.Cells[index] : null;
                if (!CellConverter.TryConvert(field, cell, out var value, out var expected))
                {
                    throw new SpreadsheetException([new SpreadsheetError(_source.Sheet, row.Number, Columns.First(c => c.Index == index).Header, Show(cell), expected!)], 0);
                }

                values[field.Code] = value;
            }

            yield return new SpreadsheetRow(row.Number, values);
        }
    }

    private IEnumerable<SpreadsheetError> Errors(RawRow row, HashSet<string> keys)
    {
        if (row.Cells.Length > _width && row.Cells.Skip(_width).Any(c => c is not null))
        {
            yield return new SpreadsheetError(_source.Sheet, row.Number, null, null, $"no cells right of the last header (column {_width})");
        }

        foreach (var (index, field) in _matched)
        {
            var cell = index < row.Cells.Length ? row.Cells[index] : null;
            var header = Columns.First(c => c.Index == index).Header;
            if (!CellConverter.TryConvert(field, cell, out var value, out var expected))
            {
                yield return new SpreadsheetError(_source.Sheet, row.Number, header, Show(cell), expected!);
            }
            else if (value is null && keys.Contains(field.Code))
            {
                yield return new SpreadsheetError(_source.Sheet, row.Number, header, null, "a value: this is a key column");
            }
        }
    }

    private static IEnumerable<RawRow> Read(ISheetSource source, string name)
    {
        using var rows = source.Rows().GetEnumerator();
        while (true)
        {
            try
            {
                if (!rows.MoveNext())
                {
                    yield break;
                }
            }
            catch (Exception ex) when (ex is InvalidDataException or System.Xml.XmlException or FormatException or InvalidOperationException)
            {
                throw new SpreadsheetException([new SpreadsheetError(source.Sheet, 0, null, name, $"a readable file: {ex.Message}")], 0);
            }

            yield return rows.Current;
        }
    }

    private static bool IsBlank(RawRow row) => row.Cells.All(c => c is null || (c is string s && string.IsNullOrWhiteSpace(s)));

    private static string? Show(object? cell) => cell switch
    {
        null => null,
        DateTime date => date.ToString(H3Yun.Protocol.DateFormats.Write, System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static SheetField? Find(IReadOnlyList<SheetField> fields, string name) =>
        fields.FirstOrDefault(f => string.Equals(f.DisplayName, name.Trim(), StringComparison.Ordinal))
        ?? fields.FirstOrDefault(f => string.Equals(f.Code, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
