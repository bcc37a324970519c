using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using H3Yun.Sync.Windows;

namespace H3Yun.Sync.Storage;

/// <summary>
/// The copy's database: the meta tables (<c>h3yun_forms</c>, <c>h3yun_columns</c>, <c>h3yun_meta</c>), the tables of the
/// forms, and the transactions that keep rows and cursors together. One connection, held with the database's writer
/// lock for the whole run.
/// </summary>
internal sealed class SyncStore : IAsyncDisposable
{
    private readonly ISqlDialect _dialect;
    private readonly DbConnection _connection;
    private readonly IAsyncDisposable _lock;

    private SyncStore(ISqlDialect dialect, DbConnection connection, IAsyncDisposable writerLock)
    {
        _dialect = dialect;
        _connection = connection;
        _lock = writerLock;
    }

    /// <summary>The dialect.</summary>
    public ISqlDialect Dialect => _dialect;

    /// <summary>
    /// Opens the database, takes its writer lock and makes sure the meta tables exist and can be written, before the
    /// copy sends any request: an unreachable or read-only database is one clear error and nothing else happens.
    /// </summary>
    /// <param name="dialect">The database.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The store.</returns>
    public static async Task<SyncStore> OpenAsync(ISqlDialect dialect, CancellationToken cancellationToken)
    {
        var connection = dialect.CreateConnection();
        IAsyncDisposable? writerLock = null;
        try
        {
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await dialect.InitializeAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException or ArgumentException or IOException or System.Net.Sockets.SocketException or TimeoutException)
            {
                throw new H3YunSyncException($"Cannot open the {dialect.Name} database {dialect.Target}: {ex.Message}. Nothing was copied.", ex);
            }

            writerLock = await dialect.LockAsync(connection, cancellationToken).ConfigureAwait(false);
            var store = new SyncStore(dialect, connection, writerLock);
            try
            {
                await store.EnsureMetaAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbException ex)
            {
                throw new H3YunSyncException($"Cannot write the {dialect.Name} database {dialect.Target}: {ex.Message}. Nothing was copied and no cursor moved.", ex);
            }

            return store;
        }
        catch
        {
            if (writerLock is not null)
            {
                await writerLock.DisposeAsync().ConfigureAwait(false);
            }

            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A form's (or child table's) recorded state, or null when it was never copied.</summary>
    /// <param name="schemaCode">The SchemaCode.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The table name, the schema JSON it was built from and the cursor.</returns>
    public async Task<(string TableName, string SchemaJson, DateTime? Cursor)?> ReadFormAsync(string schemaCode, CancellationToken cancellationToken)
    {
        var command = Command("SELECT table_name, schema_json, cursor_time FROM h3yun_forms WHERE schema_code = @p0", schemaCode);
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        DateTime? cursor = reader.IsDBNull(2) || !ChinaTime.TryParse(reader.GetString(2), out var time) ? null : time;
        return (reader.GetString(0), reader.GetString(1), cursor);
    }

    /// <summary>Every table name the copy has made, by SchemaCode.</summary>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The names.</returns>
    public async Task<Dictionary<string, string>> ReadTableNamesAsync(CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var command = Command("SELECT schema_code, table_name FROM h3yun_forms");
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            names[reader.GetString(0)] = reader.GetString(1);
        }

