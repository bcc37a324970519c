using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace H3Yun.Sync.Storage.Sqlite;

/// <summary>
/// SQLite, the default target: one file. Decimals are TEXT with every digit (SQLite's NUMERIC would round them through a
/// double), timestamps TEXT <c>yyyy-MM-dd HH:mm:ss</c> in China time (they sort and compare as text), booleans 0/1,
/// JSON as TEXT (query it with <c>json_extract</c>). WAL mode: readers never block the copy, and a killed process loses
/// at most the transaction it was in.
/// </summary>
internal sealed class SqliteDialect(string connectionString) : ISqlDialect
{
    private readonly SqliteConnectionStringBuilder _builder = new(connectionString) { Pooling = false };

    /// <inheritdoc/>
    public string Name => "SQLite";

    /// <inheritdoc/>
    public string Target => _builder.DataSource;

    /// <summary>Makes a dialect for a file path, or for a SQLite connection string (<c>Data Source=…</c>).</summary>
    /// <param name="target">The path or connection string.</param>
    /// <returns>The dialect.</returns>
    public static SqliteDialect For(string target) =>
        new(target.Contains('=', StringComparison.Ordinal) ? target : new SqliteConnectionStringBuilder { DataSource = target }.ConnectionString);

    /// <inheritdoc/>
    public DbConnection CreateConnection() => new SqliteConnection(_builder.ConnectionString);

    /// <inheritdoc/>
    public async Task InitializeAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (_builder.Mode == SqliteOpenMode.ReadOnly)
        {
            return; // nothing to set; the first write reports the read-only database
        }

        var command = connection.CreateCommand();

        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<IAsyncDisposable> LockAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // A lock file held open without sharing: .NET takes an exclusive flock on Unix (a share lock on Windows), which
        // the operating system releases when the process dies, so a SIGKILL never leaves a stale lock behind.
        var path = Path.GetFullPath(_builder.DataSource) + ".sync-lock";
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return Task.FromResult<IAsyncDisposable>(file);
        }
        catch (IOException ex)
        {
            throw new H3YunSyncException(
                $"Another sync is writing {Target} (it holds {path}). Two syncs never write one database at once: wait for it to finish, or stop it.", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new H3YunSyncException($"Cannot create the lock file {path} beside the database {Target}: {ex.Message}", ex);
        }
    }

    /// <inheritdoc/>
    public string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <inheritdoc/>
    public string TypeOf(ColumnKind kind) => kind switch
    {
        ColumnKind.Integer or ColumnKind.Boolean => "INTEGER",
        _ => "TEXT",
    };

    /// <inheritdoc/>
    public void Bind(DbParameter parameter, ColumnKind kind, object? value) => parameter.Value = value switch
    {
        null => DBNull.Value,
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        DateTime time => Windows.ChinaTime.Format(time),
        bool flag => flag ? 1L : 0L,
        _ => value,
    };

    /// <inheritdoc/>
    public string? Comment(string table, string column, string text) => null;
}
