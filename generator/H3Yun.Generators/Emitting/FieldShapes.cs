using H3Yun.Generators.Model;

namespace H3Yun.Generators.Emitting;

/// <summary>How a field of each <see cref="FieldKind"/> looks in generated code: its property type, the runtime
/// call that reads it, the one that writes it, and the filter handle that offers only the operators that fit.</summary>
internal sealed record FieldShape(string PropertyType, string ReadMethod, string WriteMethod, string? HandleType);

internal static class FieldShapes
{
    private const string Reader = "global::H3Yun.BizValueReader.";

    /// <summary>The shape of a scalar field; child tables are emitted separately.</summary>
    /// <param name="kind">The field's kind.</param>
    /// <param name="formType">The fully qualified form class, the type argument of filter handles.</param>
    public static FieldShape For(FieldKind kind, string formType) => kind switch
    {
        FieldKind.Text => new("string?", Reader + "ReadString(value, fieldCode)", "WriteString", $"global::H3Yun.TextField<{formType}>"),
        FieldKind.Decimal => new("decimal?", Reader + "ReadDecimal(value, fieldCode)", "WriteDecimal", $"global::H3Yun.NumberField<{formType}, decimal>"),
        FieldKind.Int32 => new("int?", Reader + "ReadInt32(value, fieldCode)", "WriteInt32", $"global::H3Yun.NumberField<{formType}, int>"),
        FieldKind.Int64 => new("long?", Reader + "ReadInt64(value, fieldCode)", "WriteInt64", $"global::H3Yun.NumberField<{formType}, long>"),
        FieldKind.DateTime => new("global::System.DateTime?", Reader + "ReadDateTime(value, fieldCode)", "WriteDateTime", $"global::H3Yun.DateField<{formType}>"),
        FieldKind.Boolean => new("bool?", Reader + "ReadBoolean(value, fieldCode)", "WriteBoolean", $"global::H3Yun.BooleanField<{formType}>"),
        FieldKind.Id => new("string?", Reader + "ReadString(value, fieldCode)", "WriteString", $"global::H3Yun.IdField<{formType}>"),
        FieldKind.IdList => new("global::System.Collections.Generic.IReadOnlyList<string>?", Reader + "ReadMultiValue(value, fieldCode)", "WriteMultiValue", $"global::H3Yun.TextField<{formType}>"),
        _ => new("global::System.Text.Json.JsonElement?", Reader + "ReadRaw(value)", "WriteRaw", null),
    };
}
