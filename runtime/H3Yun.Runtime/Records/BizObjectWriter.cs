using System.ComponentModel;
using System.Text.Json;

namespace H3Yun;

/// <summary>
/// Writes the members of a record's <c>BizObject</c> JSON in H3Yun's write formats (reference §10): numbers as JSON
/// numbers, dates as <c>yyyy-MM-dd HH:mm:ss</c>, booleans as JSON booleans, multi-values as <c>A;B</c>.
/// A <see langword="null"/> value is written as JSON null, which is how a caller clears a field on purpose.
/// Called by generated code; not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class BizObjectWriter
{
    internal BizObjectWriter(Utf8JsonWriter json, RecordWriteMode mode)
    {
        Json = json;
        Mode = mode;
    }

    /// <summary>Which fields this write includes.</summary>
    public RecordWriteMode Mode { get; }

    internal Utf8JsonWriter Json { get; }

    /// <summary>Writes a text value.</summary>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="value">The value.</param>
    public void WriteString(string fieldCode, string? value)
    {
        if (value is null)
        {
            Json.WriteNull(fieldCode);
        }
        else
        {
            Json.WriteString(fieldCode, value);
        }
    }

    /// <summary>Writes a number as a JSON number.</summary>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="value">The value.</param>
    public void WriteDecimal(string fieldCode, decimal? value)
    {
        if (value is { } number)
        {
            Json.WriteNumber(fieldCode, number);
        }
        else
        {
            Json.WriteNull(fieldCode);
        }
    }

    /// <summary>Writes a 32-bit whole number as a JSON number.</summary>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="value">The value.</param>
    public void WriteInt32(string fieldCode, int? value) => WriteInt64(fieldCode, value);

    /// <summary>Writes a 64-bit whole number as a JSON number.</summary>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="value">The value.</param>
    public void WriteInt64(string fieldCode, long? value)
    {
        if (value is { } number)
        {
            Json.WriteNumber(fieldCode, number);
        }
        else
        {
            Json.WriteNull(fieldCode);
        }
    }

    /// <summary>Writes a yes/no value as a JSON boolean.</summary>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="value">The value.</param>
    public void WriteBoolean(string fieldCode, bool? value)
    {
        if (value is { } flag)
        {
            Json.WriteBoolean(fieldCode, flag);
        }
        else
        {
            Json.WriteNull(fieldCode);
        }
    }

    /// <summary>Writes a date as <c>yyyy-MM-dd HH:mm:ss</c>, the clock time as given (no zone shifting).</summary>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="value">The value.</param>
    public void WriteDateTime(string fieldCode, DateTime? value) =>
        WriteString(fieldCode, value is { } date ? WireFormat.FormatDateTime(date) : null);

    /// <summary>Writes several values as one <c>;</c>-joined string, the form H3Yun's official samples use.</summary>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="values">The values.</param>
    public void WriteMultiValue(string fieldCode, IEnumerable<string>? values) =>
        WriteString(fieldCode, values is null ? null : WireFormat.JoinMultiValue(values));

    /// <summary>Writes an association as the associated record's id.</summary>
    /// <typeparam name="TForm">The associated form's generated class.</typeparam>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="value">The reference.</param>
    public void WriteReference<TForm>(string fieldCode, H3Ref<TForm>? value)
        where TForm : H3BizObject => WriteString(fieldCode, value?.ObjectId);

    /// <summary>Writes several associations as one <c>;</c>-joined string of ids.</summary>
    /// <typeparam name="TForm">The associated form's generated class.</typeparam>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="values">The references.</param>
    public void WriteReferences<TForm>(string fieldCode, IEnumerable<H3Ref<TForm>>? values)
        where TForm : H3BizObject => WriteMultiValue(fieldCode, values?.Select(static r => r.ObjectId));

    /// <summary>Writes an address as the JSON string H3Yun stores.</summary>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="value">The address.</param>
    public void WriteAddress(string fieldCode, H3Address? value) =>
        WriteString(fieldCode, value is null ? null : StructuredValues.FormatAddress(value));

    /// <summary>Writes a location as the JSON string H3Yun stores.</summary>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="value">The location.</param>
    public void WriteLocation(string fieldCode, H3Location? value) =>
        WriteString(fieldCode, value is null ? null : StructuredValues.FormatLocation(value));

    /// <summary>Writes a value of a type the generator does not model, exactly as it was read or set.</summary>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="value">The raw JSON value.</param>
    public void WriteRaw(string fieldCode, JsonElement? value)
    {
        Json.WritePropertyName(fieldCode);
        if (value is { } element)
        {
            element.WriteTo(Json);
        }
        else
        {
            Json.WriteNullValue();
        }
    }

    /// <summary>Writes a child table as an array of row objects under the child schema code.</summary>
    /// <typeparam name="TRow">The generated row type.</typeparam>
    /// <param name="childSchemaCode">The child table's schema code.</param>
    /// <param name="rows">The rows; each is written with every field it has a value for.</param>
    public void WriteChildTable<TRow>(string childSchemaCode, IEnumerable<TRow> rows)
        where TRow : H3ChildRow
    {
        ArgumentNullException.ThrowIfNull(rows);
        Json.WriteStartArray(childSchemaCode);
        var rowWriter = Mode == RecordWriteMode.Present ? this : new BizObjectWriter(Json, RecordWriteMode.Present);
        foreach (var row in rows)
        {
            row.WriteTo(rowWriter);
        }

        Json.WriteEndArray();
    }
}
