using System.Data.Common;

namespace H3Yun.Sync.Storage;

/// <summary>
/// What differs between databases: opening, the one-writer lock, identifier quoting, the type of each column kind and
/// how a value is bound. Everything else (the upsert with <c>ON CONFLICT</c>, the meta tables, the transactions) is
/// written once in <see cref="SyncStore"/>. MySQL or SQL Server would be one more implementation (their upsert differs:
/// the statement would move here).
/// </summary>
internal interface ISqlDialect
{
    /// <summary>The database's name, for messages (<c>SQLite</c>, <c>PostgreSQL</c>).</summary>
    string Name { get; }

    /// <summary>The target for messages: a file path, or a connection string without its password.</summary>
    string Target { get; }

    /// <summary>Makes a connection (not yet open).</summary>
    /// <returns>The connection.</returns>
    DbConnection CreateConnection();

    /// <summary>Prepares a freshly opened connection (pragmas, session settings).</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The work.</returns>
    Task InitializeAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the database's one-writer lock for the life of the returned handle, or refuses at once with an
    /// <see cref="H3YunSyncException"/> naming the holder. The lock must die with the process (a SIGKILL leaves none).
    /// </summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The handle that releases the lock.</returns>
    Task<IAsyncDisposable> LockAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Quotes an identifier.</summary>
    /// <param name="identifier">The name.</param>
    /// <returns>The quoted name.</returns>
    string Quote(string identifier);

    /// <summary>The SQL type of a column kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The type.</returns>
    string TypeOf(ColumnKind kind);

    /// <summary>Binds a value read by <see cref="RowValues"/> to a parameter of a column of the kind.</summary>
    /// <param name="parameter">The parameter.</param>
    /// <param name="kind">The column's kind.</param>
    /// <param name="value">The value, or null.</param>
    void Bind(DbParameter parameter, ColumnKind kind, object? value);

    /// <summary>SQL that documents a column (a comment), or null where the database has none.</summary>
    /// <param name="table">The table.</param>
    /// <param name="column">The column.</param>
    /// <param name="text">The comment.</param>
    /// <returns>The statement, or null.</returns>
    string? Comment(string table, string column, string text);
}
