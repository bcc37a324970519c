using System.Text.RegularExpressions;

namespace H3Yun.Cli.Sync;

/// <summary>
/// The <c>--to</c> of <c>h3yun sync</c>: a SQLite file path (taken from the current folder), a SQLite connection string,
/// or a PostgreSQL connection string or URL; and the same with its password masked, for every message h3yun prints.
/// </summary>
internal static partial class SyncTargetText
{
    public const string DefaultFile = "h3yun.db";

    /// <summary>The target the library gets: a bare path made absolute from the current folder, anything else as given.</summary>
    public static string Resolve(string? target, CliConsole console)
    {
        var text = string.IsNullOrWhiteSpace(target) ? DefaultFile : target.Trim();
        if (IsConnectionString(text))
        {
            return text;
        }

        var path = console.FullPath(text);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!); // SQLite makes the file, not its folder
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // left to the copy, which refuses the database with the reason
        }

        return path;
    }

    /// <summary>The target to show: a path relative to the current folder, a connection string with its password masked.</summary>
    public static string Show(string target, CliConsole console) => IsConnectionString(target) ? Mask(target, target) : console.Show(target);

    /// <summary>
    /// <paramref name="text"/> with the password of <paramref name="target"/> replaced by <c>***</c> wherever it appears,
    /// and any <c>Password=…</c> or URL password masked too.
    /// </summary>
    public static string Mask(string text, string target)
    {
        var masked = PasswordSetting().Replace(text, match => match.Groups["key"].Value + "***");
        masked = UrlPassword().Replace(masked, match => match.Groups["head"].Value + "***@");
        foreach (var secret in Passwords(target).Where(secret => secret.Length > 0))
        {
            masked = masked.Replace(secret, "***", StringComparison.Ordinal);
        }

        return masked;
    }

    private static bool IsConnectionString(string text) => text.Contains('=', StringComparison.Ordinal) || text.Contains("://", StringComparison.Ordinal);

    private static IEnumerable<string> Passwords(string target)
    {
        foreach (Match match in PasswordSetting().Matches(target))
        {
            yield return match.Groups["value"].Value.Trim().Trim('\'', '"');
        }

        if (UrlPassword().Match(target) is { Success: true } url)
        {
            yield return url.Groups["value"].Value;
            yield return Uri.UnescapeDataString(url.Groups["value"].Value);
        }
    }

    [GeneratedRegex(@"(?<key>\b(?:Password|Pwd)\s*=\s*)(?<value>'[^']*'|""[^""]*""|[^;]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordSetting();

    [GeneratedRegex(@"(?<head>[a-z][a-z0-9+.-]*://[^:/@\s]*:)(?<value>[^@\s]*)@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();
}
