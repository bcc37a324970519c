using System.Diagnostics.CodeAnalysis;

namespace H3Yun;

/// <summary>
/// Settings of an <see cref="H3YunClient"/>. The client copies them when it is built and validates the copy once, so
/// changing an instance afterwards has no effect on clients made from it. The secret is used only as a request
/// header: it is never logged, never put into an exception, and <see cref="ToString"/> leaves it out.
/// </summary>
public sealed class H3YunClientOptions
{
    /// <summary>H3Yun's public address.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://www.h3yun.com");

    /// <summary>The environment variable holding the EngineCode.</summary>
    public const string EngineCodeVariable = "H3YUN_ENGINE_CODE";

    /// <summary>The environment variable holding the EngineSecret.</summary>
    public const string EngineSecretVariable = "H3YUN_ENGINE_SECRET";

    /// <summary>The environment variable that overrides <see cref="BaseAddress"/>.</summary>
    public const string BaseAddressVariable = "H3YUN_BASE_ADDRESS";

    /// <summary>Where the OpenApi lives; requests go to <c>{BaseAddress}/OpenApi/Invoke</c>.</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>The EngineCode (头像 → 系统管理 → 系统集成).</summary>
    public string EngineCode { get; set; } = string.Empty;

    /// <summary>The EngineSecret. Sent as a header only; never logged or shown.</summary>
    public string EngineSecret { get; set; } = string.Empty;

    /// <summary>
    /// The most requests per second sent to this engine by every client of it in the process together (H3Yun
    /// documents 1–2 per second): clients with the same <see cref="EngineCode"/> share one budget, retries included.
    /// Requests beyond it wait their turn, in order; <see langword="null"/> turns the limit off, for local emulators only.
    /// </summary>
    public double? RequestsPerSecond { get; set; } = 2;

    /// <summary>
    /// How many calls may wait for the engine's turn at once; one more is refused with
    /// <see cref="H3YunRateLimitException"/> rather than queued without bound. Shared like the budget.
    /// </summary>
    public int RateLimitQueueLimit { get; set; } = 10_000;

    /// <summary>
    /// A rate limiter of your own to take every request's turn from instead of the engine's in-process budget, for
    /// example one backed by Redis so that a fleet of processes shares one budget. <see cref="RequestsPerSecond"/> and
    /// <see cref="RateLimitQueueLimit"/> are then not used; the client never disposes it.
    /// </summary>
    public System.Threading.RateLimiting.RateLimiter? RateLimiter { get; set; }

    /// <summary>How long one attempt waits for H3Yun's answer (H3Yun documents at most 60 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How often a failed request is tried again. Reads are retried after network failures, timeouts, HTTP 408,
    /// 429 and 5xx; writes only when the request certainly did not reach H3Yun (connection refused, name not
    /// resolved, HTTP 429), so that a write is never applied twice.
    /// </summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first wait before a retry; later waits grow exponentially, with jitter. A <c>Retry-After</c> wins.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many records one CreateBizObjects request carries at most.</summary>
    public int CreateBatchSize { get; set; } = 100;

    /// <summary>The largest answer the client reads, so that a broken server cannot exhaust memory.</summary>
    public int MaxResponseBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>The clock used for retry delays; tests replace it.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The time zone H3Yun's dates are in: China Standard Time (UTC+8, no daylight saving) unless the tenant differs.
    /// Dates written with <see cref="DateTimeKind.Utc"/> or <see cref="DateTimeKind.Local"/> are converted to it,
    /// <see cref="DateTimeKind.Unspecified"/> ones are taken as already in it, and dates read with an offset are
    /// converted to it.
    /// </summary>
    public TimeZoneInfo TimeZone { get; set; } = H3YunTimeZones.ChinaStandardTime;

    /// <summary>Reads <c>H3YUN_ENGINE_CODE</c>, <c>H3YUN_ENGINE_SECRET</c> and <c>H3YUN_BASE_ADDRESS</c>.</summary>
    /// <returns>The options, or <see langword="null"/> when the code or the secret is not set.</returns>
    public static H3YunClientOptions? FromEnvironment()
    {
        var code = Environment.GetEnvironmentVariable(EngineCodeVariable);
        var secret = Environment.GetEnvironmentVariable(EngineSecretVariable);
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(secret))
        {
            return null;
        }

