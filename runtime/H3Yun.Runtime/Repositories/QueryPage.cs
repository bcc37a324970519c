namespace H3Yun;

/// <summary>One window of records returned by a query.</summary>
/// <typeparam name="TForm">The generated record type.</typeparam>
/// <param name="Items">The records, in the order H3Yun returned them.</param>
/// <param name="FromRowNum">The first row asked for.</param>
/// <param name="ToRowNum">The row asked to stop before.</param>
/// <param name="TotalCount">The number of matching records, when the query asked for it and H3Yun reported it.</param>
public sealed record QueryPage<TForm>(IReadOnlyList<TForm> Items, int FromRowNum, int ToRowNum, int? TotalCount)
    where TForm : H3BizObject
{
    /// <summary>Whether the window came back short, so that no record follows it.</summary>
    public bool IsLastPage => Items.Count < ToRowNum - FromRowNum;
}
