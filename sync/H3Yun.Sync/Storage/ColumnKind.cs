namespace H3Yun.Sync.Storage;

/// <summary>The SQL kind of a column; each dialect names its type.</summary>
internal enum ColumnKind
{
    /// <summary>Text.</summary>
    Text,

    /// <summary>A 64-bit integer.</summary>
    Integer,

    /// <summary>A decimal with every digit H3Yun sent.</summary>
    Decimal,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>A date and time in China time, no offset.</summary>
    Timestamp,

    /// <summary>JSON text (jsonb in PostgreSQL).</summary>
    Json,
}
