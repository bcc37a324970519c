using H3Yun.Sync.Storage;
using H3Yun.Sync.Storage.PostgreSql;
using H3Yun.Sync.Storage.Sqlite;

namespace H3Yun.Sync;

/// <summary>Tells a PostgreSQL connection string from a SQLite file path or connection string.</summary>
internal static class SyncTarget
{
    /// <summary>The dialect of a target.</summary>
    /// <param name="target">A SQLite path or connection string, or a PostgreSQL connection string or URL.</param>
    /// <returns>The dialect.</returns>
    public static ISqlDialect Dialect(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        var trimmed = target.Trim();
        var isPostgres = trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || trimmed.Split(';').Any(part => part.Split('=')[0].Trim().ToUpperInvariant() is "HOST" or "SERVER");
        return isPostgres ? PostgreSqlDialect.For(trimmed) : SqliteDialect.For(trimmed);
    }
}
