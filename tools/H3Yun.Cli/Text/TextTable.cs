using System.Globalization;
using System.Text;

namespace H3Yun.Cli.Text;

/// <summary>
/// A plain-text table for terminals and CI logs, aligned by display width: a CJK character takes two columns, so
/// that columns of Chinese display names line up.
/// </summary>
internal static class TextTable
{
    public static string Render(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { headers };
        all.AddRange(rows);
        var widths = Enumerable.Range(0, headers.Count).Select(column => all.Max(row => Width(row[column]))).ToArray();
        var text = new StringBuilder();
        for (var r = 0; r < all.Count; r++)
        {
            Line(text, all[r], widths);
            if (r == 0)
            {
                Line(text, widths.Select(width => new string('-', width)).ToList(), widths);
            }
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, IReadOnlyList<string> cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var c = 0; c < cells.Count; c++)
        {
            line.Append(cells[c]);
            if (c + 1 < cells.Count)
            {
                line.Append(' ', widths[c] - Width(cells[c]) + 2);
            }
        }

        text.Append(line.ToString().TrimEnd()).Append('\n');
    }

    /// <summary>The columns a text takes in a terminal: East Asian wide and full-width characters take two.</summary>
    public static int Width(string text)
    {
        var width = 0;
        var runes = text.EnumerateRunes();
        foreach (var rune in runes)
        {
            width += IsWide(rune.Value) ? 2 : Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark ? 0 : 1;
        }

        return width;
    }

    private static bool IsWide(int c) =>
        c is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x33FF) or (>= 0x3400 and <= 0x4DBF)
            or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA000 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x20000 and <= 0x3FFFD);
}
