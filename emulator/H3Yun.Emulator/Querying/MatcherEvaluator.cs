using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using H3Yun.Emulator.Schemas;

namespace H3Yun.Emulator.Querying;

/// <summary>
/// Decides whether a stored record matches a matcher tree. By default each negated operator is the exact complement
/// of its positive one (a record with no value is "not equal" to anything), which keeps results predictable; with SQL's
/// NULL semantics (strict mode) a record with no value matches no comparison at all, negated ones included, as the
/// SQL behind H3Yun would answer (<c>NULL != 'x'</c> is not true).
/// </summary>
internal static class MatcherEvaluator
{
    public static bool Matches(MatcherNode? matcher, JsonObject record, FormSchema? form, bool sqlNulls = false) => matcher switch
    {
        null => true,
        GroupMatcher { Matchers.Count: 0 } => true,
        GroupMatcher { IsOr: true } group => group.Matchers.Any(child => Matches(child, record, form, sqlNulls)),
        GroupMatcher group => group.Matchers.All(child => Matches(child, record, form, sqlNulls)),
        ItemMatcher item when sqlNulls && IsNull(record[item.Name]) && IsNegatedComparison(item.Operator) => false,
        ItemMatcher item => Matches(item, record[item.Name], IsDateField(item.Name, form)),
        _ => throw new ArgumentOutOfRangeException(nameof(matcher)),
    };

    private static bool IsNull(JsonNode? field) => field is null || (field is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Null);

    private static bool IsNegatedComparison(ComparisonOperator op) => op is
        ComparisonOperator.NotEqual or ComparisonOperator.NotIn or ComparisonOperator.NotContains
        or ComparisonOperator.NotStartWith or ComparisonOperator.NotEndWith;

    public static bool IsDateField(string code, FormSchema? form) =>
        SystemFieldCodes.Dates.Contains(code) || form?.Find(code)?.DataType == BizDataType.DateTime;

    private static bool Matches(ItemMatcher item, JsonNode? field, bool asDate)
    {
        var value = item.Value;
        return item.Operator switch
        {
            ComparisonOperator.Above => ValueComparer.Compare(field, value, asDate) > 0,
            ComparisonOperator.NotBelow => ValueComparer.Compare(field, value, asDate) >= 0,
            ComparisonOperator.Equal => ValueComparer.AreEqual(field, value, asDate),
            ComparisonOperator.NotAbove => ValueComparer.Compare(field, value, asDate) <= 0,
            ComparisonOperator.Below => ValueComparer.Compare(field, value, asDate) < 0,
            ComparisonOperator.NotEqual => !ValueComparer.AreEqual(field, value, asDate),
            ComparisonOperator.In => IsIn(field, value, asDate),
            ComparisonOperator.NotIn => !IsIn(field, value, asDate),
            ComparisonOperator.Contains => TextMatches(field, value, (text, part) => text.Contains(part, StringComparison.OrdinalIgnoreCase)),
            ComparisonOperator.NotContains => !TextMatches(field, value, (text, part) => text.Contains(part, StringComparison.OrdinalIgnoreCase)),
            ComparisonOperator.StartWith => TextMatches(field, value, (text, part) => text.StartsWith(part, StringComparison.OrdinalIgnoreCase)),
            ComparisonOperator.NotStartWith => !TextMatches(field, value, (text, part) => text.StartsWith(part, StringComparison.OrdinalIgnoreCase)),
            ComparisonOperator.EndWith => TextMatches(field, value, (text, part) => text.EndsWith(part, StringComparison.OrdinalIgnoreCase)),
            ComparisonOperator.NotEndWith => !TextMatches(field, value, (text, part) => text.EndsWith(part, StringComparison.OrdinalIgnoreCase)),
            ComparisonOperator.IsNull => field is null,
            ComparisonOperator.NotNull => field is not null,
            ComparisonOperator.IsNone => IsNone(field),
            ComparisonOperator.NotNone => !IsNone(field),
            _ => throw new ArgumentOutOfRangeException(nameof(item)),
        };
    }

    /// <summary>
    /// A multi-value field (an array, or H3Yun's ";"-joined text) is in the set when any of its values is. The set's
    /// texts are hashed once per query (an upsert's lookup is 500 values against every record): a value that compares
    /// as text is in the set exactly when its text is; only numbers, dates and booleans are compared one by one.
    /// </summary>
    private static bool IsIn(JsonNode? field, JsonNode? value, bool asDate)
    {
        if (field is null)
        {
            return false;
        }

        var set = value is null ? null : Sets.GetValue(value, static node => new CandidateSet(node));
        foreach (var part in ValuesOf(field))
        {
            if (set is null)
            {
                if (ValueComparer.AreEqual(part, null, asDate))
                {
                    return true;
                }

                continue;
            }

            if (ValueComparer.Text(part) is { } text && set.Texts.Contains(text))
            {
                return true;
            }

            if (!ValueComparer.ComparesAsText(part) && set.Nodes.Exists(candidate => ValueComparer.AreEqual(part, candidate, asDate)))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly ConditionalWeakTable<JsonNode, CandidateSet> Sets = new();

    private sealed class CandidateSet(JsonNode value)
    {
        public List<JsonNode?> Nodes { get; } = value is JsonArray array ? [.. array] : [value];

        public HashSet<string> Texts { get; } = value is JsonArray array
            ? [.. array.Select(ValueComparer.Text).OfType<string>()]
            : [.. new[] { ValueComparer.Text(value) }.OfType<string>()];
    }

    private static IEnumerable<JsonNode?> ValuesOf(JsonNode field)
    {
        if (field is JsonArray array)
        {
            foreach (var item in array)
            {
                yield return item;
            }

            yield break;
        }

        yield return field;
        var text = ValueComparer.Text(field);
        if (text is not null && text.Contains(';', StringComparison.Ordinal))
        {
            foreach (var part in text.Split(';'))
            {
                yield return JsonValue.Create(part);
            }
        }
    }

    private static bool TextMatches(JsonNode? field, JsonNode? value, Func<string, string, bool> test)
    {
        if (field is null)
        {
            return false;
        }

        var part = ValueComparer.Text(value) ?? string.Empty;
        return field is JsonArray array
            ? array.Any(item => ValueComparer.Text(item) is { } text && test(text, part))
            : ValueComparer.Text(field) is { } whole && test(whole, part);
    }

    private static bool IsNone(JsonNode? field) => field switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        _ => ValueComparer.Text(field) is null or "",
    };
}
