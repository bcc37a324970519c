using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using H3Yun.Emulator.Schemas;

namespace H3Yun.Emulator.Querying;

/// <summary>Applies SortByCollection; records equal on every key keep their creation order (the sort is stable).</summary>
internal static class RecordSorter
{
    /// <summary>The order of the keys; equal records are left to the caller (which keeps creation order).</summary>
    public static IComparer<JsonObject> Comparer(IReadOnlyList<SortKey> keys, FormSchema? form) => new KeyComparer(keys, form);

    private sealed class KeyComparer(IReadOnlyList<SortKey> keys, FormSchema? form) : IComparer<JsonObject>
    {
        public int Compare(JsonObject? x, JsonObject? y)
        {
            foreach (var key in keys)
            {
                var order = ValueComparer.CompareForSort(x?[key.ItemName], y?[key.ItemName], MatcherEvaluator.IsDateField(key.ItemName, form));
                if (order != 0)
                {
                    return key.Descending ? -order : order;
                }
            }

            return 0;
        }
    }
}
