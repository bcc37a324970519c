using System;
using System.Collections.Generic;
using System.Linq;

namespace H3Yun.Generators.Diagnostics;

/// <summary>
/// Suggests the valid codes nearest to a mistyped one, by edit distance, with their display names, so that an
/// error about a code says what was probably meant.
/// </summary>
internal static class ClosestCodes
{
    private const int MaxSuggestions = 3;

    /// <summary>A sentence such as <c>Did you mean F0000001 (订单编号), F0000011 (产品)?</c>.</summary>
    /// <param name="typed">The code as written.</param>
    /// <param name="candidates">The valid codes and their display names.</param>
    /// <param name="noun">What the codes are, for the sentence used when there is none.</param>
    public static string Suggest(string typed, IEnumerable<(string Code, string DisplayName)> candidates, string noun = "field")
    {
        var nearest = candidates
            .Select(c => (c.Code, c.DisplayName, Distance: Distance(typed.ToUpperInvariant(), c.Code.ToUpperInvariant())))
            .OrderBy(static c => c.Distance)
            .ThenBy(static c => c.Code, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .Select(static c => c.DisplayName == c.Code ? c.Code : $"{c.Code} ({c.DisplayName})")
            .ToArray();
        return nearest.Length == 0
            ? $"The form has no {noun}s to choose from."
            : "Did you mean " + string.Join(", ", nearest) + "?";
    }

    /// <summary>The Levenshtein distance: insertions, deletions and substitutions.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
