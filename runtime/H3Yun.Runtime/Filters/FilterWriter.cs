using System.Text;
using System.Text.Json;

namespace H3Yun;

/// <summary>
/// The one serializer of filters and matcher trees, shared by the typed and the untyped API. It writes compact JSON
/// with the member order of H3Yun's own tools: FromRowNum, ToRowNum, Matcher, SortByCollection, RequireCount, ReturnItems.
/// </summary>
public static class FilterWriter
{
    /// <summary>Serializes a filter to the JSON text that travels in the <c>Filter</c> string of LoadBizObjects.</summary>
    /// <param name="filter">The filter.</param>
    /// <returns>The compact JSON.</returns>
    public static string ToJson(Filter filter) => Encoding.UTF8.GetString(ToUtf8(filter).Span);

    /// <summary>Serializes a matcher tree alone, as it appears under <c>Matcher</c>.</summary>
    /// <param name="matcher">The tree.</param>
    /// <returns>The compact JSON.</returns>
    public static string ToJson(Matcher matcher) => Encoding.UTF8.GetString(JsonWriting.ToUtf8(matcher, Write).Span);

    internal static ReadOnlyMemory<byte> ToUtf8(Filter filter) => JsonWriting.ToUtf8(filter, Write);

    internal static void Write(Utf8JsonWriter json, Filter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        filter.Validate();
        json.WriteStartObject();
        json.WriteNumber("FromRowNum", filter.FromRowNum);
        json.WriteNumber("ToRowNum", filter.ToRowNum);
        json.WritePropertyName("Matcher");
        Write(json, filter.Matcher ?? Matcher.And());
        json.WriteStartArray("SortByCollection");
        foreach (var sort in filter.SortByCollection)
        {
            json.WriteStartObject();
            json.WriteString("ItemName", sort.ItemName);
            json.WriteString("Direction", sort.Direction == SortDirection.Descending ? "Descending" : "Ascending");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteBoolean("RequireCount", filter.RequireCount);
        json.WriteStartArray("ReturnItems");
        foreach (var item in filter.ReturnItems)
        {
            json.WriteStringValue(item);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    internal static void Write(Utf8JsonWriter json, Matcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        json.WriteStartObject();
        switch (matcher)
        {
            case MatcherGroup group:
                json.WriteString("Type", group.Type == MatcherGroupType.Or ? "Or" : "And");
                json.WriteStartArray("Matchers");
                foreach (var child in group.Matchers)
                {
                    Write(json, child);
                }

                json.WriteEndArray();
                break;
            case ItemMatcher item:
                json.WriteString("Type", "Item");
                json.WriteString("Name", item.Name);
                json.WriteNumber("Operator", (int)item.Operator);
                json.WritePropertyName("Value");
                item.Value.WriteTo(json);
                break;
        }

        json.WriteEndObject();
    }
}
