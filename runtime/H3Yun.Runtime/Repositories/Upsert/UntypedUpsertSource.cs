using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace H3Yun;

/// <summary>
/// The items of a form without generated code: field code → value, written by the runtime's writers per
/// <see cref="H3FieldKind"/>. A stored record is read by the runtime's readers (<see cref="BizValueReader"/>,
/// <see cref="UnitValue"/>) into the same values and written by the same code, so that a value and the one H3Yun
/// stores compare in one normal form per kind: a date as its clock time in H3Yun's zone, a number by value, a yes/no
/// as a boolean, several values <c>;</c>-joined without blanks, people, departments and records by their ids.
/// </summary>
internal sealed class UntypedUpsertSource : UpsertSource
{
    private readonly H3FormShape _form;
    private readonly Func<IEnumerable<IReadOnlyDictionary<string, object?>>> _read;
    private readonly TimeZoneInfo _zone;

    public UntypedUpsertSource(H3FormShape form, Func<IEnumerable<IReadOnlyDictionary<string, object?>>> read, IReadOnlyList<string> key, TimeZoneInfo zone)
    {
        _form = form;
        _read = read;
        _zone = zone;
        if (key.Count == 0 || key.Distinct(StringComparer.Ordinal).Count() != key.Count)
        {
            throw new ArgumentException("A key names at least one field, each once.", nameof(key));
        }

        foreach (var code in key)
        {
            if (!form.ByCode.TryGetValue(code, out var field))
            {
                throw new ArgumentException($"The key field {code} is not a field of {form.SchemaCode}.", nameof(key));
            }

            if (field.Kind is H3FieldKind.MultiText or H3FieldKind.UnitList or H3FieldKind.AssociationList or H3FieldKind.ChildTable or H3FieldKind.Boolean)
            {
                throw new ArgumentException(
                    $"The field {code} ({field.Kind}) cannot be part of a key: a key field holds one value (text, number, date, person, department or association).", nameof(key));
            }
        }

        KeyCodes = key;
    }

    public override string SchemaCode => _form.SchemaCode;

    public override IReadOnlyList<string> KeyCodes { get; }

    public override IEnumerable<UpsertItem> Read()
    {
        var index = 0;
        foreach (var values in _read() ?? throw new InvalidOperationException("The items' reader returned null; it must return the items, read from the first."))
        {
            yield return new Item(this, values ?? throw new ArgumentException($"Item {index} is null."), index);
            index++;
        }
    }

    public override (string? ObjectId, ReadOnlyMemory<byte> Values) ReadStored(JsonElement stored) =>
        ReadContext.With(_zone, static state => state.Item1.Read(state.stored), (this, stored));

    private (string? ObjectId, ReadOnlyMemory<byte> Values) Read(JsonElement stored)
    {
        var objectId = stored.TryGetProperty(SystemFields.ObjectId, out var id) ? BizValueReader.ReadString(id, SystemFields.ObjectId) : null;
        return (objectId, Write(_form.Fields, ReadValues(_form.Fields, stored), -1));
    }

    private ReadOnlyMemory<byte> CreateBody(IReadOnlyDictionary<string, object?> item, int index)
    {
        foreach (var code in item.Keys)
        {
            if (!_form.ByCode.ContainsKey(code))
            {
                throw new ArgumentException($"Item {index} has a value for {code}, which is not a field of {_form.SchemaCode}; an unknown code is never sent (H3Yun may clear a field for it).");
            }
        }

        return Write(_form.Fields, item, index);
    }

    /// <summary>A stored record's or row's values of the fields given, as an item holds them; absent fields are left out.</summary>
    private static Dictionary<string, object?> ReadValues(IReadOnlyList<H3FieldShape> fields, JsonElement stored)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var present = stored.TryGetProperty(field.Code, out var value);
            var hasCompanion = stored.TryGetProperty(field.Code + "Object", out var companion) && companion.ValueKind != JsonValueKind.Null;
            if (!present && !hasCompanion)
            {
                continue;
            }

