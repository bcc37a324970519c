using System.ComponentModel;
using System.Text.Json;

namespace H3Yun;

/// <summary>
/// What a form record and a child-table row share: reading from H3Yun's JSON, and remembering which fields the
/// caller assigned so that a write sends those and nothing else.
/// </summary>
/// <remarks>
/// Two sets of flags are kept per field: <em>present</em> (loaded from H3Yun or assigned) and <em>assigned</em>
/// (set by the caller since the last load or successful write). Updates send the assigned fields; a child-table
/// row, which H3Yun replaces as a whole, sends every present field.
/// </remarks>
public abstract class H3Record
{
    private readonly int _systemFieldCount;
    private readonly FieldFlags _present;
    private readonly FieldFlags _assigned;

    private protected H3Record(int systemFieldCount, int fieldCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fieldCount);
        _systemFieldCount = systemFieldCount;
        _present = new FieldFlags(systemFieldCount + fieldCount);
        _assigned = new FieldFlags(systemFieldCount + fieldCount);
    }

    /// <summary>Whether any field was assigned since the record was loaded, created or last written.</summary>
    public virtual bool HasChanges => _assigned.Any;

    /// <summary>Forgets which fields were assigned, as after a successful write. The values stay.</summary>
    public virtual void AcceptChanges() => _assigned.Clear();

    /// <summary>Records that the caller assigned a form field. Called by generated property setters.</summary>
    /// <param name="fieldIndex">The field's position among the form's own fields.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected void OnFieldAssigned(int fieldIndex) => MarkAssigned(_systemFieldCount + fieldIndex);

    /// <summary>Whether a write in <paramref name="writer"/>'s mode includes a form field.</summary>
    /// <param name="writer">The writer about to write the record.</param>
    /// <param name="fieldIndex">The field's position among the form's own fields.</param>
    /// <returns><see langword="true"/> when the field must be written.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected bool ShouldWrite(BizObjectWriter writer, int fieldIndex) =>
        ShouldWriteAt(writer, _systemFieldCount + fieldIndex);

    /// <summary>Whether a write includes a child table: when assigned, or when its rows changed.</summary>
    /// <typeparam name="TRow">The generated row type.</typeparam>
    /// <param name="writer">The writer about to write the record.</param>
    /// <param name="fieldIndex">The table's position among the form's own fields.</param>
    /// <param name="table">The table.</param>
    /// <returns><see langword="true"/> when the table must be written.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected bool ShouldWriteTable<TRow>(BizObjectWriter writer, int fieldIndex, H3ChildTable<TRow> table)
        where TRow : H3ChildRow =>
        ShouldWrite(writer, fieldIndex) || (table ?? throw new ArgumentNullException(nameof(table))).HasChanges;

    /// <summary>Reads one member of the record, as H3Yun sent it. Called by the runtime for every member.</summary>
    /// <param name="fieldCode">The member's name: a field code, or a child schema code.</param>
    /// <param name="value">The member's value.</param>
    /// <returns>The field's position among the form's own fields, or -1 when the member is not one of them.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract int ReadField(string fieldCode, JsonElement value);

    /// <summary>Writes the form's own fields that <see cref="ShouldWrite"/> selects.</summary>
    /// <param name="writer">The writer of the record's JSON object.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract void WriteFields(BizObjectWriter writer);

    private protected void MarkAssigned(int index)
    {
        _assigned.Set(index);
        _present.Set(index);
    }

    private protected bool ShouldWriteAt(BizObjectWriter writer, int index) =>
        writer.Mode == RecordWriteMode.Assigned ? _assigned.IsSet(index) : _present.IsSet(index);

    /// <summary>Reads a system member; returns its tracked index, -1 for an untracked system member, or null when not a system member.</summary>
    private protected abstract int? ReadSystemField(string name, JsonElement value);

    private protected abstract void WriteSystemFields(BizObjectWriter writer);

    internal void ReadFrom(JsonElement record)
    {
        foreach (var member in record.EnumerateObject())
        {
            var index = ReadSystemField(member.Name, member.Value) ?? OffsetFieldIndex(ReadField(member.Name, member.Value));
            if (index >= 0)
            {
                _present.Set(index);
            }
        }
    }

    internal void WriteTo(BizObjectWriter writer)
    {
        writer.Json.WriteStartObject();
        WriteSystemFields(writer);
        WriteFields(writer);
        writer.Json.WriteEndObject();
    }

    private int OffsetFieldIndex(int fieldIndex) => fieldIndex < 0 ? -1 : _systemFieldCount + fieldIndex;

    private sealed class FieldFlags(int count)
    {
        private readonly ulong[] _words = new ulong[(count + 63) / 64];

        public bool Any => Array.Exists(_words, static word => word != 0);

        public void Set(int index) => _words[index >> 6] |= 1UL << (index & 63);

        public bool IsSet(int index) => (_words[index >> 6] & (1UL << (index & 63))) != 0;

        public void Clear() => Array.Clear(_words);
    }
}
