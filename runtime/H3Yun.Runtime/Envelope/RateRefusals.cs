namespace H3Yun;

/// <summary>
/// Recognises H3Yun's refusal of a call for exceeding its rate limit when it comes as <c>Successful: false</c>.
/// H3Yun documents neither the text nor the status (docs/protocol.md#rate-limit), so any message that speaks of
/// call frequency or limits counts; such a refusal is certainly not applied and may be retried after a pause.
/// </summary>
internal static class RateRefusals
{
    private static readonly string[] Signs = ["频率", "频繁", "限流", "太快", "过快", "rate limit", "too many requests", "too frequent"];

    public static bool IsRateRefusal(string? errorMessage) =>
        errorMessage is { Length: > 0 } text && Array.Exists(Signs, sign => text.Contains(sign, StringComparison.OrdinalIgnoreCase));
}
