using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Threading;
using H3Yun.Emulator.Querying;
using H3Yun.Emulator.Schemas;
using H3Yun.Emulator.Values;
using Microsoft.Data.Sqlite;

namespace H3Yun.Emulator.Storage;

/// <summary>
/// Records per SchemaCode in creation order, and attachments, in SQLite: a file that survives restarts, or memory.
/// Each record is one JSON document, so a schema change (a field added or removed) never needs a migration and never
/// loses stored values. One connection behind one lock: the emulator serves one request at a time per store, which
/// keeps every change atomic. Every record going in or out is a copy.
/// </summary>
internal sealed partial class RecordStore : IDisposable
{
    /// <summary>The layout version written to <c>meta</c>; a newer file is refused rather than misread.</summary>
    private const int FormatVersion = 1;

    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;

    // Each form's records as parsed by the last query, in creation order, with their date indexes, dropped by any
    // transaction (every write is one), so that a query does not parse every document again. Never handed out:
    // queries copy what they return.
    private readonly Dictionary<string, ParsedForm> _parsed = new(StringComparer.Ordinal);

    private RecordStore(SqliteConnection connection, string? path)
    {
        _connection = connection;
        Path = path;
    }

    /// <summary>The data file, or null for an in-memory store.</summary>
    public string? Path { get; }

