using System.Globalization;
using System.Text.Json;

namespace H3Yun.Cli.Import;

/// <summary>
/// The rows of a child-table sheet, held in a temporary file rather than in memory: a child sheet's rows may come in
/// any order, and each reading of the records' sheet needs a record's rows when it reaches the record. In memory stays
/// where each row is (12 bytes a row); the file is deleted when the spool is disposed.
/// </summary>
internal sealed class ChildRowSpool : IDisposable
{
    private readonly FileStream _file = new(
        Path.Combine(Path.GetTempPath(), "h3yun-import-" + Guid.NewGuid().ToString("N") + ".jsonl"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose);

    private readonly Dictionary<int, List<(long Offset, int Length)>> _rows = [];

    /// <summary>The number of rows spooled.</summary>
    public int Count { get; private set; }

    /// <summary>Writes a row of the record at <paramref name="parent"/> (the record's position in the sheet).</summary>
    public void Add(int parent, IReadOnlyDictionary<string, object?> values)
    {
        var offset = _file.Seek(0, SeekOrigin.End);
        using (var json = new Utf8JsonWriter(_file))
        {
            json.WriteStartObject();
            foreach (var (code, value) in values)
            {
                switch (value)
                {
                    case null:
                        json.WriteNull(code);
                        break;
                    case string text:
                        json.WriteString(code, text);
                        break;
                    case bool flag:
                        json.WriteBoolean(code, flag);
                        break;
                    case long number:
                        json.WriteNumber(code, number);
                        break;
                    case decimal number:
                        // As {"d":"1.50"}: a decimal comes back a decimal, with its scale, never a long.
                        json.WriteStartObject(code);
                        json.WriteString("d", number.ToString(CultureInfo.InvariantCulture));
                        json.WriteEndObject();
                        break;
                    default:
                        throw new InvalidOperationException($"A child row's value of {code} is a {value.GetType().Name}, which the spreadsheet reader does not give.");
                }
            }

            json.WriteEndObject();
        }

        (_rows.TryGetValue(parent, out var list) ? list : _rows[parent] = []).Add((offset, (int)(_file.Position - offset)));
        Count++;
    }

    /// <summary>The rows of the record at <paramref name="parent"/>, in the sheet's order; none when it has none.</summary>
    public List<IReadOnlyDictionary<string, object?>> RowsOf(int parent)
    {
        if (!_rows.TryGetValue(parent, out var places))
        {
            return [];
        }

        var rows = new List<IReadOnlyDictionary<string, object?>>(places.Count);
        foreach (var (offset, length) in places)
        {
            var bytes = new byte[length];
            _file.Seek(offset, SeekOrigin.Begin);
            _file.ReadExactly(bytes);
            using var document = JsonDocument.Parse(bytes);
            rows.Add(document.RootElement.EnumerateObject().ToDictionary(
                static m => m.Name,
                static m => m.Value.ValueKind switch
                {
                    JsonValueKind.String => m.Value.GetString(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number => m.Value.GetInt64(),
                    JsonValueKind.Object => decimal.Parse(m.Value.GetProperty("d").GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
                    _ => (object?)null,
                },
                StringComparer.Ordinal));
        }

        return rows;
    }

    public void Dispose() => _file.Dispose();
}
