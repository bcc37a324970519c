using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace H3Yun.Sync.Storage.PostgreSql;

/// <summary>
/// PostgreSQL, for teams: <c>numeric</c> decimals with every digit, <c>timestamp without time zone</c> in China time
/// (documented by a column comment), <c>boolean</c>, <c>jsonb</c> for multi-values, addresses, locations and attachment
/// lists (<c>_json</c> stays <c>text</c>: byte for byte as H3Yun sent it). The one-writer lock is a session advisory
/// lock (per database), which the server drops when the connection ends, also after a SIGKILL. Connections are not
/// pooled: a pooled session returned to the pool would keep the lock until Npgsql reset it on its next use, and keep
/// every other process out until then (a run holds one connection throughout, so a pool saves nothing).
/// </summary>
internal sealed class PostgreSqlDialect(string connectionString) : ISqlDialect
{
    /// <summary>The advisory lock key every H3Yun sync takes (<c>h3yunsync</c> as a number).</summary>
    internal const long LockKey = 0x6833_7975_6e73_796e;

    private readonly NpgsqlConnectionStringBuilder _builder = new(connectionString) { Pooling = false };

    /// <inheritdoc/>
    public string Name => "PostgreSQL";

    /// <inheritdoc/>
    public string Target => $"{_builder.Host}:{_builder.Port}/{_builder.Database}";

    /// <summary>Makes a dialect for a connection string, or a <c>postgresql://user:password@host:port/database</c> URL.</summary>
    /// <param name="target">The connection string or URL.</param>
    /// <returns>The dialect.</returns>
    public static PostgreSqlDialect For(string target)
    {
        if (!target.Contains("://", StringComparison.Ordinal))
        {
            return new(target);
        }

        var url = new Uri(target);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Port = url.Port > 0 ? url.Port : 5432,
            Database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/')),
        };
        if (url.UserInfo.Split(':', 2) is [var user, .. var rest])
        {
            builder.Username = Uri.UnescapeDataString(user);
            if (rest is [var password])
            {
                builder.Password = Uri.UnescapeDataString(password);
            }
        }

        return new(builder.ConnectionString);
    }

    /// <inheritdoc/>
    public DbConnection CreateConnection() => new NpgsqlConnection(_builder.ConnectionString);

    /// <inheritdoc/>
    public Task InitializeAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    /// <remarks>
    /// A session that just ended (the connection of a cancelled or killed run) may hold the lock for a moment more,
    /// until its server process notices; the lock is tried for up to <see cref="LockPatience"/> before the refusal.
    /// </remarks>
    public async Task<IAsyncDisposable> LockAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = $"SELECT pg_try_advisory_lock({LockKey})";
        var deadline = DateTime.UtcNow + LockPatience;
        while (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new H3YunSyncException(
                    $"Another sync is writing {Target} (it holds the advisory lock {LockKey}). Two syncs never write one database at once: wait for it to finish, or stop it.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }

        return new Held(connection);
    }

    /// <summary>How long a lock held by another session is waited for before the refusal.</summary>
    internal static readonly TimeSpan LockPatience = TimeSpan.FromSeconds(3);

    /// <inheritdoc/>
    public string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <inheritdoc/>
    public string TypeOf(ColumnKind kind) => kind switch
    {
        ColumnKind.Integer => "bigint",
        ColumnKind.Decimal => "numeric",
        ColumnKind.Boolean => "boolean",
        ColumnKind.Timestamp => "timestamp without time zone",
        ColumnKind.Json => "jsonb",
        _ => "text",
    };

    /// <inheritdoc/>
    public void Bind(DbParameter parameter, ColumnKind kind, object? value)
    {
        if (parameter is NpgsqlParameter typed)
        {
            typed.NpgsqlDbType = kind switch
            {
                ColumnKind.Integer => NpgsqlDbType.Bigint,
                ColumnKind.Decimal => NpgsqlDbType.Numeric,
                ColumnKind.Boolean => NpgsqlDbType.Boolean,
                ColumnKind.Timestamp => NpgsqlDbType.Timestamp,
                ColumnKind.Json => NpgsqlDbType.Jsonb,
                _ => NpgsqlDbType.Text,
            };
        }

        parameter.Value = value ?? DBNull.Value;
    }

    /// <inheritdoc/>
    public string? Comment(string table, string column, string text) =>
        $"COMMENT ON COLUMN {Quote(table)}.{Quote(column)} IS '{text.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>
    /// Released explicitly while the connection is open (closing it would too, but the server notices a closed
    /// connection a moment later); a broken connection's lock ends with its session.
    /// </summary>
    private sealed class Held(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection.State != System.Data.ConnectionState.Open)
            {
                return;
            }

            try
            {
                var command = connection.CreateCommand();
                await using var commandScope = command.ConfigureAwait(false);
                command.CommandText = $"SELECT pg_advisory_unlock({LockKey})";
                await command.ExecuteScalarAsync().ConfigureAwait(false);
            }
            catch (DbException)
            {
                // the session is gone or going: its lock goes with it
            }
        }
    }
}