            values[field.Code] = field.Kind switch
            {
                H3FieldKind.Text => BizValueReader.ReadString(value, field.Code),
                H3FieldKind.MultiText => BizValueReader.ReadMultiValue(value, field.Code),
                H3FieldKind.Number => BizValueReader.ReadDecimal(value, field.Code),
                H3FieldKind.WholeNumber => BizValueReader.ReadInt64(value, field.Code),
                H3FieldKind.Boolean => BizValueReader.ReadBoolean(value, field.Code),
                H3FieldKind.DateTime => BizValueReader.ReadDateTime(value, field.Code),
                H3FieldKind.Unit or H3FieldKind.Association => ReadUnit(field.Code, present ? value : null, hasCompanion ? companion : null),
                H3FieldKind.UnitList or H3FieldKind.AssociationList => ReadUnits(field.Code, present ? value : null, hasCompanion ? companion : null),
                _ => ReadRows(field, value),
            };
        }

        return values;
    }

    private static string? ReadUnit(string code, JsonElement? value, JsonElement? companion)
    {
        var unit = default(UnitValue);
        if (value is { } own)
        {
            unit.Read(own, code);
        }

        if (companion is { } ids)
        {
            unit.ReadCompanion(ids, code + "Object");
        }

        return unit.Id;
    }

    private static IReadOnlyList<string>? ReadUnits(string code, JsonElement? value, JsonElement? companion)
    {
        var units = default(UnitListValue);
        if (value is { } own)
        {
            units.Read(own, code);
        }

        if (companion is { } ids)
        {
            units.ReadCompanion(ids, code + "Object");
        }

        return units.Ids;
    }

    private static List<Dictionary<string, object?>>? ReadRows(H3FieldShape table, JsonElement value)
    {
        if (WireFormat.IsEmpty(value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new BizValueFormatException(table.Code, "an array of child-table rows", WireFormat.Excerpt(value));
        }

        return [.. value.EnumerateArray().Select(row => row.ValueKind == JsonValueKind.Object
            ? ReadValues(table.RowFields, row)
            : throw new BizValueFormatException(table.Code, "child-table rows as objects", WireFormat.Excerpt(row)))];
    }

    // The one way values are written, an item's and a stored record's alike; index -1 is a stored record.
    private ReadOnlyMemory<byte> Write(IReadOnlyList<H3FieldShape> fields, IReadOnlyDictionary<string, object?> values, int index)
    {
        using var json = new RecordJsonWriter();
        WriteObject(new BizObjectWriter(json, RecordWriteMode.Present, _zone, WritePurpose.Create), fields, values, index, row: null);
        return json.WrittenSpan.ToArray();
    }

    private static void WriteObject(BizObjectWriter writer, IReadOnlyList<H3FieldShape> fields, IReadOnlyDictionary<string, object?> values, int index, (string Table, int Row)? row)
    {
        writer.Json.StartObject();
        foreach (var field in fields)
        {
            if (!values.TryGetValue(field.Code, out var value))
            {
                continue;
            }

            try
            {
                WriteValue(writer, field, value, index);
            }
            catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
            {
                var where = row is { } r ? $"row {r.Row} of the child table {r.Table}, field {field.Code}" : $"field {field.Code}";
                throw new ArgumentException(
                    $"Item {index}, {where}: {ex.Message} (a {field.Kind} field takes {Expected(field.Kind)}).", ex);
            }
        }

        writer.Json.EndObject();
    }

    private static void WriteValue(BizObjectWriter writer, H3FieldShape field, object? value, int index)
    {
        var name = EncodedFieldNames.Of(field.Code);
        switch (field.Kind)
        {
            case H3FieldKind.Text:
                writer.WriteString(name, value is null ? null : value as string ?? throw Wrong(value));
                break;
            case H3FieldKind.MultiText:
                writer.WriteMultiValue(name, Texts(value));
                break;
            case H3FieldKind.Number:
                writer.WriteDecimal(name, value switch
                {
                    null => null,
                    decimal d => d,
                    double or float or int or long or short or byte => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
                    string s => decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
                    _ => throw Wrong(value),
                });
                break;
            case H3FieldKind.WholeNumber:
                writer.WriteInt64(name, value switch
                {
                    null => null,
                    long l => l,
                    int or short or byte => Convert.ToInt64(value, CultureInfo.InvariantCulture),
                    decimal d when d == decimal.Truncate(d) => (long)d,
                    string s => long.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture),
                    _ => throw Wrong(value),
                });
                break;
            case H3FieldKind.Boolean:
                writer.WriteBoolean(name, value switch
                {
                    null => null,
                    bool b => b,
                    string s => bool.Parse(s.Trim()),
                    _ => throw Wrong(value),
                });
                break;
            case H3FieldKind.DateTime:
                switch (value)
                {
                    case null:
                        writer.WriteDateTime(name, null);
                        break;
                    case DateTimeOffset instant:
                        writer.WriteDateTimeOffset(name, instant);
                        break;
                    case DateTime clock:
                        writer.WriteDateTime(name, clock);
                        break;
                    case string text:
                        writer.WriteDateTime(name, WireFormat.TryParseDateTime(text, writer.Zone, out var parsed)
                            ? parsed
                            : throw new FormatException($"'{text}' is not a date"));
                        break;
                    default:
                        throw Wrong(value);
                }

                break;
            case H3FieldKind.Unit or H3FieldKind.Association:
                var unit = default(UnitValue);
                unit.Assign(value is null ? null : value as string ?? throw Wrong(value));
                writer.WriteUnit(name, in unit);
                break;
            case H3FieldKind.UnitList or H3FieldKind.AssociationList:
                var units = default(UnitListValue);
                units.Assign(Texts(value));
                writer.WriteUnits(name, in units);
                break;
            default:
                WriteRows(writer, field, value, index);
                break;
        }
    }

    private static void WriteRows(BizObjectWriter writer, H3FieldShape table, object? value, int index)
    {
        if (value is null)
        {
            writer.WriteRaw(EncodedFieldNames.Of(table.Code), null);
            return;
        }

        if (value is not IEnumerable rows || value is string)
        {
            throw Wrong(value);
        }

        writer.Json.Name(EncodedFieldNames.Of(table.Code).NameAndColon);
        writer.Json.StartArray();
        var position = 0;
        foreach (var row in rows)
        {
            if (row is not IReadOnlyDictionary<string, object?> cells)
            {
                throw new InvalidCastException($"row {position} is a {row?.GetType().Name ?? "null"}, not a field code → value dictionary");
            }

            var unknown = cells.Keys.FirstOrDefault(code => !table.RowFields.Any(f => f.Code == code));
            if (unknown is not null)
            {
                throw new FormatException($"row {position} has a value for {unknown}, which is not a field of the child table");
            }

            WriteObject(writer, table.RowFields, cells, index, (table.Code, position++));
        }

        writer.Json.EndArray();
    }

    // Several values: a ;-joined text or texts; blanks dropped and each trimmed, as H3Yun's own reader splits them.
    private static List<string>? Texts(object? value) => value switch
    {
        null => null,
        string text => [.. text.Split(WireFormat.MultiValueSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        IEnumerable<string> texts => [.. texts.Select(static t => t?.Trim() ?? string.Empty).Where(static t => t.Length > 0)],
        _ => throw Wrong(value),
    };

    private static InvalidCastException Wrong(object value) => new($"a {value.GetType().Name} was given");

    private sealed class Item(UntypedUpsertSource source, IReadOnlyDictionary<string, object?> values, int index) : UpsertItem
    {
        // An untyped item's child tables are given whole: the update sends them whole, and they replace the stored rows.
        public override ReadOnlyMemory<byte> UpdateBody(string objectId, IReadOnlyCollection<string> changed) => Only(CreateBody, changed);

        protected override ReadOnlyMemory<byte> WriteCreateBody() => source.CreateBody(values, index);
    }

    private static string Expected(H3FieldKind kind) => kind switch
    {
        H3FieldKind.Text => "a string",
        H3FieldKind.MultiText or H3FieldKind.UnitList or H3FieldKind.AssociationList => "a ;-joined string or strings",
        H3FieldKind.Number => "a decimal, a double, an integer or a numeric string",
        H3FieldKind.WholeNumber => "an integer or a whole-number string",
        H3FieldKind.Boolean => "a bool or \"true\"/\"false\"",
        H3FieldKind.DateTime => "a DateTime, a DateTimeOffset or a date string such as 2026-01-05 08:00:00",
        H3FieldKind.Unit or H3FieldKind.Association => "an id string",
        _ => "rows: field code → value dictionaries",
    };
}
