using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace H3Yun;

/// <summary>
/// Reads <see cref="H3YunClientOptions"/> from a configuration section (appsettings.json, environment variables,
/// user secrets) without reflection, so that it works trimmed and under Native AOT, and says exactly which key is
/// wrong: a value that does not parse, or a key that is not an option (a misspelt <c>EngineScret</c> would otherwise
/// be ignored).
/// </summary>
internal static class H3YunConfiguration
{
    private static readonly string[] Keys =
    [
        nameof(H3YunClientOptions.BaseAddress), nameof(H3YunClientOptions.EngineCode), nameof(H3YunClientOptions.EngineSecret),
        nameof(H3YunClientOptions.RequestsPerSecond), nameof(H3YunClientOptions.RateLimitQueueLimit), nameof(H3YunClientOptions.Timeout),
        nameof(H3YunClientOptions.MaxRetryAttempts), nameof(H3YunClientOptions.RetryDelay), nameof(H3YunClientOptions.CreateBatchSize),
        nameof(H3YunClientOptions.MaxResponseBytes), nameof(H3YunClientOptions.TimeZone),
    ];

    /// <summary>Copies the section's values onto <paramref name="options"/>; returns the problems, each naming its key.</summary>
    public static List<string> Bind(IConfiguration section, H3YunClientOptions options)
    {
        var path = (section as IConfigurationSection)?.Path;
        var problems = new List<string>();
        foreach (var child in section.GetChildren())
        {
            if (!Keys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{Key(path, child.Key)} is not an H3Yun option. The options are {string.Join(", ", Keys)}.");
            }
        }

        Read(section, path, nameof(H3YunClientOptions.BaseAddress), problems, "an http or https address such as https://www.h3yun.com", static (text, o) =>
        {
            var ok = H3YunClientOptions.TryParseAddress(text, out var uri);
            if (ok)
            {
                o.BaseAddress = uri!;
            }

            return ok;
        }, options);
        Read(section, path, nameof(H3YunClientOptions.EngineCode), problems, "text", static (text, o) => { o.EngineCode = text.Trim(); return true; }, options);
        Read(section, path, nameof(H3YunClientOptions.EngineSecret), problems, "text", static (text, o) => { o.EngineSecret = text.Trim(); return true; }, options);
        Read(section, path, nameof(H3YunClientOptions.RequestsPerSecond), problems, "a positive number, or \"none\" for no limit (emulators only)", static (text, o) =>
        {
            if (text.Equals("none", StringComparison.OrdinalIgnoreCase) || text.Equals("null", StringComparison.OrdinalIgnoreCase))
            {
                o.RequestsPerSecond = null;
                return true;
            }

            var ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate > 0;
            o.RequestsPerSecond = ok ? rate : o.RequestsPerSecond;
            return ok;
        }, options);
        Read(section, path, nameof(H3YunClientOptions.RateLimitQueueLimit), problems, "a whole number of 0 or more", static (text, o) => Int(text, 0, value => o.RateLimitQueueLimit = value), options);
        Read(section, path, nameof(H3YunClientOptions.Timeout), problems, "a time span such as 00:01:00", static (text, o) => Span(text, value => o.Timeout = value), options);
        Read(section, path, nameof(H3YunClientOptions.MaxRetryAttempts), problems, "a whole number of 0 or more", static (text, o) => Int(text, 0, value => o.MaxRetryAttempts = value), options);
        Read(section, path, nameof(H3YunClientOptions.RetryDelay), problems, "a time span such as 00:00:01", static (text, o) => Span(text, value => o.RetryDelay = value), options);
        Read(section, path, nameof(H3YunClientOptions.CreateBatchSize), problems, "a whole number of 1 or more", static (text, o) => Int(text, 1, value => o.CreateBatchSize = value), options);
        Read(section, path, nameof(H3YunClientOptions.MaxResponseBytes), problems, "a whole number of 1 or more", static (text, o) => Int(text, 1, value => o.MaxResponseBytes = value), options);
        Read(section, path, nameof(H3YunClientOptions.TimeZone), problems, "a time-zone id such as Asia/Shanghai", static (text, o) =>
        {
            var zone = H3YunTimeZones.Find(text);
            o.TimeZone = zone ?? o.TimeZone;
            return zone is not null;
        }, options);
        return problems;
    }

    private static void Read(
        IConfiguration section, string? path, string key, List<string> problems, string expected, Func<string, H3YunClientOptions, bool> apply, H3YunClientOptions options)
    {
        if (section[key] is { } text && !apply(text, options))
        {
            // The secret's value is never repeated, however wrong it is, nor where it was pasted into the wrong key.
            var secret = section[nameof(H3YunClientOptions.EngineSecret)];
            var hidden = key == nameof(H3YunClientOptions.EngineSecret) || (secret is { Length: > 0 } && text.Contains(secret.Trim(), StringComparison.Ordinal));
            var shown = hidden ? "(hidden: it holds the EngineSecret)" : $"'{text}'";
            problems.Add($"{Key(path, key)} is {shown}, which is not {expected}.");
        }
    }

    private static bool Int(string text, int minimum, Action<int> set)
    {
        var ok = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum;
        if (ok)
        {
            set(value);
        }

        return ok;
    }

    private static bool Span(string text, Action<TimeSpan> set)
    {
        var ok = TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= TimeSpan.Zero;
        if (ok)
        {
            set(value);
        }

        return ok;
    }

    internal static string Key(string? path, string key) => string.IsNullOrEmpty(path) ? key : $"{path}:{key}";
}
