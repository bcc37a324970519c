using System.ComponentModel;
using System.Text.Json;

namespace H3Yun.CompilerServices;

/// <summary>
/// Reads field values of a record as H3Yun sends them, tolerating every shape docs/protocol.md#value-formats lists.
/// Called by generated code; not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BizValueReader
{
    /// <summary>Reads a text field; numbers and booleans are kept as their JSON text.</summary>
    /// <param name="value">The member's value.</param>
    /// <param name="fieldCode">The field code, for error messages.</param>
    /// <returns>The text, or <see langword="null"/> for JSON null.</returns>
    public static string? ReadString(JsonElement value, string fieldCode) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => Utf8Text.GetString(value),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => throw new BizValueFormatException(fieldCode, "text", WireFormat.Excerpt(value)),
    };

    /// <summary>Reads a number field (数字) sent as a JSON number or a numeric string.</summary>
    /// <param name="value">The member's value.</param>
    /// <param name="fieldCode">The field code, for error messages.</param>
    /// <returns>The number, or <see langword="null"/> when empty.</returns>
    public static decimal? ReadDecimal(JsonElement value, string fieldCode)
    {
        if (WireFormat.IsEmpty(value))
        {
            return null;
        }

        return WireFormat.TryReadDecimal(value, out var number)
            ? number
            : throw new BizValueFormatException(fieldCode, "a number", WireFormat.Excerpt(value));
    }

    /// <summary>Reads a 32-bit integer field sent as a JSON number or a numeric string.</summary>
    /// <param name="value">The member's value.</param>
    /// <param name="fieldCode">The field code, for error messages.</param>
    /// <returns>The number, or <see langword="null"/> when empty.</returns>
    public static int? ReadInt32(JsonElement value, string fieldCode)
    {
        var number = ReadDecimal(value, fieldCode);
        return number is null ? null
            : number == decimal.Truncate(number.Value) && number >= int.MinValue && number <= int.MaxValue ? (int)number.Value
            : throw new BizValueFormatException(fieldCode, "a 32-bit whole number", WireFormat.Excerpt(value));
    }

    /// <summary>Reads a 64-bit integer field sent as a JSON number or a numeric string.</summary>
    /// <param name="value">The member's value.</param>
    /// <param name="fieldCode">The field code, for error messages.</param>
    /// <returns>The number, or <see langword="null"/> when empty.</returns>
    public static long? ReadInt64(JsonElement value, string fieldCode)
    {
        var number = ReadDecimal(value, fieldCode);
        return number is null ? null
            : number == decimal.Truncate(number.Value) && number >= long.MinValue && number <= long.MaxValue ? (long)number.Value
            : throw new BizValueFormatException(fieldCode, "a 64-bit whole number", WireFormat.Excerpt(value));
    }

    /// <summary>Reads a yes/no field sent as <c>true</c>/<c>false</c> or <c>"true"</c>/<c>"false"</c>.</summary>
    /// <param name="value">The member's value.</param>
    /// <param name="fieldCode">The field code, for error messages.</param>
    /// <returns>The value, or <see langword="null"/> when empty.</returns>
    public static bool? ReadBoolean(JsonElement value, string fieldCode)
    {
        if (WireFormat.IsEmpty(value))
        {
            return null;
        }

        return WireFormat.TryReadBoolean(value, out var flag)
            ? flag
            : throw new BizValueFormatException(fieldCode, "true or false", WireFormat.Excerpt(value));
    }

    /// <summary>
    /// Reads a date field in any format H3Yun or its clients use, as a clock time in H3Yun's zone (China time unless
    /// <see cref="H3YunClientOptions.TimeZone"/> says otherwise); a value with an offset is converted to that zone.
    /// </summary>
    /// <param name="value">The member's value.</param>
    /// <param name="fieldCode">The field code, for error messages.</param>
    /// <returns>The date, or <see langword="null"/> when empty.</returns>
    public static DateTime? ReadDateTime(JsonElement value, string fieldCode)
    {
        if (WireFormat.IsEmpty(value))
        {
            return null;
        }

        return WireFormat.TryReadDateTime(value, ReadContext.Zone, out var date)
            ? date
            : throw new BizValueFormatException(fieldCode, "a date such as 2024/5/1 9:30:00", WireFormat.Excerpt(value));
    }

    /// <summary>Reads a date field as the instant it stands for, its clock time taken in H3Yun's zone.</summary>
    /// <param name="value">The member's value.</param>
    /// <param name="fieldCode">The field code, for error messages.</param>
    /// <returns>The instant, with the zone's offset, or <see langword="null"/> when empty.</returns>
    public static DateTimeOffset? ReadDateTimeOffset(JsonElement value, string fieldCode) =>
        ReadDateTime(value, fieldCode) is { } clock ? WireFormat.FromZoneClock(clock, ReadContext.Zone) : null;

    /// <summary>Reads a multi-value field sent as a JSON array or as a <c>;</c>-joined string.</summary>
    /// <param name="value">The member's value.</param>
    /// <param name="fieldCode">The field code, for error messages.</param>
    /// <returns>The values in order, or <see langword="null"/> for JSON null.</returns>
    public static List<string>? ReadMultiValue(JsonElement value, string fieldCode)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            case JsonValueKind.String:
                return [.. value.GetString()!.Split(WireFormat.MultiValueSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            case JsonValueKind.Array:
                var values = new List<string>(value.GetArrayLength());
                foreach (var item in value.EnumerateArray())
                {
                    values.Add(ReadString(item, fieldCode) ?? string.Empty);
                }

                return values;
            default:
                throw new BizValueFormatException(fieldCode, "a list of values", WireFormat.Excerpt(value));
        }
    }

    /// <summary>Reads a person or department given as <c>{"ObjectId", "Name"}</c>, or as a bare id.</summary>
    /// <param name="value">The member's value.</param>
    /// <param name="fieldCode">The field code, for error messages.</param>
    /// <returns>The unit, or <see langword="null"/> when empty.</returns>
    public static H3Unit? ReadUnit(JsonElement value, string fieldCode)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            case JsonValueKind.String:
                var id = Utf8Text.GetString(value);
                return id.Length == 0 ? null : new H3Unit(id, null);
            case JsonValueKind.Object:
                string? objectId = null;
                string? name = null;
                foreach (var member in value.EnumerateObject())
                {
                    if (member.NameEquals("ObjectId"u8))
                    {
                        objectId = ReadString(member.Value, fieldCode);
                    }
                    else if (member.NameEquals("Name"u8))
                    {
                        name = ReadString(member.Value, fieldCode);
                    }
                }

                return string.IsNullOrEmpty(objectId) ? null : new H3Unit(objectId, name);
            default:
                throw new BizValueFormatException(fieldCode, "a person or department", WireFormat.Excerpt(value));
        }
    }

    /// <summary>
    /// Reads a person or department field (人员单选, 部门单选): the text H3Yun sent (an id or a display name) and, when the
    /// value is an object, the unit it describes.
    /// </summary>
    /// <param name="value">The member's value.</param>
    /// <param name="fieldCode">The field code, for error messages.</param>
    /// <param name="unit">The id and name, when the value carried both.</param>
    /// <returns>The id (or display text), or <see langword="null"/> when empty.</returns>
    public static string? ReadUnitValue(JsonElement value, string fieldCode, out H3Unit? unit)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            unit = ReadUnit(value, fieldCode);
            return unit?.ObjectId;
        }

        unit = null;
        return ReadString(value, fieldCode);
    }

    /// <summary>Reads a several-people or several-departments field: its ids, and the units when the value carried objects.</summary>
    /// <param name="value">The member's value.</param>
    /// <param name="fieldCode">The field code, for error messages.</param>
    /// <param name="units">The ids and names, when the value carried objects.</param>
    /// <returns>The ids, or <see langword="null"/> for JSON null.</returns>
    public static List<string>? ReadUnitListValue(JsonElement value, string fieldCode, out List<H3Unit>? units)
    {
        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().Any(static item => item.ValueKind == JsonValueKind.Object))
        {
            units = ReadUnits(value, fieldCode);
            return units?.ConvertAll(static unit => unit.ObjectId);
        }

        units = null;
        return ReadMultiValue(value, fieldCode);
    }

    /// <summary>Reads several people or departments given as <c>[{"ObjectId", "Name"}]</c> or as ids.</summary>
    /// <param name="value">The member's value.</param>
    /// <param name="fieldCode">The field code, for error messages.</param>
    /// <returns>The units, or <see langword="null"/> for JSON null.</returns>
    public static List<H3Unit>? ReadUnits(JsonElement value, string fieldCode)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            var units = new List<H3Unit>(value.GetArrayLength());
            foreach (var item in value.EnumerateArray())
            {
                if (ReadUnit(item, fieldCode) is { } unit)
                {
                    units.Add(unit);
                }
            }

            return units;
        }

        return ReadMultiValue(value, fieldCode)?.ConvertAll(static id => new H3Unit(id, Name: null));
    }

    /// <summary>Reads an association (关联表单): the associated record's id, or <c>{"ObjectId", "Name"}</c>.</summary>
    /// <typeparam name="TForm">The associated form's generated class.</typeparam>
    /// <param name="value">The member's value.</param>
    /// <param name="fieldCode">The field code, for error messages.</param>
    /// <returns>The reference, or <see langword="null"/> when empty.</returns>
    public static H3Ref<TForm>? ReadReference<TForm>(JsonElement value, string fieldCode)
        where TForm : H3BizObject =>
        ReadUnit(value, fieldCode) is { } unit ? new H3Ref<TForm>(unit.ObjectId, unit.Name) : (H3Ref<TForm>?)null;

    /// <summary>Reads a multi-association: an array of ids or objects, or a <c>;</c>-joined string of ids.</summary>
    /// <typeparam name="TForm">The associated form's generated class.</typeparam>
    /// <param name="value">The member's value.</param>
    /// <param name="fieldCode">The field code, for error messages.</param>
    /// <returns>The references, or <see langword="null"/> for JSON null.</returns>
    public static List<H3Ref<TForm>>? ReadReferences<TForm>(JsonElement value, string fieldCode)
        where TForm : H3BizObject =>
        ReadUnits(value, fieldCode)?.ConvertAll(static unit => new H3Ref<TForm>(unit.ObjectId, unit.Name));

    /// <summary>Reads an address (地址), sent as a JSON string holding an object, or as the object.</summary>
    /// <param name="value">The member's value.</param>
    /// <param name="fieldCode">The field code, for error messages.</param>
    /// <returns>The address, or <see langword="null"/> when empty.</returns>
    public static H3Address? ReadAddress(JsonElement value, string fieldCode) => StructuredValues.ReadAddress(value, fieldCode);

    /// <summary>Reads a location (位置), sent as a JSON string holding an object, or as the object.</summary>
    /// <param name="value">The member's value.</param>
    /// <param name="fieldCode">The field code, for error messages.</param>
    /// <returns>The location, or <see langword="null"/> when empty.</returns>
    public static H3Location? ReadLocation(JsonElement value, string fieldCode) => StructuredValues.ReadLocation(value, fieldCode);

    /// <summary>Reads the attachments or images of a field, in whatever shape the read reports them.</summary>
    /// <param name="value">The member's value.</param>
    /// <param name="fieldCode">The field code, for error messages.</param>
    /// <returns>The attachments; empty when none.</returns>
    public static List<H3Attachment> ReadAttachments(JsonElement value, string fieldCode) => StructuredValues.ReadAttachments(value, fieldCode);

    /// <summary>Keeps a value of a type the generator does not model as its raw JSON.</summary>
    /// <param name="value">The member's value.</param>
    /// <returns>A copy of the value that outlives the response, or <see langword="null"/> for JSON null.</returns>
    public static JsonElement? ReadRaw(JsonElement value) =>
        value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : Utf8Text.Kept(value);

    /// <summary>Fills a child table (子表) with the rows H3Yun sent, which do not count as changes.</summary>
    /// <typeparam name="TRow">The generated row type.</typeparam>
    /// <param name="value">The member's value: an array of row objects.</param>
    /// <param name="fieldCode">The child schema code, for error messages.</param>
    /// <param name="table">The table to fill.</param>
    /// <param name="createRow">Creates an empty row.</param>
    public static void ReadChildTable<TRow>(JsonElement value, string fieldCode, H3ChildTable<TRow> table, Func<TRow> createRow)
        where TRow : H3ChildRow
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(createRow);
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            table.Load([]);
            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new BizValueFormatException(fieldCode, "an array of child-table rows", WireFormat.Excerpt(value));
        }

        var rows = new List<TRow>(value.GetArrayLength());
        var names = new MemberNameSequence();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new BizValueFormatException(fieldCode, "child-table rows as objects", WireFormat.Excerpt(item));
            }

            var row = createRow();
            row.ReadFrom(item, names);
            rows.Add(row);
        }

        table.Load(rows);
    }
}
