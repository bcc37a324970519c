using H3Yun.Generators.Kinds;
using H3Yun.Protocol;

namespace H3Yun.Generators.Parsing;

/// <summary>The C# shape each H3Yun <see cref="BizDataType"/> gets.</summary>
internal static class DataTypeKinds
{
    /// <summary>The field kind of a DataType; a type without an OpenApi value format keeps its raw JSON.</summary>
    public static FieldKind Kind(BizDataType type) => type switch
    {
        BizDataType.Bool => FieldKind.Boolean,
        BizDataType.DateTime => FieldKind.DateTime,
        BizDataType.Double => FieldKind.Decimal,
        BizDataType.Int => FieldKind.Int32,
        BizDataType.Long => FieldKind.Int64,
        BizDataType.String or BizDataType.ShortString => FieldKind.Text,
        BizDataType.Image or BizDataType.File => FieldKind.Attachments,
        BizDataType.Unit => FieldKind.Unit,
        BizDataType.UnitArray => FieldKind.UnitList,
        BizDataType.BizObjectArray => FieldKind.ChildTable,
        BizDataType.Association => FieldKind.Association,
        BizDataType.Map => FieldKind.Location,
        BizDataType.Address => FieldKind.Address,
        _ => FieldKind.Raw,
    };
}
