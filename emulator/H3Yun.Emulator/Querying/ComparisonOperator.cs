namespace H3Yun.Emulator.Querying;

/// <summary>The <c>Operator</c> numbers of a LoadBizObjects item matcher (H3Yun's ComparisonOperatorType).</summary>
internal enum ComparisonOperator
{
    Above = 0,
    NotBelow = 1,
    Equal = 2,
    NotAbove = 3,
    Below = 4,
    NotEqual = 5,
    In = 6,
    NotIn = 7,
    Contains = 8,
    StartWith = 13,
    EndWith = 14,
    IsNull = 18,
    NotNull = 19,
    IsNone = 20,
    NotNone = 21,
    NotStartWith = 22,
    NotEndWith = 23,
    NotContains = 24,
}
