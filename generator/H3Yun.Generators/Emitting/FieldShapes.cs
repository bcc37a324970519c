using H3Yun.Generators.Model;

namespace H3Yun.Generators.Emitting;

/// <summary>
/// How a field's stored value looks in generated code: its C# type, the runtime call that reads it, the one that
/// writes it (null when the OpenApi cannot write it), and the filter handle that offers only the operators that fit.
/// <see cref="FieldEmitter"/> adds the typed views some kinds get on top (option enums, units, references).
/// </summary>
internal sealed record FieldShape(string PropertyType, string ReadMethod, string? WriteMethod, string? HandleType);

internal static class FieldShapes
{
    private const string Reader = "global::H3Yun.BizValueReader.";
    private const string StringList = "global::System.Collections.Generic.IReadOnlyList<string>?";

    /// <summary>The stored shape of a scalar field; child tables are emitted separately.</summary>
    /// <param name="kind">The field's kind.</param>
    /// <param name="formType">The fully qualified form class, the type argument of filter handles.</param>
    public static FieldShape For(FieldKind kind, string formType) => kind switch
    {
        FieldKind.Text or FieldKind.Option => new("string?", Reader + "ReadString(value, fieldCode)", "WriteString", $"global::H3Yun.TextField<{formType}>"),
        FieldKind.TextList or FieldKind.OptionList or FieldKind.UnitList or FieldKind.AssociationList =>
            new(StringList, Reader + "ReadMultiValue(value, fieldCode)", "WriteMultiValue", $"global::H3Yun.TextField<{formType}>"),
        FieldKind.Decimal => new("decimal?", Reader + "ReadDecimal(value, fieldCode)", "WriteDecimal", $"global::H3Yun.NumberField<{formType}, decimal>"),
        FieldKind.Int32 => new("int?", Reader + "ReadInt32(value, fieldCode)", "WriteInt32", $"global::H3Yun.NumberField<{formType}, int>"),
        FieldKind.Int64 => new("long?", Reader + "ReadInt64(value, fieldCode)", "WriteInt64", $"global::H3Yun.NumberField<{formType}, long>"),
        FieldKind.DateTime => new("global::System.DateTime?", Reader + "ReadDateTime(value, fieldCode)", "WriteDateTime", $"global::H3Yun.DateField<{formType}>"),
        FieldKind.Boolean => new("bool?", Reader + "ReadBoolean(value, fieldCode)", "WriteBoolean", $"global::H3Yun.BooleanField<{formType}>"),
        FieldKind.Unit or FieldKind.Association => new("string?", Reader + "ReadString(value, fieldCode)", "WriteString", $"global::H3Yun.IdField<{formType}>"),
        FieldKind.Address => new("global::H3Yun.H3Address?", Reader + "ReadAddress(value, fieldCode)", "WriteAddress", $"global::H3Yun.PresenceField<{formType}>"),
        FieldKind.Location => new("global::H3Yun.H3Location?", Reader + "ReadLocation(value, fieldCode)", "WriteLocation", $"global::H3Yun.PresenceField<{formType}>"),
        FieldKind.Attachments => new("global::System.Collections.Generic.IReadOnlyList<global::H3Yun.H3Attachment>", Reader + "ReadAttachments(value, fieldCode)", null, $"global::H3Yun.PresenceField<{formType}>"),
        _ => new("global::System.Text.Json.JsonElement?", Reader + "ReadRaw(value)", "WriteRaw", $"global::H3Yun.PresenceField<{formType}>"),
    };
}