        var options = new H3YunClientOptions { EngineCode = code.Trim(), EngineSecret = secret.Trim() };
        var address = Environment.GetEnvironmentVariable(BaseAddressVariable);
        if (!string.IsNullOrWhiteSpace(address))
        {
            options.BaseAddress = TryParseAddress(address, out var uri)
                ? uri
                : throw new InvalidOperationException($"{BaseAddressVariable} {AddressProblem(address)}");
        }

        return options;
    }

    /// <summary>Reads an OpenApi address: absolute, http or https (H3Yun, the emulator or a proxy).</summary>
    internal static bool TryParseAddress(string text, [NotNullWhen(true)] out Uri? address) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out address) && IsWebAddress(address);

    private static bool IsWebAddress(Uri? address) =>
        address is { IsAbsoluteUri: true } && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp);

    // "localhost:1234" parses as an absolute URI whose scheme is "localhost", so the scheme is what tells it apart.
    internal static string AddressProblem(string? text) =>
        $"must be an http or https address such as https://www.h3yun.com or http://127.0.0.1:5080, not '{text}'"
        + (text is not null && !text.Contains("://", StringComparison.Ordinal) ? ": add http:// or https:// in front." : ".");

    /// <summary>Describes the options without the secret.</summary>
    /// <returns>The address, the EngineCode and the limits.</returns>
    public override string ToString() =>
        $"H3Yun at {BaseAddress} (EngineCode {EngineCode}, EngineSecret {(EngineSecret.Length > 0 ? "set" : "not set")}, "
        + $"{(RateLimiter is not null ? "a rate limiter of its own" : RequestsPerSecond is { } rate ? $"{rate} requests/s" : "no rate limit")})";

    /// <summary>A copy the caller cannot change, checked once: what a client keeps.</summary>
    internal H3YunClientOptions Snapshot()
    {
        var copy = (H3YunClientOptions)MemberwiseClone();
        copy.Validate();
        return copy;
    }

    internal void Validate()
    {
        var problems = Problems(static key => $"H3YunClientOptions.{key}");
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), "options");
        }
    }

    /// <summary>What is wrong with the options, each problem naming its key with <paramref name="keyName"/>.</summary>
    internal List<string> Problems(Func<string, string> keyName)
    {
        var problems = new List<string>();
        void Require(bool condition, string key, string problem)
        {
            if (!condition)
            {
                problems.Add($"{keyName(key)} {problem}");
            }
        }

        Require(IsWebAddress(BaseAddress), nameof(BaseAddress), $"{AddressProblem(BaseAddress?.OriginalString)} It is also read from {BaseAddressVariable}.");
        Require(!string.IsNullOrWhiteSpace(EngineCode), nameof(EngineCode), $"is empty. Set it (头像 → 系统管理 → 系统集成), or set {EngineCodeVariable}.");
        Require(!string.IsNullOrWhiteSpace(EngineSecret), nameof(EngineSecret), $"is empty. Set it, from user secrets or the environment rather than a file in source control, or set {EngineSecretVariable}.");
        Require(RequestsPerSecond is null or > 0, nameof(RequestsPerSecond), "must be positive, or null for no limit.");
        Require(RateLimitQueueLimit >= 0, nameof(RateLimitQueueLimit), "cannot be negative.");
        Require(Timeout > TimeSpan.Zero, nameof(Timeout), "must be positive.");
        Require(MaxRetryAttempts >= 0, nameof(MaxRetryAttempts), "cannot be negative.");
        Require(RetryDelay >= TimeSpan.Zero, nameof(RetryDelay), "cannot be negative.");
        Require(CreateBatchSize > 0, nameof(CreateBatchSize), "must be positive.");
        Require(MaxResponseBytes > 0, nameof(MaxResponseBytes), "must be positive.");
        Require(TimeProvider is not null, nameof(TimeProvider), "cannot be null.");
        Require(TimeZone is not null, nameof(TimeZone), "cannot be null; H3Yun works in H3YunTimeZones.ChinaStandardTime.");
        return problems;
    }
}
