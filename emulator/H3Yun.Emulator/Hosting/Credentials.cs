using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace H3Yun.Emulator.Hosting;

/// <summary>The EngineCode and EngineSecret this instance accepts, checked the same way by every endpoint.</summary>
internal sealed class Credentials(string engineCode, string engineSecret)
{
    public const string RefusalMessage = "EngineCode/EngineSecret 错误 / EngineCode or EngineSecret is wrong or missing";

    public static string? EngineCodeOf(IHeaderDictionary headers) =>
        headers.TryGetValue(OpenApiNames.EngineCodeHeader, out var value) ? value.ToString() : null;

    public bool Accepts(IHeaderDictionary headers) => Accepts(headers[OpenApiNames.EngineCodeHeader].ToString(), headers[OpenApiNames.EngineSecretHeader].ToString());

    public bool Accepts(string? sentCode, string? sentSecret) =>
        SameText(sentCode ?? string.Empty, engineCode) & SameText(sentSecret ?? string.Empty, engineSecret);

    /// <summary>Constant-time, so that even a test double does not model a timing leak of the secret.</summary>
    private static bool SameText(string sent, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(expected));
}