        return names;
    }

    /// <summary>The columns recorded for a form or child table.</summary>
    /// <param name="schemaCode">The SchemaCode.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>By field code and role: the column's name, kind and the field's recorded data type.</returns>
    public async Task<Dictionary<(string Field, ColumnRole Role), (string Column, string Kind, string DataType)>> ReadColumnsAsync(string schemaCode, CancellationToken cancellationToken)
    {
        var columns = new Dictionary<(string, ColumnRole), (string, string, string)>();
        var command = Command("SELECT field_code, role, column_name, column_kind, data_type FROM h3yun_columns WHERE schema_code = @p0", schemaCode);
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var role = reader.GetString(1) == "name" ? ColumnRole.DisplayName : ColumnRole.Value;
            columns[(reader.GetString(0), role)] = (reader.GetString(2), reader.GetString(3), reader.GetString(4));
        }

        return columns;
    }

    /// <summary>
    /// Creates a table, or adds the columns of fields added to its schema, records its columns and the schema it was
    /// built from, and fills new columns from each row's <c>_json</c> (no request: the JSON holds every value H3Yun
    /// sent), all in one transaction.
    /// </summary>
    /// <param name="layout">The table.</param>
    /// <param name="schemaJson">The schema JSON the table is built from.</param>
    /// <param name="parentSchemaCode">The form of a child table, else null.</param>
    /// <param name="recorded">The columns recorded before.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>How many columns were added to an existing table.</returns>
    public async Task<int> PrepareTableAsync(
        TableLayout layout,
        string schemaJson,
        string? parentSchemaCode,
        IReadOnlyDictionary<(string Field, ColumnRole Role), (string Column, string Kind, string DataType)> recorded,
        CancellationToken cancellationToken)
    {
        var table = _dialect.Quote(layout.TableName);
        var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        var added = new List<LayoutColumn>();
        if (recorded.Count == 0)
        {
            var definition = new StringBuilder($"CREATE TABLE IF NOT EXISTS {table} ({_dialect.Quote("ObjectId")} {_dialect.TypeOf(ColumnKind.Text)} PRIMARY KEY");
            if (layout.IsChild)
            {
                definition.Append(CultureInfo.InvariantCulture, $", {_dialect.Quote("ParentObjectId")} {_dialect.TypeOf(ColumnKind.Text)} NOT NULL, {_dialect.Quote("_row_index")} {_dialect.TypeOf(ColumnKind.Integer)}");
            }

            foreach (var column in layout.Columns)
            {
                definition.Append(CultureInfo.InvariantCulture, $", {_dialect.Quote(column.Name)} {_dialect.TypeOf(column.Kind)}");
            }

            // _json is text in every dialect, never jsonb: jsonb would reorder members and drop duplicates, and the
            // point of the column is the record exactly as H3Yun sent it.
            definition.Append(CultureInfo.InvariantCulture, $", {_dialect.Quote("_json")} {_dialect.TypeOf(ColumnKind.Text)} NOT NULL");
            if (!layout.IsChild)
            {
                definition.Append(CultureInfo.InvariantCulture, $", {_dialect.Quote("_deleted_at")} {_dialect.TypeOf(ColumnKind.Timestamp)}");
            }

            definition.Append(')');
            await ExecuteAsync(transaction, definition.ToString(), cancellationToken).ConfigureAwait(false);
            foreach (var indexed in layout.IsChild ? ["ParentObjectId"] : new[] { "ModifiedTime", "CreatedTime" })
            {
                var index = _dialect.Quote(IndexName(layout.TableName, indexed));
                await ExecuteAsync(transaction, $"CREATE INDEX IF NOT EXISTS {index} ON {table} ({_dialect.Quote(indexed)})", cancellationToken).ConfigureAwait(false);
            }

            foreach (var column in layout.Columns.Where(column => column.Kind == ColumnKind.Timestamp))
            {
                if (_dialect.Comment(layout.TableName, column.Name, TimestampNote) is { } comment)
                {
                    await ExecuteAsync(transaction, comment, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        else
        {
            foreach (var column in layout.Columns.Where(column => !recorded.ContainsKey((column.Field.Code, column.Role))))
            {
                await ExecuteAsync(transaction, $"ALTER TABLE {table} ADD COLUMN {_dialect.Quote(column.Name)} {_dialect.TypeOf(column.Kind)}", cancellationToken).ConfigureAwait(false);
                added.Add(column);
            }
        }

        foreach (var column in layout.Columns)
        {
            await ExecuteAsync(
                transaction,
                "INSERT INTO h3yun_columns (schema_code, field_code, role, table_name, column_name, data_type, column_kind, display_name, note) "
                + "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8) ON CONFLICT (schema_code, field_code, role) DO UPDATE SET "
                + "table_name = excluded.table_name, data_type = excluded.data_type, display_name = excluded.display_name, note = excluded.note",
                cancellationToken,
                layout.SchemaCode,
                column.Field.Code,
                column.Role == ColumnRole.Value ? "value" : "name",
                layout.TableName,
                column.Name,
                column.Field.DataTypeText,
                column.Kind.ToString(),
                column.Field.DisplayName,
                column.Kind == ColumnKind.Timestamp ? TimestampNote : column.Role == ColumnRole.DisplayName ? "display names as H3Yun answered them" : null).ConfigureAwait(false);
        }

        await ExecuteAsync(
            transaction,
            "INSERT INTO h3yun_forms (schema_code, parent_schema_code, table_name, schema_json, schema_hash) VALUES (@p0, @p1, @p2, @p3, @p4) "
            + "ON CONFLICT (schema_code) DO UPDATE SET table_name = excluded.table_name, schema_json = excluded.schema_json, schema_hash = excluded.schema_hash",
            cancellationToken,
            layout.SchemaCode,
            parentSchemaCode,
            layout.TableName,
            schemaJson,
            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(schemaJson))).ToLowerInvariant()).ConfigureAwait(false);

        if (added.Count > 0)
        {
            await BackfillAsync(transaction, layout, added, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return added.Count;
    }

    /// <summary>
    /// Upserts a window's records (each with its child rows, which replace the rows it had) and, when given, moves the
    /// form's cursor, in ONE transaction: a crash leaves both as they were or both done.
    /// </summary>
    /// <param name="tables">The form's tables.</param>
    /// <param name="records">The records as H3Yun sent them.</param>
    /// <param name="cursor">The new cursor, or null to leave it.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The work.</returns>
    public async Task CommitAsync(FormTables tables, IReadOnlyList<JsonElement> records, DateTime? cursor, CancellationToken cancellationToken)
    {
        var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        if (records.Count > 0)
        {
            var upsert = UpsertCommand(transaction, tables.Main);
            await using var upsertScope = upsert.ConfigureAwait(false);
            var childCommands = new List<(string Code, DbCommand Delete, DbCommand Upsert, TableLayout Layout)>();
            try
            {
                foreach (var (child, layout) in tables.Children)
                {
                    var delete = _connection.CreateCommand();
                    delete.Transaction = transaction;
                    delete.CommandText = $"DELETE FROM {_dialect.Quote(layout.TableName)} WHERE {_dialect.Quote("ParentObjectId")} = @p0";
                    AddParameter(delete, "@p0", null);
                    childCommands.Add((child.Field.Code, delete, UpsertCommand(transaction, layout), layout));
                }

                foreach (var record in records)
                {
                    var objectId = ObjectIdOf(record);
                    Bind(upsert, tables.Main, record, objectId, parentObjectId: null, rowIndex: null);
                    await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    foreach (var (code, delete, childUpsert, layout) in childCommands)
                    {
                        delete.Parameters[0].Value = objectId;
                        await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                        if (RowValues.Member(record, code) is { ValueKind: JsonValueKind.Array } rows)
                        {
                            var index = 0;
                            foreach (var row in rows.EnumerateArray())
                            {
                                // A row without an id (H3Yun always sends one) gets a stable one from its parent and place.
                                var rowId = RowValues.Member(row, "ObjectId")?.ToString() ?? $"{objectId}:{index}";
                                Bind(childUpsert, layout, row, rowId, objectId, index++);
                                await childUpsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                            }
                        }
                    }
                }
            }
            finally
            {
                foreach (var (_, delete, childUpsert, _) in childCommands)
                {
                    await delete.DisposeAsync().ConfigureAwait(false);
                    await childUpsert.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        if (cursor is { } time)
        {
            await ExecuteAsync(
                transaction,
                "UPDATE h3yun_forms SET cursor_time = @p0, last_run_at = @p1 WHERE schema_code = @p2",
                cancellationToken,
                ChinaTime.Format(time),
                DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                tables.Main.SchemaCode).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ObjectIds of the copy's live records, with their CreatedTime.</summary>
    /// <param name="layout">The form's table.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The ids.</returns>
    public async Task<List<(string ObjectId, DateTime? CreatedTime)>> ReadIdsAsync(TableLayout layout, CancellationToken cancellationToken)
    {
        var ids = new List<(string, DateTime?)>();
        var command = Command(
            $"SELECT {_dialect.Quote("ObjectId")}, {_dialect.Quote("CreatedTime")} FROM {_dialect.Quote(layout.TableName)} WHERE {_dialect.Quote("_deleted_at")} IS NULL");
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            DateTime? created = reader.IsDBNull(1) ? null : reader.GetValue(1) switch
            {
                DateTime time => time,
                string text when ChinaTime.TryParse(text, out var time) => time,
                _ => null,
            };
            ids.Add((reader.GetString(0), created));
        }

        return ids;
    }

    /// <summary>Deletes records (with their child rows) or marks them deleted, and records the reconcile's time, in one transaction.</summary>
    /// <param name="tables">The form's tables.</param>
    /// <param name="objectIds">The records H3Yun no longer has; none to record only the time.</param>
    /// <param name="mark">Mark with <c>_deleted_at</c> instead of deleting.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The work.</returns>
    public async Task RemoveAsync(FormTables tables, IReadOnlyList<string> objectIds, bool mark, CancellationToken cancellationToken)
    {
        var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        var now = ChinaTime.FromInstant(DateTimeOffset.UtcNow);
        foreach (var objectId in objectIds)
        {
            if (mark)
            {
                var update = _connection.CreateCommand();
                await using var updateScope = update.ConfigureAwait(false);
                update.Transaction = transaction;
                update.CommandText = $"UPDATE {_dialect.Quote(tables.Main.TableName)} SET {_dialect.Quote("_deleted_at")} = @p0 WHERE {_dialect.Quote("ObjectId")} = @p1";
                var at = update.CreateParameter();
                at.ParameterName = "@p0";
                _dialect.Bind(at, ColumnKind.Timestamp, now);
                update.Parameters.Add(at);
                AddParameter(update, "@p1", objectId);
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            foreach (var (_, layout) in tables.Children)
            {
                await ExecuteAsync(transaction, $"DELETE FROM {_dialect.Quote(layout.TableName)} WHERE {_dialect.Quote("ParentObjectId")} = @p0", cancellationToken, objectId).ConfigureAwait(false);
            }

            await ExecuteAsync(transaction, $"DELETE FROM {_dialect.Quote(tables.Main.TableName)} WHERE {_dialect.Quote("ObjectId")} = @p0", cancellationToken, objectId).ConfigureAwait(false);
        }

        await ExecuteAsync(
            transaction,
            "UPDATE h3yun_forms SET last_reconcile_at = @p0 WHERE schema_code = @p1",
            cancellationToken,
            DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            tables.Main.SchemaCode).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        // The lock first: PostgreSQL's is released on the connection, before it closes.
        await _lock.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>A record's ObjectId.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The id.</returns>
    /// <exception cref="H3YunSyncException">The record has none.</exception>
    public static string ObjectIdOf(JsonElement record) =>
        RowValues.Member(record, "ObjectId") is { ValueKind: JsonValueKind.String } id && id.GetString() is { Length: > 0 } text
            ? text
            : throw new H3YunSyncException("H3Yun answered a record without an ObjectId; the copy keys every row by it.");

    private const string TimestampNote = "China Standard Time (UTC+8), as H3Yun's clock, without an offset";

    private static string IndexName(string table, string column)
    {
        // PostgreSQL cuts identifiers at 63 bytes, and the longest indexed column takes 15 with its underscore. A cut
        // name ends with a hash of the whole table name: two tables whose names differ only past the cut would
        // otherwise share an index name, and CREATE INDEX IF NOT EXISTS would skip the second table's.
        var name = "ix_" + table;
        if (Encoding.UTF8.GetByteCount(name) > 48)
        {
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(table)), 0, 4).ToLowerInvariant();
            while (Encoding.UTF8.GetByteCount(name) > 48 - 9)
            {
                name = name[..^1];
            }

            name += "_" + hash;
        }

        return name + "_" + column;
    }

    private async Task EnsureMetaAsync(CancellationToken cancellationToken)
    {
        var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        await ExecuteAsync(
            transaction,
            "CREATE TABLE IF NOT EXISTS h3yun_forms (schema_code TEXT PRIMARY KEY, parent_schema_code TEXT, table_name TEXT NOT NULL, "
            + "schema_json TEXT NOT NULL, schema_hash TEXT NOT NULL, cursor_time TEXT, last_run_at TEXT, last_reconcile_at TEXT)",
            cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
            transaction,
            "CREATE TABLE IF NOT EXISTS h3yun_columns (schema_code TEXT NOT NULL, field_code TEXT NOT NULL, role TEXT NOT NULL, "
            + "table_name TEXT NOT NULL, column_name TEXT NOT NULL, data_type TEXT NOT NULL, column_kind TEXT NOT NULL, display_name TEXT, note TEXT, "
            + "PRIMARY KEY (schema_code, field_code, role))",
            cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(transaction, "CREATE TABLE IF NOT EXISTS h3yun_meta (meta_key TEXT PRIMARY KEY, meta_value TEXT)", cancellationToken).ConfigureAwait(false);

        // A write before any request: a read-only database fails here, before anything is read from H3Yun.
        await ExecuteAsync(
            transaction,
            "INSERT INTO h3yun_meta (meta_key, meta_value) VALUES ('last_start', @p0) ON CONFLICT (meta_key) DO UPDATE SET meta_value = excluded.meta_value",
            cancellationToken,
            DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task BackfillAsync(DbTransaction transaction, TableLayout layout, List<LayoutColumn> added, CancellationToken cancellationToken)
    {
        var rows = new List<(string Id, string Json)>();
        var select = _connection.CreateCommand();
        await using (select.ConfigureAwait(false))
        {
            select.Transaction = transaction;
            select.CommandText = $"SELECT {_dialect.Quote("ObjectId")}, {_dialect.Quote("_json")} FROM {_dialect.Quote(layout.TableName)}";
            var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var update = _connection.CreateCommand();

        await using var updateScope = update.ConfigureAwait(false);
        update.Transaction = transaction;
        update.CommandText = $"UPDATE {_dialect.Quote(layout.TableName)} SET "
            + string.Join(", ", added.Select((column, i) => $"{_dialect.Quote(column.Name)} = @c{i}"))
            + $" WHERE {_dialect.Quote("ObjectId")} = @id";
        for (var i = 0; i < added.Count; i++)
        {
            AddParameter(update, $"@c{i}", null);
        }

        AddParameter(update, "@id", null);
        foreach (var (id, json) in rows)
        {
            using var document = JsonDocument.Parse(json);
            for (var i = 0; i < added.Count; i++)
            {
                _dialect.Bind(update.Parameters[i], added[i].Kind, RowValues.Read(document.RootElement, added[i]));
            }

            update.Parameters[added.Count].Value = id;
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private DbCommand UpsertCommand(DbTransaction transaction, TableLayout layout)
    {
        var names = new List<string> { "ObjectId" };
        if (layout.IsChild)
        {
            names.Add("ParentObjectId");
            names.Add("_row_index");
        }

        names.AddRange(layout.Columns.Select(column => column.Name));
        names.Add("_json");
        if (!layout.IsChild)
        {
            names.Add("_deleted_at");
        }

        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {_dialect.Quote(layout.TableName)} ({string.Join(", ", names.Select(_dialect.Quote))}) VALUES ("
            + string.Join(", ", names.Select((_, i) => $"@p{i}"))
            + $") ON CONFLICT ({_dialect.Quote("ObjectId")}) DO UPDATE SET "
            + string.Join(", ", names.Skip(1).Select(name => $"{_dialect.Quote(name)} = excluded.{_dialect.Quote(name)}"));
        for (var i = 0; i < names.Count; i++)
        {
            AddParameter(command, $"@p{i}", null);
        }

        return command;
    }

    private void Bind(DbCommand upsert, TableLayout layout, JsonElement record, string objectId, string? parentObjectId, int? rowIndex)
    {
        var i = 0;
        upsert.Parameters[i++].Value = objectId;
        if (layout.IsChild)
        {
            upsert.Parameters[i++].Value = parentObjectId;
            upsert.Parameters[i++].Value = (long)rowIndex!.Value;
        }

        foreach (var column in layout.Columns)
        {
            _dialect.Bind(upsert.Parameters[i++], column.Kind, RowValues.Read(record, column));
        }

        upsert.Parameters[i++].Value = record.GetRawText();
        if (!layout.IsChild)
        {
            _dialect.Bind(upsert.Parameters[i], ColumnKind.Timestamp, null);
        }
    }

    private DbCommand Command(string sql, params object?[] values)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            AddParameter(command, $"@p{i}", values[i]);
        }

        return command;
    }

    private async Task ExecuteAsync(DbTransaction transaction, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        var command = Command(sql, values);
        await using var commandScope = command.ConfigureAwait(false);
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
