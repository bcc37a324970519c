using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using H3Yun.Emulator.Values;

namespace H3Yun.Emulator.Querying;

/// <summary>
/// The bounds a matcher puts on one system date field (<c>ModifiedTime</c> or <c>CreatedTime</c>) at its top level,
/// and the rest of the matcher. A copy reads a form in windows of such a field, many times over; with the bounds the
/// store finds a window's records in its sorted index instead of comparing every record of the form, so that a query's
/// cost follows the rows it matches, as a database's index would make it on H3Yun.
/// </summary>
/// <param name="Field">The date field.</param>
/// <param name="Lower">The lowest time matched, or null.</param>
/// <param name="LowerInclusive">Whether <paramref name="Lower"/> itself matches.</param>
/// <param name="Upper">The highest time matched, or null.</param>
/// <param name="UpperInclusive">Whether <paramref name="Upper"/> itself matches.</param>
/// <param name="Residual">The matcher's other conditions, or null when the bounds are all of it.</param>
internal sealed record TimeRange(string Field, DateTime? Lower, bool LowerInclusive, DateTime? Upper, bool UpperInclusive, MatcherNode? Residual)
{
    /// <summary>
    /// The bounds of the first system date field bounded by <c>Above</c>, <c>NotBelow</c>, <c>Below</c>,
    /// <c>NotAbove</c> or <c>Equal</c> items directly under an <c>And</c> (or alone), with values that read as dates;
    /// null when there is none. Only such items are taken out, because for a record whose field reads as a date they
    /// compare exactly as <see cref="MatcherEvaluator"/> does (by the parsed time); records whose field does not read
    /// as a date are left out of the index and always get the whole matcher.
    /// </summary>
    /// <param name="matcher">The parsed matcher.</param>
    /// <returns>The bounds and the rest, or null.</returns>
    public static TimeRange? Of(MatcherNode? matcher)
    {
        IReadOnlyList<MatcherNode> items = matcher switch
        {
            GroupMatcher { IsOr: false } group => group.Matchers,
            ItemMatcher item => [item],
            _ => [],
        };
        string? field = null;
        DateTime? lower = null, upper = null;
        bool lowerInclusive = true, upperInclusive = true;
        var rest = new List<MatcherNode>();
        foreach (var node in items)
        {
            if (node is ItemMatcher item
                && (field is null ? SystemFieldCodes.Dates.Contains(item.Name) : item.Name == field)
                && IsRange(item.Operator)
                && item.Value is JsonValue value
                && H3DateText.TryParse(ValueComparer.Text(value), out var time))
            {
                field = item.Name;
                if (item.Operator is ComparisonOperator.Above or ComparisonOperator.NotBelow or ComparisonOperator.Equal)
                {
                    var inclusive = item.Operator != ComparisonOperator.Above;
                    if (lower is null || time > lower || (time == lower && !inclusive))
                    {
                        (lower, lowerInclusive) = (time, inclusive);
                    }
                }

                if (item.Operator is ComparisonOperator.Below or ComparisonOperator.NotAbove or ComparisonOperator.Equal)
                {
                    var inclusive = item.Operator != ComparisonOperator.Below;
                    if (upper is null || time < upper || (time == upper && !inclusive))
                    {
                        (upper, upperInclusive) = (time, inclusive);
                    }
                }
            }
            else
            {
                rest.Add(node);
            }
        }

        return field is null
            ? null
            : new TimeRange(field, lower, lowerInclusive, upper, upperInclusive, rest.Count == 0 ? null : new GroupMatcher(false, rest));
    }

    private static bool IsRange(ComparisonOperator op) => op is
        ComparisonOperator.Above or ComparisonOperator.NotBelow or ComparisonOperator.Below or ComparisonOperator.NotAbove or ComparisonOperator.Equal;
}
