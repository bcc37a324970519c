using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace H3Yun.Generators.Naming;

/// <summary>
/// Turns display names and codes into C# identifiers. Letters of any script are valid identifier characters, so
/// Chinese names stay as they are; words separated by spaces or punctuation are joined in PascalCase.
/// </summary>
internal static class Identifiers
{
    /// <summary>Makes an identifier from <paramref name="text"/>, or returns null when no letter or digit is left.</summary>
    /// <param name="text">A display name, code or requested name.</param>
    /// <param name="pascalCase">Whether to capitalise each word; a name the schema asks for keeps its case.</param>
    public static string? FromText(string? text, bool pascalCase = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(text!.Length);
        var startOfWord = true;
        foreach (var c in text)
        {
            if (!SyntaxFacts.IsIdentifierPartCharacter(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                startOfWord = true;
                continue;
            }

            builder.Append(pascalCase && startOfWord && c < 0x80 ? char.ToUpperInvariant(c) : c);
            startOfWord = false;
        }

        if (builder.Length == 0)
        {
            return null;
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="name"/> can be used as written: a valid identifier and not a keyword.</summary>
    public static bool IsUsable(string name) =>
        SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    /// <summary>Whether <paramref name="name"/> is a reserved C# keyword.</summary>
    public static bool IsKeyword(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None;

    /// <summary>Whether <paramref name="name"/> is a dotted list of identifiers, usable as a namespace.</summary>
    public static bool IsNamespace(string name)
    {
        foreach (var part in name.Split('.'))
        {
            if (!IsUsable(part))
            {
                return false;
            }
        }

        return name.Length > 0;
    }
}
