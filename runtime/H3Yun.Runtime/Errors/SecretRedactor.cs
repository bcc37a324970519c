using System.Text;
using System.Text.Json;

namespace H3Yun;

/// <summary>
/// Clears the EngineSecret out of any text that came from the server before it reaches an exception or a log, in
/// case a proxy or a broken server echoes request headers back.
/// </summary>
internal sealed class SecretRedactor(string secret)
{
    private const string Mask = "***";
    private const int ExcerptLength = 200;

    public string? Redact(string? text) =>
        text is null || secret.Length == 0 ? text : text.Replace(secret, Mask, StringComparison.Ordinal);

    public string Excerpt(ReadOnlySpan<byte> utf8)
    {
        // Decode enough that a secret starting inside the excerpt is whole when it is masked.
        var length = Math.Min(utf8.Length, (ExcerptLength + secret.Length) * 4);
        var text = Encoding.UTF8.GetString(utf8[..length]);
        return Shorten(Redact(text)!);
    }

    public string Excerpt(JsonElement element) => Shorten(Redact(element.GetRawText())!);

    private static string Shorten(string text) =>
        text.Length <= ExcerptLength ? text : string.Concat(text.AsSpan(0, ExcerptLength), "...");
}
