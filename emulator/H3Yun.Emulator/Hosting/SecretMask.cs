using System;
using System.Linq;
using System.Net;
using System.Text.Json;

namespace H3Yun.Emulator.Hosting;

/// <summary>
/// Replaces the EngineSecret in any text the emulator keeps or shows (request bodies, answers), in every form a
/// client could have written it: as-is, JSON-escaped, or URL-encoded.
/// </summary>
internal sealed class SecretMask
{
    public const string Mask = "***";

    private readonly string[] _forms;

    public SecretMask(string secret)
    {
        _forms = [.. new[]
            {
                secret,
                JsonEncodedText.Encode(secret).ToString(),
                Uri.EscapeDataString(secret),
                WebUtility.UrlEncode(secret),
            }
            .Where(form => form.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(form => form.Length)];
    }

    public string Apply(string text)
    {
        foreach (var form in _forms)
        {
            text = text.Replace(form, Mask, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }
}
