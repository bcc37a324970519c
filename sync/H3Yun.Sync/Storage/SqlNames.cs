using System.Text;

namespace H3Yun.Sync.Storage;

/// <summary>
/// Readable SQL names from display names: letters (Chinese included) and digits stay, anything else becomes <c>_</c>.
/// Names are always quoted in SQL, so a keyword is harmless; they are cut to fit PostgreSQL's 63 bytes with room for
/// the <c>_name</c> suffix of a reference column.
/// </summary>
internal static class SqlNames
{
    /// <summary>The most UTF-8 bytes of a name the copy makes (PostgreSQL allows 63; <c>_name</c> takes 5).</summary>
    public const int MaxBytes = 58;

    /// <summary>Makes a name SQL-safe, or returns null when nothing of it is left.</summary>
    /// <param name="text">The display name, class name or code.</param>
    /// <returns>The name, or null.</returns>
    public static string? Safe(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            var keep = char.IsLetterOrDigit(c) || c == '_';
            if (keep)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }
        }

        var name = builder.ToString().Trim('_');
        if (name.Length == 0)
        {
            return null;
        }

        if (char.IsDigit(name[0]))
        {
            name = "_" + name;
        }

        while (Encoding.UTF8.GetByteCount(name) > MaxBytes)
        {
            name = name[..^1];
        }

        return name;
    }
}
