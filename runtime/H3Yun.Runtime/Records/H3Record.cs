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
/// row, which H3Yun may replace as a whole, sends every present field. A write forgets only the assignments it sent,
/// so a field assigned while the write was on its way is sent by the next one.
/// </remarks>
public abstract class H3Record
{
    private const string NestedDataMember = "Data";

    private readonly int _systemFieldCount;
    private readonly FieldFlags _present;
    private readonly FieldFlags _assigned;

    // Fields assigned since the last write captured this record; what that write sent minus these may be forgotten.
    private readonly FieldFlags _assignedSinceCapture;

    private protected H3Record(int systemFieldCount, int fieldCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fieldCount);
        _systemFieldCount = systemFieldCount;
        _present = new FieldFlags(systemFieldCount + fieldCount);
        _assigned = new FieldFlags(systemFieldCount + fieldCount);
        _assignedSinceCapture = new FieldFlags(systemFieldCount + fieldCount);
    }

    /// <summary>Whether any field was assigned since the record was loaded, created or last written.</summary>
    public virtual bool HasChanges => _assigned.Any;

    /// <summary>Whether the record came from H3Yun (a load or a query), so that its fields are known to be what H3Yun holds.</summary>
    internal bool WasRead { get; private set; }

    /// <summary>Whether this client created the record, so that every child table holds exactly the rows it was created with.</summary>
    internal bool WasCreatedHere { get; private protected set; }

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

    /// <summary>
    /// Whether a write includes a child table: when assigned, or when its rows changed. An update refuses, before
    /// anything is sent, to send a changed table whose rows were not loaded, because H3Yun may replace the whole
    /// table with the rows sent.
    /// </summary>
    /// <typeparam name="TRow">The generated row type.</typeparam>
    /// <param name="writer">The writer about to write the record.</param>
    /// <param name="fieldIndex">The table's position among the form's own fields.</param>
    /// <param name="table">The table.</param>
    /// <returns><see langword="true"/> when the table must be written.</returns>
    /// <exception cref="InvalidOperationException">An update would send a table whose rows were not loaded.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected bool ShouldWriteTable<TRow>(BizObjectWriter writer, int fieldIndex, H3ChildTable<TRow> table)
        where TRow : H3ChildRow
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(table);
        if (!ShouldWrite(writer, fieldIndex) && !table.HasChanges)
        {
            return false;
        }

        // The table's code is known only to the WriteChildTable call that follows, which refuses a partial table.
        writer.NextTableIsPartial = writer.Purpose == WritePurpose.Update
            && !_present.IsSet(_systemFieldCount + fieldIndex) && !table.IsDeclaredWhole && !WasCreatedHere;
        writer.NextTableWasRead = WasRead;
        writer.Capture?.Add(table.Capture());
        return true;
    }

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
        _assignedSinceCapture.Set(index);
    }

    private protected bool ShouldWriteAt(BizObjectWriter writer, int index) =>
        writer.Mode == RecordWriteMode.Assigned ? _assigned.IsSet(index) : _present.IsSet(index);

    /// <summary>Reads a system member; returns its tracked index, -1 for an untracked system member, or null when not a system member.</summary>
    private protected abstract int? ReadSystemField(string name, JsonElement value);

    private protected abstract void WriteSystemFields(BizObjectWriter writer);

    /// <summary>A member that is neither a system field nor one of the record's fields; rows keep them.</summary>
    private protected virtual void ReadUnknownMember(string name, JsonElement value)
    {
    }

    /// <summary>Writes what <see cref="ReadUnknownMember"/> kept, after the record's own fields.</summary>
    private protected virtual void WriteUnknownMembers(BizObjectWriter writer)
    {
    }

    /// <summary>Reads the record's members; <paramref name="names"/> knows the names of the records read before it from the same array.</summary>
    internal void ReadFrom(JsonElement record, MemberNameSequence? names = null)
    {
        WasRead = true;
        JsonElement nested = default;
        var position = 0;
        foreach (var member in record.EnumerateObject())
        {
            var name = names is null ? MemberNames.Of(member) : names.Of(position++, member);
            if (!ReadMember(name, member.Value))
            {
                if (name == NestedDataMember && member.Value.ValueKind == JsonValueKind.Object && this is H3BizObject)
                {
                    nested = member.Value;
                }
                else
                {
                    ReadUnknownMember(name, member.Value);
                }
            }
        }

        // Some reads put the fields under "Data" (docs/protocol.md#data-member-on-reads); clients merge it, the top level winning.
        if (nested.ValueKind == JsonValueKind.Object)
        {
            var topLevel = record.EnumerateObject().Select(MemberNames.Of).ToHashSet(StringComparer.Ordinal);
            foreach (var member in nested.EnumerateObject())
            {
                var name = MemberNames.Of(member);
                if (!topLevel.Contains(name))
                {
                    ReadMember(name, member.Value);
                }
            }
        }
    }

    private bool ReadMember(string name, JsonElement value)
    {
        var index = ReadSystemField(name, value);
        if (index is null)
        {
            var fieldIndex = ReadField(name, value);
            if (fieldIndex < 0)
            {
                return false;
            }

            index = _systemFieldCount + fieldIndex;
        }

        if (index >= 0)
        {
            _present.Set(index.Value);
        }

        return true;
    }

    internal void WriteTo(BizObjectWriter writer)
    {
        if (writer.Capture is { } capture)
        {
            capture.Add(CaptureAssigned());
        }

        writer.Json.StartObject();
        WriteSystemFields(writer);
        WriteFields(writer);
        WriteUnknownMembers(writer);
        writer.Json.EndObject();
    }

    // What this write sends; accepting it later forgets those assignments unless they were made again meanwhile.
    private Action CaptureAssigned()
    {
        var sent = _assigned.Copy();
        _assignedSinceCapture.Clear();
        return () => _assigned.ClearWhere(sent, except: _assignedSinceCapture);
    }

    private sealed class FieldFlags
    {
        private readonly ulong[] _words;

        public FieldFlags(int count) => _words = new ulong[(count + 63) / 64];

        private FieldFlags(ulong[] words) => _words = words;

        public bool Any => Array.Exists(_words, static word => word != 0);

        public void Set(int index) => _words[index >> 6] |= 1UL << (index & 63);

        public bool IsSet(int index) => (_words[index >> 6] & (1UL << (index & 63))) != 0;

        public void Clear() => Array.Clear(_words);

        public FieldFlags Copy() => new((ulong[])_words.Clone());

        /// <summary>Clears the flags set in <paramref name="flags"/> but not in <paramref name="except"/>.</summary>
        public void ClearWhere(FieldFlags flags, FieldFlags except)
        {
            for (var i = 0; i < _words.Length; i++)
            {
                _words[i] &= ~(flags._words[i] & ~except._words[i]);
            }
        }
    }
}
