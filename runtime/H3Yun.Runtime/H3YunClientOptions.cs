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
    /// The most requests per second this client sends, across all its callers (H3Yun documents 1–2 per second).
    /// Requests beyond it wait their turn; <see langword="null"/> turns the limit off, for local emulators only.
    /// </summary>
    public double? RequestsPerSecond { get; set; } = 2;

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
            options.BaseAddress = Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri)
                ? uri
                : throw new InvalidOperationException($"{BaseAddressVariable} must be an absolute address such as https://www.h3yun.com, not '{address}'.");
        }

        return options;
    }

    /// <summary>Describes the options without the secret.</summary>
    /// <returns>The address, the EngineCode and the limits.</returns>
    public override string ToString() =>
        $"H3Yun at {BaseAddress} (EngineCode {EngineCode}, EngineSecret {(EngineSecret.Length > 0 ? "set" : "not set")}, "
        + $"{(RequestsPerSecond is { } rate ? $"{rate} requests/s" : "no rate limit")})";

    /// <summary>A copy the caller cannot change, checked once: what a client keeps.</summary>
    internal H3YunClientOptions Snapshot()
    {
        var copy = (H3YunClientOptions)MemberwiseClone();
        copy.Validate();
        return copy;
    }

    internal void Validate()
    {
        static void Require(bool condition, string message)
        {
            if (!condition)
            {
                throw new ArgumentException(message, "options");
            }
        }

        Require(BaseAddress is { IsAbsoluteUri: true }, "H3YunClientOptions.BaseAddress must be an absolute address such as https://www.h3yun.com.");
        Require(!string.IsNullOrWhiteSpace(EngineCode), $"H3YunClientOptions.EngineCode is empty. Set it, or set {EngineCodeVariable}.");
        Require(!string.IsNullOrWhiteSpace(EngineSecret), $"H3YunClientOptions.EngineSecret is empty. Set it, or set {EngineSecretVariable}.");
        Require(RequestsPerSecond is null or > 0, "H3YunClientOptions.RequestsPerSecond must be positive, or null for no limit.");
        Require(Timeout > TimeSpan.Zero, "H3YunClientOptions.Timeout must be positive.");
        Require(MaxRetryAttempts >= 0, "H3YunClientOptions.MaxRetryAttempts cannot be negative.");
        Require(RetryDelay >= TimeSpan.Zero, "H3YunClientOptions.RetryDelay cannot be negative.");
        Require(CreateBatchSize > 0, "H3YunClientOptions.CreateBatchSize must be positive.");
        Require(MaxResponseBytes > 0, "H3YunClientOptions.MaxResponseBytes must be positive.");
        Require(TimeProvider is not null, "H3YunClientOptions.TimeProvider cannot be null.");
        Require(TimeZone is not null, "H3YunClientOptions.TimeZone cannot be null; H3Yun works in H3YunTimeZones.ChinaStandardTime.");
    }
}