    /// <summary>Opens (creating if needed) the data file at <paramref name="path"/>, or an in-memory store when null.</summary>
    /// <exception cref="InvalidDataException">The file cannot be opened or is not an emulator data file.</exception>
    public static RecordStore Open(string? path)
    {
        string connectionString;
        if (path is null)
        {
            connectionString = "Data Source=:memory:";
        }
        else
        {
            path = System.IO.Path.GetFullPath(path);
            if (System.IO.Path.GetDirectoryName(path) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }

            connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            var store = new RecordStore(connection, path);
            store.CreateSchema();
            return store;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new InvalidDataException($"Cannot use '{path}' as the emulator's data file (SQLite): {ex.Message}. Pass another --data path, or delete the file to start empty.", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Stores all records or none, in order, numbering each without a SeqNo with the form's next one when asked to.</summary>
    public void AddRange(string schemaCode, IReadOnlyList<JsonObject> records, bool numberRecords = true)
    {
        lock (_gate)
        {
            using var transaction = Begin();
            foreach (var record in records)
            {
                var id = (string)record[SystemFieldCodes.ObjectId]!;
                if (Exists(schemaCode, id))
                {
                    throw new InvalidOperationException($"Duplicate ObjectId {id}");
                }
            }

            var lastSeqNo = LastSeqNo(schemaCode);
            foreach (var record in records)
            {
                var stored = (JsonObject)record.DeepClone();
                if (numberRecords && stored[SystemFieldCodes.SeqNo] is null)
                {
                    lastSeqNo++;
                    stored[SystemFieldCodes.SeqNo] = string.Create(CultureInfo.InvariantCulture, $"{ChinaTime.Now.Year:D4}{lastSeqNo:D8}");
                    record[SystemFieldCodes.SeqNo] = stored[SystemFieldCodes.SeqNo]!.DeepClone();
                }

                Execute(
                    "INSERT INTO records (schema_code, object_id, position, document) VALUES ($schema, $id, (SELECT COALESCE(MAX(position), 0) + 1 FROM records), $document)",
                    ("$schema", schemaCode),
                    ("$id", (string)stored[SystemFieldCodes.ObjectId]!),
                    ("$document", stored.ToJsonString()));
            }

            SetLastSeqNo(schemaCode, lastSeqNo);
            transaction.Commit();
        }
    }

    /// <summary>Inserts or replaces records as given (seed import): a replaced record keeps its place in the order.</summary>
    public void Upsert(string schemaCode, IReadOnlyList<JsonObject> records)
    {
        lock (_gate)
        {
            using var transaction = Begin();
            var lastSeqNo = LastSeqNo(schemaCode);
            foreach (var source in records)
            {
                var record = source;
                if (record[SystemFieldCodes.SeqNo] is null)
                {
                    record = (JsonObject)source.DeepClone();
                    lastSeqNo++;
                    record[SystemFieldCodes.SeqNo] = string.Create(CultureInfo.InvariantCulture, $"{ChinaTime.Now.Year:D4}{lastSeqNo:D8}");
                }

                Execute(
                    """
                    INSERT INTO records (schema_code, object_id, position, document)
                    VALUES ($schema, $id, (SELECT COALESCE(MAX(position), 0) + 1 FROM records), $document)
                    ON CONFLICT (schema_code, object_id) DO UPDATE SET document = excluded.document
                    """,
                    ("$schema", schemaCode),
                    ("$id", (string)record[SystemFieldCodes.ObjectId]!),
                    ("$document", record.ToJsonString()));

                // A seeded SeqNo of the usual yyyy + 8 digits moves the counter past it, so new records never repeat one.
                if ((string?)record[SystemFieldCodes.SeqNo] is { Length: 12 } seqNo
                    && int.TryParse(seqNo.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    lastSeqNo = Math.Max(lastSeqNo, number);
                }
            }

            SetLastSeqNo(schemaCode, lastSeqNo);
            transaction.Commit();
        }
    }

    public JsonObject? Find(string schemaCode, string objectId)
    {
        lock (_gate)
        {
            return FindUnlocked(schemaCode, objectId);
        }
    }

    public IReadOnlyList<JsonObject> Snapshot(string schemaCode)
    {
        lock (_gate)
        {
            return Query("SELECT document FROM records WHERE schema_code = $schema ORDER BY position", ("$schema", schemaCode));
        }
    }

    /// <summary>
    /// How many of the form's records a matcher accepts, and a copy of those at <paramref name="skip"/> to
    /// <paramref name="skip"/> + <paramref name="take"/> in creation order (or in <paramref name="sort"/>'s order,
    /// stable). The documents are parsed once and kept until the next write, so a query over many records does not read
    /// their JSON again; a matcher that bounds <c>ModifiedTime</c> or <c>CreatedTime</c> (<paramref name="range"/>)
    /// finds its records in a sorted index, and only the page's records are copied. The predicates must only read the
    /// record they are given.
    /// </summary>
    /// <param name="schemaCode">The form.</param>
    /// <param name="range">The matcher's bounds on a date field, or null to try every record.</param>
    /// <param name="matches">The whole matcher.</param>
    /// <param name="residual">The matcher without the range's items, or null when the range is all of it (records in the range then match without a test).</param>
    /// <param name="sort">The order, or null for creation order.</param>
    /// <param name="skip">Records to skip.</param>
    /// <param name="take">Records to return at most.</param>
    /// <returns>The count of matching records and the page.</returns>
    public (int Count, List<JsonObject> Page) Query(
        string schemaCode,
        TimeRange? range,
        Func<JsonObject, bool> matches,
        Func<JsonObject, bool>? residual,
        IComparer<JsonObject>? sort,
        int skip,
        int take)
    {
        lock (_gate)
        {
            if (!_parsed.TryGetValue(schemaCode, out var form))
            {
                form = new ParsedForm(Query("SELECT document FROM records WHERE schema_code = $schema ORDER BY position", ("$schema", schemaCode)));
                if (_transaction is null)
                {
                    _parsed[schemaCode] = form;
                }
            }

            var records = form.Records;
            if (range is not null && residual is null && sort is null && form.IndexOf(range.Field) is { Unindexed.Count: 0 } whole)
            {
                // The range is the whole matcher and every record is indexed: the count is the range's length, and the
                // page its smallest positions, without a list as long as the range (a copy's first windows hold the form).
                var inRange = whole.Within(range);
                return (inRange.Length, Copies(records, Smallest(inRange, skip + take).Skip(skip)));
            }

            var matched = new List<int>();
            if (range is null)
            {
                for (var i = 0; i < records.Count; i++)
                {
                    if (matches(records[i]))
                    {
                        matched.Add(i);
                    }
                }
            }
            else
            {
                var index = form.IndexOf(range.Field);
                foreach (var position in index.Within(range))
                {
                    if (residual is null || residual(records[position]))
                    {
                        matched.Add(position);
                    }
                }

                foreach (var position in index.Unindexed)
                {
                    if (matches(records[position]))
                    {
                        matched.Add(position);
                    }
                }
            }

            IEnumerable<int> page;
            if (sort is null)
            {
                page = Smallest(CollectionsMarshal.AsSpan(matched), skip + take).Skip(skip);
            }
            else
            {
                matched.Sort();
                page = matched.Order(Comparer<int>.Create((x, y) => sort.Compare(records[x], records[y]))).Skip(skip).Take(take);
            }

            return (matched.Count, Copies(records, page));
        }
    }

    private static List<JsonObject> Copies(List<JsonObject> records, IEnumerable<int> positions)
    {
        var result = new List<JsonObject>();
        foreach (var position in positions)
        {
            result.Add((JsonObject)records[position].DeepClone());
        }

        return result;
    }

    /// <summary>The <paramref name="count"/> smallest positions, ascending, without sorting them all (a window may match 100,000).</summary>
    private static List<int> Smallest(ReadOnlySpan<int> positions, int count)
    {
        var heap = new PriorityQueue<int, int>(Comparer<int>.Create((x, y) => y.CompareTo(x)));
        foreach (var position in positions)
        {
            if (heap.Count < count)
            {
                heap.Enqueue(position, position);
            }
            else if (count > 0 && position < heap.Peek())
            {
                heap.DequeueEnqueue(position, position);
            }
        }

        var smallest = new List<int>(heap.Count);
        while (heap.TryDequeue(out var position, out _))
        {
            smallest.Add(position);
        }

        smallest.Reverse();
        return smallest;
    }

    /// <summary>A form's parsed records in creation order, with a sorted index per date field built when first queried.</summary>
    private sealed class ParsedForm(List<JsonObject> records)
    {
        private readonly Dictionary<string, TimeIndex> _indexes = new(StringComparer.Ordinal);

        public List<JsonObject> Records { get; } = records;

        public TimeIndex IndexOf(string field)
        {
            if (!_indexes.TryGetValue(field, out var index))
            {
                index = TimeIndex.Build(Records, field);
                _indexes[field] = index;
            }

            return index;
        }
    }

    /// <summary>
    /// The child row with this ObjectId in a child table of that code, and the SchemaCode of its record; the
    /// search is limited to one form when <paramref name="parentSchemaCode"/> is given.
    /// </summary>
    public (string ParentSchemaCode, JsonObject Row)? FindChildRow(string? parentSchemaCode, string childSchemaCode, string rowId)
    {
        lock (_gate)
        {
            using var command = Command(
                "SELECT schema_code, document FROM records WHERE ($schema IS NULL OR schema_code = $schema) AND instr(lower(document), lower($id)) > 0 ORDER BY position",
                ("$schema", (object?)parentSchemaCode ?? DBNull.Value),
                ("$id", rowId));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (JsonNode.Parse(reader.GetString(1)) is JsonObject record && record[childSchemaCode] is JsonArray rows)
                {
                    foreach (var node in rows)
                    {
                        if (node is JsonObject row && string.Equals((string?)row[SystemFieldCodes.ObjectId], rowId, StringComparison.OrdinalIgnoreCase))
                        {
                            return (reader.GetString(0), row);
                        }
                    }
                }
            }

            return null;
        }
    }

    /// <summary>One page of a form's records in creation order, for the web page.</summary>
    public IReadOnlyList<JsonObject> Page(string schemaCode, int skip, int take)
    {
        lock (_gate)
        {
            return Query(
                "SELECT document FROM records WHERE schema_code = $schema ORDER BY position LIMIT $take OFFSET $skip",
                ("$schema", schemaCode),
                ("$take", take),
                ("$skip", skip));
        }
    }

    /// <summary>Applies a change to the stored record; false when there is no such record.</summary>
    public bool TryUpdate(string schemaCode, string objectId, Action<JsonObject> change)
    {
        lock (_gate)
        {
            using var transaction = Begin();
            if (FindUnlocked(schemaCode, objectId) is not { } record)
            {
                return false;
            }

            change(record);
            Execute(
                "UPDATE records SET document = $document WHERE schema_code = $schema AND object_id = $id",
                ("$document", record.ToJsonString()),
                ("$schema", schemaCode),
                ("$id", objectId));
            transaction.Commit();
            return true;
        }
    }

    /// <summary>Removes a record and its attachments; false when there is no such record.</summary>
    public bool Remove(string schemaCode, string objectId)
    {
        lock (_gate)
        {
            using var transaction = Begin();
            if (FindUnlocked(schemaCode, objectId) is not { } record)
            {
                return false;
            }

            Execute("DELETE FROM records WHERE schema_code = $schema AND object_id = $id", ("$schema", schemaCode), ("$id", objectId));
            Execute("DELETE FROM attachments WHERE schema_code = $schema AND biz_object_id = $id", ("$schema", schemaCode), ("$id", objectId));
            foreach (var rowId in ChildRowIds(record))
            {
                Execute("DELETE FROM attachments WHERE schema_code = $schema AND biz_object_id = $id", ("$schema", schemaCode), ("$id", rowId));
            }

            transaction.Commit();
            return true;
        }
    }

    public int Count(string schemaCode)
    {
        lock (_gate)
        {
            return Scalar("SELECT COUNT(*) FROM records WHERE schema_code = $schema", ("$schema", schemaCode));
        }
    }

    /// <summary>Every SchemaCode with stored records, and how many, in code order.</summary>
    public IReadOnlyList<(string SchemaCode, int Count)> Forms()
    {
        lock (_gate)
        {
            using var command = Command("SELECT schema_code, COUNT(*) FROM records GROUP BY schema_code ORDER BY schema_code");
            using var reader = command.ExecuteReader();
            var forms = new List<(string, int)>();
            while (reader.Read())
            {
                forms.Add((reader.GetString(0), reader.GetInt32(1)));
            }

            return forms;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            using var transaction = Begin();
            Execute("DELETE FROM records");
            Execute("DELETE FROM sequences");
            Execute("DELETE FROM attachments");
            transaction.Commit();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }

    private static IEnumerable<string> ChildRowIds(JsonObject record)
    {
        foreach (var (_, value) in record)
        {
            if (value is JsonArray rows)
            {
                foreach (var row in rows)
                {
                    if (row is JsonObject { } child && child[SystemFieldCodes.ParentObjectId] is not null && (string?)child[SystemFieldCodes.ObjectId] is { } id)
                    {
                        yield return id;
                    }
                }
            }
        }
    }

    private void CreateSchema()
    {
        if (Path is not null)
        {
            // WAL lets `export` read the file while a running emulator writes to it.
            Execute("PRAGMA journal_mode = WAL");
            Execute("PRAGMA synchronous = NORMAL");
        }

        Execute("PRAGMA busy_timeout = 5000");
        using var transaction = Begin();
        Execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        var version = QueryText("SELECT value FROM meta WHERE key = 'format'");
        if (version is not null && (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > FormatVersion))
        {
            throw new InvalidDataException($"The data file '{Path}' was written by a newer emulator (format {version}; this one reads format {FormatVersion}). Use a newer emulator or another --data file.");
        }

        Execute("""
            CREATE TABLE IF NOT EXISTS records (
                schema_code TEXT NOT NULL,
                object_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                document TEXT NOT NULL,
                PRIMARY KEY (schema_code, object_id))
            """);
        Execute("CREATE INDEX IF NOT EXISTS records_by_position ON records (schema_code, position)");
        Execute("CREATE TABLE IF NOT EXISTS sequences (schema_code TEXT PRIMARY KEY, last_seq_no INTEGER NOT NULL)");
        CreateAttachmentSchema();
        Execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('format', $version)", ("$version", FormatVersion.ToString(CultureInfo.InvariantCulture)));
        transaction.Commit();
    }

    private TransactionScope Begin()
    {
        _parsed.Clear();
        _transaction = _connection.BeginTransaction();
        return new TransactionScope(this);
    }

    private bool Exists(string schemaCode, string objectId) =>
        Scalar("SELECT COUNT(*) FROM records WHERE schema_code = $schema AND object_id = $id", ("$schema", schemaCode), ("$id", objectId)) > 0;

    private JsonObject? FindUnlocked(string schemaCode, string objectId)
    {
        var found = Query("SELECT document FROM records WHERE schema_code = $schema AND object_id = $id", ("$schema", schemaCode), ("$id", objectId));
        return found.Count == 0 ? null : found[0];
    }

    private int LastSeqNo(string schemaCode) =>
        Scalar("SELECT COALESCE(MAX(last_seq_no), 0) FROM sequences WHERE schema_code = $schema", ("$schema", schemaCode));

    private void SetLastSeqNo(string schemaCode, int lastSeqNo) => Execute(
        "INSERT INTO sequences (schema_code, last_seq_no) VALUES ($schema, $last) ON CONFLICT (schema_code) DO UPDATE SET last_seq_no = excluded.last_seq_no",
        ("$schema", schemaCode),
        ("$last", lastSeqNo));

    private List<JsonObject> Query(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var records = new List<JsonObject>();
        while (reader.Read())
        {
            records.Add(JsonNode.Parse(reader.GetString(0))!.AsObject());
        }

        return records;
    }

    private string? QueryText(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar() as string;
    }

    private int Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    /// <summary>Microsoft.Data.Sqlite wants each command told its transaction; this keeps the current one in one field.</summary>
    private readonly struct TransactionScope(RecordStore store) : IDisposable
    {
        public void Commit() => store._transaction!.Commit();

        public void Dispose()
        {
            store._transaction?.Dispose();
            store._transaction = null;
            store._parsed.Clear();
        }
    }
}
