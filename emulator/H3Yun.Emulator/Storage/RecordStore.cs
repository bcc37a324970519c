using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using H3Yun.Emulator.Schemas;
using H3Yun.Emulator.Values;

namespace H3Yun.Emulator.Storage;

/// <summary>
/// Records per SchemaCode in creation order. Every record going in or out is a copy, so callers can never
/// change stored data without holding the lock.
/// </summary>
internal sealed class RecordStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FormTable> _forms = new(StringComparer.Ordinal);

    /// <summary>Stores all records or none, numbering each with the form's next SeqNo.</summary>
    public void AddRange(string schemaCode, IReadOnlyList<JsonObject> records)
    {
        lock (_gate)
        {
            var table = TableFor(schemaCode);
            foreach (var record in records)
            {
                var id = (string)record[SystemFields.ObjectId]!;
                if (table.Records.ContainsKey(id))
                {
                    throw new InvalidOperationException($"Duplicate ObjectId {id}");
                }
            }

            foreach (var record in records)
            {
                table.LastSeqNo++;
                record[SystemFields.SeqNo] = string.Create(CultureInfo.InvariantCulture, $"{ChinaTime.Now.Year:D4}{table.LastSeqNo:D8}");
                table.Records.Add((string)record[SystemFields.ObjectId]!, (JsonObject)record.DeepClone());
            }
        }
    }

    public JsonObject? Find(string schemaCode, string objectId)
    {
        lock (_gate)
        {
            return _forms.TryGetValue(schemaCode, out var table) && table.Records.TryGetValue(objectId, out var record)
                ? (JsonObject)record.DeepClone()
                : null;
        }
    }

    public IReadOnlyList<JsonObject> Snapshot(string schemaCode)
    {
        lock (_gate)
        {
            return _forms.TryGetValue(schemaCode, out var table)
                ? table.Records.Values.Select(record => (JsonObject)record.DeepClone()).ToList()
                : [];
        }
    }

    /// <summary>Applies a change to the stored record; false when there is no such record.</summary>
    public bool TryUpdate(string schemaCode, string objectId, Action<JsonObject> change)
    {
        lock (_gate)
        {
            if (!_forms.TryGetValue(schemaCode, out var table) || !table.Records.TryGetValue(objectId, out var record))
            {
                return false;
            }

            change(record);
            return true;
        }
    }

    public bool Remove(string schemaCode, string objectId)
    {
        lock (_gate)
        {
            return _forms.TryGetValue(schemaCode, out var table) && table.Records.Remove(objectId);
        }
    }

    public int Count(string schemaCode)
    {
        lock (_gate)
        {
            return _forms.TryGetValue(schemaCode, out var table) ? table.Records.Count : 0;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _forms.Clear();
        }
    }

    private FormTable TableFor(string schemaCode)
    {
        if (!_forms.TryGetValue(schemaCode, out var table))
        {
            table = new FormTable();
            _forms.Add(schemaCode, table);
        }

        return table;
    }

    private sealed class FormTable
    {
        public OrderedDictionary<string, JsonObject> Records { get; } = new(StringComparer.Ordinal);

        public int LastSeqNo { get; set; }
    }
}
