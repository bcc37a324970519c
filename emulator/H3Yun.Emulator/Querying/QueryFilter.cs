using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace H3Yun.Emulator.Querying;

/// <summary>A parsed LoadBizObjects <c>Filter</c>: the row window <c>[FromRowNum, ToRowNum)</c> and what to match, sort and return.</summary>
internal sealed record QueryFilter(
    int FromRowNum,
    int ToRowNum,
    bool RequireCount,
    IReadOnlySet<string>? ReturnItems,
    IReadOnlyList<SortKey> Sort,
    MatcherNode? Matcher);

internal sealed record SortKey(string ItemName, bool Descending);

internal abstract record MatcherNode;

/// <summary>An <c>And</c> or <c>Or</c> group; an empty group constrains nothing.</summary>
internal sealed record GroupMatcher(bool IsOr, IReadOnlyList<MatcherNode> Matchers) : MatcherNode;

internal sealed record ItemMatcher(string Name, ComparisonOperator Operator, JsonNode? Value) : MatcherNode;
