using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace H3Yun.Generators.Emitting;

/// <summary>
/// Escapes schema text for the three places it lands in generated code: string literals, XML docs and line
/// comments. Each returns its input when nothing needs escaping, the common case, which allocates nothing.
/// </summary>
internal static class CodeText
{
    public static string Literal(string value)
    {
        foreach (var c in value)
        {
            // FormatLiteral escapes quotes, backslashes, control characters, separators and unpaired surrogates.
            if (c is '"' or '\\' || c < ' ' || (c >= 0x7F && !char.IsLetterOrDigit(c) && c != ' '))
            {
                return SymbolDisplay.FormatLiteral(value, quote: true);
            }
        }

        return "\"" + value + "\"";
    }

    // Control characters are not allowed in XML at all, even escaped (CS1570), so they become spaces.
    public static string Xml(string value)
    {
        if (!NeedsXmlEscape(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                _ when c < ' ' || c is '\uFFFE' or '\uFFFF' => builder.Append(' '),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    /// <summary>Text for a <c>//</c> comment: as written, except the characters C# takes as the end of a line.</summary>
    public static string Comment(string value)
    {
        var chars = value.ToCharArray();
        var changed = false;
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                chars[i] = ' ';
                changed = true;
            }
        }

        return changed ? new string(chars) : value;
    }

    private static bool NeedsXmlEscape(string value)
    {
        foreach (var c in value)
        {
            if (c is '&' or '<' or '>' or '\uFFFE' or '\uFFFF' || c < ' ')
            {
                return true;
            }
        }

        return false;
    }
}
