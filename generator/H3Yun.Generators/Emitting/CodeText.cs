using Microsoft.CodeAnalysis.CSharp;

namespace H3Yun.Generators.Emitting;

/// <summary>Escapes schema text for the two places it lands in generated code: string literals and XML docs.</summary>
internal static class CodeText
{
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    public static string Xml(string value) =>
        value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\r", " ").Replace("\n", " ");
}
