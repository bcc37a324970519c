using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace H3Yun;

/// <summary>
/// Clears the EngineSecret out of any text that came from the server before it reaches an exception or a log, in
/// case a proxy or a broken server echoes request headers back. The secret is found as written and in the forms
/// an echo may take: JSON-escaped (<c>\u002B</c>, <c>\/</c>) and URL-encoded (<c>%2B</c>), in any mix and hex case.
/// </summary>
internal sealed class SecretRedactor
{
    private const string Mask = "***";
    private const int ExcerptLength = 200;

    private readonly Regex? _secret;
    private readonly int _secretLength;

    public SecretRedactor(string secret)
    {
        _secretLength = secret.Length;
        _secret = secret.Length == 0 ? null : new Regex(Pattern(secret), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public string? Redact(string? text) => text is null || _secret is null ? text : _secret.Replace(text, Mask);

    public string Excerpt(ReadOnlySpan<byte> utf8)
    {
        // Decode enough that a secret starting inside the excerpt is whole when it is masked, even fully escaped (6 chars each).
        var length = Math.Min(utf8.Length, (ExcerptLength + (_secretLength * 6)) * 4);
        var text = Encoding.UTF8.GetString(utf8[..length]);
        return Shorten(Redact(text)!);
    }

    public string Excerpt(JsonElement element) => Shorten(Redact(element.GetRawText())!);

    private static string Shorten(string text) =>
        text.Length <= ExcerptLength ? text : string.Concat(text.AsSpan(0, ExcerptLength), "...");

    private static string Pattern(string secret)
    {
        var pattern = new StringBuilder();
        foreach (var c in secret)
        {
            pattern.Append("(?:").Append(Regex.Escape(c.ToString()));
            pattern.Append(@"|\\u").Append(Hex(c, 4));
            if (c < 0x80)
            {
                pattern.Append("|%").Append(Hex(c, 2));
            }

            if (c == '/')
            {
                pattern.Append(@"|\\/");
            }

            pattern.Append(')');
        }

        return pattern.ToString();
    }

    // Hex digits of a character code that match in either case: '+' gives 00[2][bB].
    private static string Hex(char c, int digits)
    {
        var hex = new StringBuilder();
        foreach (var digit in ((int)c).ToString("x" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))
        {
            hex.Append(char.IsLetter(digit) ? $"[{digit}{char.ToUpperInvariant(digit)}]" : digit.ToString());
        }

        return hex.ToString();
    }
}
