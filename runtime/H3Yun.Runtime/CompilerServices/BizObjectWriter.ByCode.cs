using System.Text.Json;

namespace H3Yun.CompilerServices;

// The same writes by field code, for a user's [H3Form] class, whose generated half passes string literals: each
// finds the code's encoded name, kept after its first write, and writes as the encoded-name overload does.
public sealed partial class BizObjectWriter
{
    /// <summary>Writes a text value.</summary>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="value">The value.</param>
    public void WriteString(string fieldCode, string? value) => WriteString(NameOf(fieldCode), value);

    /// <summary>Writes a number as a JSON number.</summary>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="value">The value.</param>
    public void WriteDecimal(string fieldCode, decimal? value) => WriteDecimal(NameOf(fieldCode), value);

    /// <summary>Writes a 32-bit whole number as a JSON number.</summary>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="value">The value.</param>
    public void WriteInt32(string fieldCode, int? value) => WriteInt64(NameOf(fieldCode), value);

    /// <summary>Writes a 64-bit whole number as a JSON number.</summary>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="value">The value.</param>
    public void WriteInt64(string fieldCode, long? value) => WriteInt64(NameOf(fieldCode), value);

    /// <summary>Writes a yes/no value as a JSON boolean.</summary>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="value">The value.</param>
    public void WriteBoolean(string fieldCode, bool? value) => WriteBoolean(NameOf(fieldCode), value);

    /// <summary>Writes a date as <c>yyyy-MM-dd HH:mm:ss</c> in H3Yun's zone, as <see cref="WriteDateTime(H3FieldName, DateTime?)"/> does.</summary>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="value">The value.</param>
    public void WriteDateTime(string fieldCode, DateTime? value) => WriteDateTime(NameOf(fieldCode), value);

    /// <summary>Writes an instant as <c>yyyy-MM-dd HH:mm:ss</c> in H3Yun's zone.</summary>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="value">The value.</param>
    public void WriteDateTimeOffset(string fieldCode, DateTimeOffset? value) => WriteDateTimeOffset(NameOf(fieldCode), value);

    /// <summary>Writes several values as one <c>;</c>-joined string.</summary>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="values">The values.</param>
    public void WriteMultiValue(string fieldCode, IEnumerable<string>? values) => WriteMultiValue(NameOf(fieldCode), values);

    /// <summary>Writes an association as the associated record's id.</summary>
    /// <typeparam name="TForm">The associated form's generated class.</typeparam>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="value">The reference.</param>
    public void WriteReference<TForm>(string fieldCode, H3Ref<TForm>? value)
        where TForm : H3BizObject => WriteReference(NameOf(fieldCode), value);

    /// <summary>Writes several associations as one <c>;</c>-joined string of ids.</summary>
    /// <typeparam name="TForm">The associated form's generated class.</typeparam>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="values">The references.</param>
    public void WriteReferences<TForm>(string fieldCode, IEnumerable<H3Ref<TForm>>? values)
        where TForm : H3BizObject => WriteReferences(NameOf(fieldCode), values);

    /// <summary>Writes a person, department or association as the id H3Yun stores, as <see cref="WriteUnit(H3FieldName, in UnitValue)"/> does.</summary>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="InvalidOperationException">The id of a value read from H3Yun is unknown.</exception>
    public void WriteUnit(string fieldCode, in UnitValue value) => WriteUnit(NameOf(fieldCode), in value);

    /// <summary>Writes several people, departments or records as the <c>;</c>-joined ids H3Yun stores.</summary>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="InvalidOperationException">The id of a value read from H3Yun is unknown.</exception>
    public void WriteUnits(string fieldCode, in UnitListValue value) => WriteUnits(NameOf(fieldCode), in value);

    /// <summary>Writes an address as the JSON string H3Yun stores.</summary>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="value">The address.</param>
    public void WriteAddress(string fieldCode, H3Address? value) => WriteAddress(NameOf(fieldCode), value);

    /// <summary>Writes a location as the JSON string H3Yun stores.</summary>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="value">The location.</param>
    public void WriteLocation(string fieldCode, H3Location? value) => WriteLocation(NameOf(fieldCode), value);

    /// <summary>Writes a value of a type the generator does not model, exactly as it was read or set.</summary>
    /// <param name="fieldCode">The field code.</param>
    /// <param name="value">The raw JSON value.</param>
    public void WriteRaw(string fieldCode, JsonElement? value) => WriteRaw(NameOf(fieldCode), value);

    /// <summary>Writes a child table as an array of whole rows, as <see cref="WriteChildTable{TRow}(H3FieldName, IEnumerable{TRow})"/> does.</summary>
    /// <typeparam name="TRow">The generated row type.</typeparam>
    /// <param name="childSchemaCode">The child table's schema code.</param>
    /// <param name="rows">The rows.</param>
    /// <exception cref="InvalidOperationException">The table's rows were not loaded, or a row holds a value whose id is unknown.</exception>
    public void WriteChildTable<TRow>(string childSchemaCode, IEnumerable<TRow> rows)
        where TRow : H3ChildRow => WriteChildTable(NameOf(childSchemaCode), rows);

    private static H3FieldName NameOf(string fieldCode)
    {
        ArgumentNullException.ThrowIfNull(fieldCode);
        return EncodedFieldNames.Of(fieldCode);
    }
}
