namespace H3Yun;

/// <summary>One sort key of <see cref="OpenApi.Filter.SortByCollection"/>.</summary>
/// <param name="ItemName">The field code to sort by.</param>
/// <param name="Direction">The direction.</param>
public sealed record SortBy(string ItemName, SortDirection Direction = SortDirection.Ascending);

/// <summary>A sort direction, written as H3Yun's names.</summary>
public enum SortDirection
{
    /// <summary>Smallest first.</summary>
    Ascending,

    /// <summary>Largest first.</summary>
    Descending,
}
