using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace H3Yun.Generators.Emitting;

/// <summary>Escapes schema text for the two places it lands in generated code: string literals and XML docs.</summary>
internal static class CodeText
{
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    // Control characters are not allowed in XML at all, even escaped (CS1570), so they become spaces.
    public static string Xml(string value) =>
        new string(value.Select(static c => c < ' ' || c is '\uFFFE' or '\uFFFF' ? ' ' : c).ToArray())
            .Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
