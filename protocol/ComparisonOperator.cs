namespace H3Yun.OpenApi;

/// <summary>
/// The comparison of an item matcher, with H3Yun's numeric codes (<c>H3.Data.ComparisonOperatorType</c>,
/// docs/protocol.md#operator-codes). Codes 9–12 and 15–17 are not documented and are not offered.
/// </summary>
#if H3YUN_PUBLIC_PROTOCOL
public
#else
internal
#endif
enum ComparisonOperator
{
    /// <summary><c>A &gt; value</c>: numbers and dates.</summary>
    Above = 0,

    /// <summary><c>A &gt;= value</c>: numbers and dates.</summary>
    NotBelow = 1,

    /// <summary><c>A = value</c>.</summary>
    Equal = 2,

    /// <summary><c>A &lt;= value</c>: numbers and dates.</summary>
    NotAbove = 3,

    /// <summary><c>A &lt; value</c>: numbers and dates.</summary>
    Below = 4,

    /// <summary><c>A != value</c>.</summary>
    NotEqual = 5,

    /// <summary><c>A in (values)</c>; the value is an array.</summary>
    In = 6,

    /// <summary><c>A not in (values)</c>; the value is an array.</summary>
    NotIn = 7,

    /// <summary><c>A like '%value%'</c>: text.</summary>
    Contains = 8,

    /// <summary><c>A like 'value%'</c>: text.</summary>
    StartWith = 13,

    /// <summary><c>A like '%value'</c>: text.</summary>
    EndWith = 14,

    /// <summary><c>A is null</c>; no value.</summary>
    IsNull = 18,

    /// <summary><c>A is not null</c>; no value.</summary>
    NotNull = 19,

    /// <summary><c>A is null or A = ''</c>: text and numbers; no value.</summary>
    IsNone = 20,

    /// <summary><c>A is not null and A != ''</c>: text and numbers; no value.</summary>
    NotNone = 21,

    /// <summary><c>A not like 'value%'</c>: text.</summary>
    NotStartWith = 22,

    /// <summary><c>A not like '%value'</c>: text.</summary>
    NotEndWith = 23,

    /// <summary><c>A not like '%value%'</c>: text.</summary>
    NotContains = 24,
}
