namespace H3Yun.Emulator;

/// <summary>
/// How the emulator refuses a request over its rate limit. H3Yun documents a limit of 1–2 calls per second but not
/// how it refuses the excess (docs/protocol.md#rate-limit); both plausible answers are offered, and neither
/// processes the request, so a client may treat both as "not applied" and send again later.
/// </summary>
public enum RateLimitRefusal
{
    /// <summary>
    /// The default: HTTP 200 with <c>Successful:false</c> and an <c>ErrorMessage</c> starting with
    /// <see cref="RateLimitTexts.ErrorMessagePrefix"/>, the way every H3Yun refusal seen in public sources is answered (docs/protocol.md#envelope). It is
    /// also the harder case for a client, which must recognise a refusal of rate by its text.
    /// </summary>
    ApiError = 0,

    /// <summary>HTTP 429 Too Many Requests with a <c>Retry-After</c> header in whole seconds and no body.</summary>
    Http429 = 1,
}

/// <summary>The texts of a refusal of rate.</summary>
public static class RateLimitTexts
{
    /// <summary>How the <c>ErrorMessage</c> of a <see cref="RateLimitRefusal.ApiError"/> refusal starts: 调用频率超过限制 ("call rate over the limit").</summary>
    public const string ErrorMessagePrefix = "调用频率超过限制";
}
