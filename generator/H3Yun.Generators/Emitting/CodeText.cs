using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace H3Yun.Generators.Emitting;

/// <summary>Escapes schema text for the three places it lands in generated code: string literals, XML docs and line comments.</summary>
internal static class CodeText
{
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    // Control characters are not allowed in XML at all, even escaped (CS1570), so they become spaces.
    public static string Xml(string value) =>
        new string(value.Select(static c => c < ' ' || c is '\uFFFE' or '\uFFFF' ? ' ' : c).ToArray())
            .Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Text for a <c>//</c> comment: as written, except the characters C# takes as the end of a line.</summary>
    public static string Comment(string value) =>
        new(value.Select(static c => c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029' ? ' ' : c).ToArray());
}
