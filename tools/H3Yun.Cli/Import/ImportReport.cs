using System.Text;

namespace H3Yun.Cli.Import;

/// <summary>
/// The per-row report of <c>h3yun import</c>: a CSV file in UTF-8 with a BOM (so that Excel reads its Chinese), one
/// line per row of the file: row, key, outcome, ObjectId, the fields changed (by their headers), and the error.
/// </summary>
internal static class ImportReport
{
    public static void Write(string path, ImportFile file, IReadOnlyList<UpsertItemResult> results, bool planned)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            writer.WriteLine("row,key,outcome,ObjectId,fields changed,error");
            foreach (var result in results)
            {
                var outcome = planned
                    ? result.Outcome switch
                    {
                        UpsertOutcome.Created => "to create",
                        UpsertOutcome.Updated => "to update",
                        UpsertOutcome.Unchanged => "unchanged",
                        _ => "refused",
                    }
                    : result.Outcome.ToString().ToLowerInvariant();
                writer.WriteLine(string.Join(',', new[]
                {
                    file.RowOf(result.Index).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    file.KeyOf(result.Index),
                    outcome,
                    result.ObjectId ?? string.Empty,
                    string.Join(";", result.ChangedFields.Select(file.NameOf)),
                    result.Error?.Message ?? string.Empty,
                }.Select(Quote)));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Could not write the report {path}: {ex.Message}. {(planned ? "Nothing was written to H3Yun." : "The import itself ran; run the same command again for a report (it writes nothing more).")}", ex);
        }
    }

    // A cell that holds a comma, a quote, a line break or starts like a formula is quoted; a formula's start is defused.
    internal static string Quote(string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@')
        {
            cell = "'" + cell;
        }

        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
