using System.Linq;
using System.Text;

namespace H3Yun.Generators.Emitting;

/// <summary>What every generated file shares: the GeneratedCode attribute, ASCII hint names, and the repository class.</summary>
internal static class GeneratedCode
{
    private static readonly string Version = typeof(GeneratedCode).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static readonly string Attribute = $"[global::System.CodeDom.Compiler.GeneratedCode(\"H3Yun.Generators\", \"{Version}\")]";

    /// <summary>The name with every character that is not an ASCII letter or digit replaced by <c>_</c>.</summary>
    public static string Ascii(string name) =>
        new(name.Select(static c => c < 0x80 && char.IsLetterOrDigit(c) ? c : '_').ToArray());

    /// <summary>FNV-1a over UTF-8: stable across processes and machines, unlike <see cref="string.GetHashCode()"/>.</summary>
    public static string StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Writes <c>&lt;ClassName&gt;Repository</c> over the record type <paramref name="recordType"/>.</summary>
    public static void Repository(SourceWriter w, string accessibility, string className, string recordType, string summary)
    {
        w.Line($"/// <summary>{summary}</summary>");
        w.Line(Attribute);
        w.Open($"{accessibility} sealed partial class {className}Repository : global::H3Yun.H3Repository<{recordType}>");
        w.Line("/// <summary>Creates the repository.</summary>");
        w.Line("/// <param name=\"client\">The client to send requests through.</param>");
        w.Line($"public {className}Repository(global::H3Yun.H3YunClient client) : base(client, {recordType}.FormInfo) {{ }}");
        w.Close();
    }
}
