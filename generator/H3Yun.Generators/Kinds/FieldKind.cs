namespace H3Yun.Generators.Kinds;

/// <summary>The C# shape of a field; <see cref="FieldKinds"/> holds what each one reads, writes and offers.</summary>
internal enum FieldKind
{
    Text,
    TextList,
    Option,
    OptionList,
    Decimal,
    Int32,
    Int64,
    DateTime,
    Boolean,
    Unit,
    UnitList,
    Association,
    AssociationList,
    Address,
    Location,
    Attachments,
    ChildTable,
    Raw,

    /// <summary>A date field seen as an instant: what a <c>DateTimeOffset?</c> property of an <c>[H3Form]</c> class maps.</summary>
    Instant,
}
