using H3Yun.Generators.Model;

namespace H3Yun.Generators.Kinds;

/// <summary>
/// The table of field kinds: for each <see cref="FieldKind"/>, its C# type, its read, its write and its query handle
/// (a row of <see cref="Table"/>), and which variant a DataType takes with Options or Multiple
/// (<see cref="Variant"/>). Changing how one kind is read or written is an edit of its row, or of its class for the
/// kinds with typed views; adding a kind is a row here and a line in <c>BizDataTypes</c>.
/// </summary>
internal static class FieldKinds
{
    private const string StringList = "global::System.Collections.Generic.IReadOnlyList<string>?";

    private static readonly KindEmitter Text = new("string?", "ReadString(value, fieldCode)", "WriteString", "TextField");
    private static readonly KindEmitter TextList = new(StringList, "ReadMultiValue(value, fieldCode)", "WriteMultiValue", "TextField");
    private static readonly KindEmitter Id = new("string?", "ReadString(value, fieldCode)", "WriteString", "IdField");

    private static readonly KindEmitter[] Table = Build();

    /// <summary>What a field of <paramref name="kind"/> contributes to its record class.</summary>
    public static KindEmitter For(FieldKind kind) => Table[(int)kind];

    /// <summary>
    /// The kind a mapped property of <paramref name="declaredType"/> takes for a field of <paramref name="kind"/>, when the
    /// field offers more than its stored shape: a date as an instant (<c>DateTimeOffset?</c>).
    /// </summary>
    public static FieldKind MappedVariant(FieldKind kind, string declaredType) =>
        kind == FieldKind.DateTime && declaredType is "global::System.DateTimeOffset?" or "global::System.DateTimeOffset" ? FieldKind.Instant : kind;

    /// <summary>The kind a field of a DataType's base kind takes with Options and Multiple.</summary>
    public static FieldKind Variant(FieldKind kind, bool hasOptions, bool multiple) => (kind, hasOptions, multiple) switch
    {
        (FieldKind.Text, true, false) => FieldKind.Option,
        (FieldKind.Text, true, true) => FieldKind.OptionList,
        (FieldKind.Text, false, true) => FieldKind.TextList,
        (FieldKind.Unit, _, true) => FieldKind.UnitList,
        (FieldKind.Association, _, true) => FieldKind.AssociationList,
        _ => kind,
    };

    /// <summary>The suffix of the second property a kind gets, or null: option texts, or the people H3Yun reported.</summary>
    public static string? CompanionSuffix(FieldKind kind) => kind switch
    {
        FieldKind.Option => "Text",
        FieldKind.OptionList => "Texts",
        FieldKind.Unit => SystemFields.CompanionSuffix,
        FieldKind.UnitList => SystemFields.CompanionSuffix + "s",
        _ => null,
    };

    private static KindEmitter[] Build()
    {
        var table = new KindEmitter[(int)FieldKind.Instant + 1];
        table[(int)FieldKind.Text] = Text;
        table[(int)FieldKind.TextList] = TextList;
        table[(int)FieldKind.Option] = new OptionKind(multiple: false, Text);
        table[(int)FieldKind.OptionList] = new OptionKind(multiple: true, TextList);
        table[(int)FieldKind.Decimal] = new("decimal?", "ReadDecimal(value, fieldCode)", "WriteDecimal", "NumberField", ", decimal");
        table[(int)FieldKind.Int32] = new("int?", "ReadInt32(value, fieldCode)", "WriteInt32", "NumberField", ", int");
        table[(int)FieldKind.Int64] = new("long?", "ReadInt64(value, fieldCode)", "WriteInt64", "NumberField", ", long");
        table[(int)FieldKind.DateTime] = new("global::System.DateTime?", "ReadDateTime(value, fieldCode)", "WriteDateTime", "DateField");
        table[(int)FieldKind.Boolean] = new("bool?", "ReadBoolean(value, fieldCode)", "WriteBoolean", "BooleanField");
        table[(int)FieldKind.Unit] = new UnitKind(multiple: false, Id, "IdField");
        table[(int)FieldKind.UnitList] = new UnitKind(multiple: true, TextList, "TextField");
        table[(int)FieldKind.Association] = new AssociationKind(multiple: false, Id, "IdField");
        table[(int)FieldKind.AssociationList] = new AssociationKind(multiple: true, TextList, "TextField");
        table[(int)FieldKind.Address] = new("global::H3Yun.H3Address?", "ReadAddress(value, fieldCode)", "WriteAddress", "PresenceField");
        table[(int)FieldKind.Location] = new("global::H3Yun.H3Location?", "ReadLocation(value, fieldCode)", "WriteLocation", "PresenceField");
        table[(int)FieldKind.Attachments] = new AttachmentsKind();
        table[(int)FieldKind.ChildTable] = new ChildTableKind();
        table[(int)FieldKind.Raw] = new("global::System.Text.Json.JsonElement?", "ReadRaw(value)", "WriteRaw", "PresenceField");
        table[(int)FieldKind.Instant] = new("global::System.DateTimeOffset?", "ReadDateTimeOffset(value, fieldCode)", "WriteDateTimeOffset", "DateField");
        return table;
    }
}
