using System.ComponentModel;
using System.Text.Json;

namespace H3Yun.CompilerServices;

/// <summary>
/// Writes the members of a record's <c>BizObject</c> JSON in H3Yun's write formats (docs/protocol.md#value-formats): numbers as JSON
/// numbers, dates as <c>yyyy-MM-dd HH:mm:ss</c>, booleans as JSON booleans, multi-values as <c>A;B</c>.
/// A <see langword="null"/> value is written as JSON null, which is how a caller clears a field on purpose.
/// Called by generated code; not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed partial class BizObjectWriter
{
    internal BizObjectWriter(RecordJsonWriter json, RecordWriteMode mode, TimeZoneInfo zone, WritePurpose purpose = WritePurpose.Update, WriteCapture? capture = null)
    {
        Json = json;
        Mode = mode;
        Zone = zone;
        Purpose = purpose;
        Capture = capture;
    }

    /// <summary>Which fields this write includes.</summary>
    public RecordWriteMode Mode { get; }

    internal RecordJsonWriter Json { get; }

    /// <summary>H3Yun's time zone, into which dates are converted.</summary>
    internal TimeZoneInfo Zone { get; }

    /// <summary>Whether the record is being created or updated.</summary>
    internal WritePurpose Purpose { get; }

    /// <summary>Collects what this write sends, so that a success forgets exactly that; null when nothing is kept.</summary>
    internal WriteCapture? Capture { get; }

    /// <summary>The id of the record being written, when it has one: rows that belong to it keep their ids.</summary>
    internal string? RecordObjectId { get; init; }

    /// <summary>The row being written, for errors that must name it: its table's code and its position.</summary>
    internal (string ChildSchemaCode, int Index)? CurrentRow { get; private set; }

    // Set by H3Record.ShouldWriteTable for the WriteChildTable call that follows it.
    internal bool NextTableIsPartial { get; set; }

    internal bool NextTableWasRead { get; set; }

    /// <summary>Writes a text value.</summary>
    /// <param name="name">The field's encoded name.</param>
    /// <param name="value">The value.</param>
    public void WriteString(H3FieldName name, string? value)
    {
        if (value is null)
        {
            WriteNull(name);
        }
        else
        {
            Json.StringMember(NameAndColon(name), value);
        }
    }

    /// <summary>Writes a number as a JSON number.</summary>
    /// <param name="name">The field's encoded name.</param>
    /// <param name="value">The value.</param>
    public void WriteDecimal(H3FieldName name, decimal? value)
    {
        if (value is not { } number)
        {
            WriteNull(name);
        }
        else
        {
            Json.NumberMember(NameAndColon(name), number);
        }
    }

    /// <summary>Writes a 32-bit whole number as a JSON number.</summary>
    /// <param name="name">The field's encoded name.</param>
    /// <param name="value">The value.</param>
    public void WriteInt32(H3FieldName name, int? value) => WriteInt64(name, value);

    /// <summary>Writes a 64-bit whole number as a JSON number.</summary>
    /// <param name="name">The field's encoded name.</param>
    /// <param name="value">The value.</param>
    public void WriteInt64(H3FieldName name, long? value)
    {
        if (value is not { } number)
        {
            WriteNull(name);
        }
        else
        {
            Json.NumberMember(NameAndColon(name), number);
        }
    }

    /// <summary>Writes a yes/no value as a JSON boolean.</summary>
    /// <param name="name">The field's encoded name.</param>
    /// <param name="value">The value.</param>
    public void WriteBoolean(H3FieldName name, bool? value)
    {
        if (value is not { } flag)
        {
            WriteNull(name);
        }
        else
        {
            Json.LiteralMember(NameAndColon(name), flag ? "true"u8 : "false"u8);
        }
    }

    /// <summary>
    /// Writes a date as <c>yyyy-MM-dd HH:mm:ss</c> in H3Yun's zone: a UTC or local time is converted, an unspecified
    /// time is taken as already in H3Yun's zone.
    /// </summary>
    /// <param name="name">The field's encoded name.</param>
    /// <param name="value">The value.</param>
    public void WriteDateTime(H3FieldName name, DateTime? value)
    {
        if (value is not { } date)
        {
            WriteNull(name);
            return;
        }

        Json.DateMember(NameAndColon(name), date, Zone);
    }

    /// <summary>Writes an instant as <c>yyyy-MM-dd HH:mm:ss</c> in H3Yun's zone.</summary>
    /// <param name="name">The field's encoded name.</param>
    /// <param name="value">The value.</param>
    public void WriteDateTimeOffset(H3FieldName name, DateTimeOffset? value) =>
        WriteString(name, value is { } instant ? WireFormat.FormatDateTime(instant, Zone) : null);

    /// <summary>Writes several values as one <c>;</c>-joined string, the form H3Yun's official samples use.</summary>
    /// <param name="name">The field's encoded name.</param>
    /// <param name="values">The values.</param>
    public void WriteMultiValue(H3FieldName name, IEnumerable<string>? values) =>
        WriteString(name, values is null ? null : WireFormat.JoinMultiValue(values));

    /// <summary>Writes an association as the associated record's id.</summary>
    /// <typeparam name="TForm">The associated form's generated class.</typeparam>
    /// <param name="name">The field's encoded name.</param>
    /// <param name="value">The reference.</param>
    public void WriteReference<TForm>(H3FieldName name, H3Ref<TForm>? value)
        where TForm : H3BizObject => WriteString(name, value?.ObjectId);

    /// <summary>Writes several associations as one <c>;</c>-joined string of ids.</summary>
    /// <typeparam name="TForm">The associated form's generated class.</typeparam>
    /// <param name="name">The field's encoded name.</param>
    /// <param name="values">The references.</param>
    public void WriteReferences<TForm>(H3FieldName name, IEnumerable<H3Ref<TForm>>? values)
        where TForm : H3BizObject => WriteMultiValue(name, values?.Select(static r => r.ObjectId));

    /// <summary>
    /// Writes a person, department or association as the id H3Yun stores. When a whole row is written again, a value
    /// H3Yun answered with a display name and no id is refused rather than written back as a name.
    /// </summary>
    /// <param name="name">The field's encoded name.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="InvalidOperationException">The id of a value read from H3Yun is unknown.</exception>
    public void WriteUnit(H3FieldName name, in UnitValue value)
    {
        if (!value.TryGetStoredId(out var id))
        {
            throw UnknownId(name.Code, id);
        }

        WriteString(name, id);
    }

    /// <summary>Writes several people, departments or records as the <c>;</c>-joined ids H3Yun stores.</summary>
    /// <param name="name">The field's encoded name.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="InvalidOperationException">The id of a value read from H3Yun is unknown.</exception>
    public void WriteUnits(H3FieldName name, in UnitListValue value)
    {
        if (!value.TryGetStoredIds(out var ids))
        {
            throw UnknownId(name.Code, ids is null ? null : WireFormat.JoinMultiValue(ids));
        }

        WriteMultiValue(name, ids);
    }

    /// <summary>Writes an address as the JSON string H3Yun stores.</summary>
    /// <param name="name">The field's encoded name.</param>
    /// <param name="value">The address.</param>
    public void WriteAddress(H3FieldName name, H3Address? value) =>
        WriteString(name, value is null ? null : StructuredValues.FormatAddress(value));

    /// <summary>Writes a location as the JSON string H3Yun stores.</summary>
    /// <param name="name">The field's encoded name.</param>
    /// <param name="value">The location.</param>
    public void WriteLocation(H3FieldName name, H3Location? value) =>
        WriteString(name, value is null ? null : StructuredValues.FormatLocation(value));

    /// <summary>Writes a value of a type the generator does not model, exactly as it was read or set.</summary>
    /// <param name="name">The field's encoded name.</param>
    /// <param name="value">The raw JSON value.</param>
    public void WriteRaw(H3FieldName name, JsonElement? value)
    {
        WriteName(name);
        if (value is { } element)
        {
            Json.RawValue(element);
        }
        else
        {
            Json.NullValue();
        }
    }

    private void WriteNull(H3FieldName name) => Json.LiteralMember(NameAndColon(name), "null"u8);

    private void WriteName(H3FieldName name) => Json.Name(NameAndColon(name));

    private static byte[] NameAndColon(H3FieldName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.NameAndColon;
    }

    private InvalidOperationException UnknownId(string fieldCode, string? text) => new(
        (CurrentRow is { } row ? $"Row {row.Index} of child table '{row.ChildSchemaCode}'" : "The record")
        + $": field '{fieldCode}' holds '{text}', which H3Yun answered without an id (no {fieldCode}Object companion, no {{ObjectId, Name}} value), "
        + "so writing the row again could store a display name instead of the id. Nothing was sent. Assign the field an id "
        + "(for example row.Handler = userId), or load the record so that H3Yun sends the ids.");

    /// <summary>
    /// Writes a child table as an array of row objects under the child schema code. Every row is written whole: its
    /// id (when it belongs to the record being updated), every field it has a value for, and the members H3Yun sent
    /// that the schema does not list, so the table is the same whether H3Yun replaces the table or merges by row id.
    /// </summary>
    /// <typeparam name="TRow">The generated row type.</typeparam>
    /// <param name="name">The child table's schema code, encoded.</param>
    /// <param name="rows">The rows.</param>
    /// <exception cref="InvalidOperationException">The table's rows were not loaded, or a row holds a value whose id is unknown.</exception>
    public void WriteChildTable<TRow>(H3FieldName name, IEnumerable<TRow> rows)
        where TRow : H3ChildRow
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (NextTableIsPartial)
        {
            NextTableIsPartial = false;
            throw PartialTables.NotLoaded(name.Code, NextTableWasRead);
        }

        WriteName(name);
        Json.StartArray();
        var rowWriter = new BizObjectWriter(Json, RecordWriteMode.Present, Zone, Purpose, Capture) { RecordObjectId = RecordObjectId };
        var index = 0;
        foreach (var row in rows)
        {
            rowWriter.CurrentRow = (name.Code, index++);
            row.WriteTo(rowWriter);
        }

        Json.EndArray();
    }
}
