using System.Text;
using System.Text.Json;

namespace H3Yun.OpenApi;

/// <summary>
/// The one serializer of filters and matcher trees, shared by the typed and the untyped API. It writes compact JSON
/// with the member order of H3Yun's own tools: FromRowNum, ToRowNum, Matcher, SortByCollection, RequireCount, ReturnItems.
/// </summary>
public static class FilterWriter
{
    /// <summary>Serializes a filter to the JSON text that travels in the <c>Filter</c> string of LoadBizObjects.</summary>
    /// <param name="filter">The filter.</param>
    /// <param name="timeZone">H3Yun's zone, into which dates are converted; China Standard Time when omitted.</param>
    /// <returns>The compact JSON.</returns>
    public static string ToJson(Filter filter, TimeZoneInfo? timeZone = null)
    {
        using var json = ToPooledUtf8(filter, timeZone ?? H3YunTimeZones.ChinaStandardTime);
        return Encoding.UTF8.GetString(json.WrittenSpan);
    }

    /// <summary>Serializes a matcher tree alone, as it appears under <c>Matcher</c>.</summary>
    /// <param name="matcher">The tree.</param>
    /// <param name="timeZone">H3Yun's zone, into which dates are converted; China Standard Time when omitted.</param>
    /// <returns>The compact JSON.</returns>
    public static string ToJson(Matcher matcher, TimeZoneInfo? timeZone = null)
    {
        using var json = JsonWriting.ToPooledUtf8((matcher, zone: timeZone ?? H3YunTimeZones.ChinaStandardTime), static (json, state) => Write(json, state.matcher, state.zone));
        return Encoding.UTF8.GetString(json.WrittenSpan);
    }

    internal static PooledBufferWriter ToPooledUtf8(Filter filter, TimeZoneInfo zone) =>
        JsonWriting.ToPooledUtf8((filter, zone), static (json, state) => Write(json, state.filter, state.zone));

    internal static void Write(Utf8JsonWriter json, Filter filter, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(filter);
        filter.Validate();
        json.WriteStartObject();
        json.WriteNumber("FromRowNum", filter.FromRowNum);
        json.WriteNumber("ToRowNum", filter.ToRowNum);
        json.WritePropertyName("Matcher");
        Write(json, filter.Matcher ?? Matcher.And(), zone);
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

    internal static void Write(Utf8JsonWriter json, Matcher matcher, TimeZoneInfo zone)
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
                    Write(json, child, zone);
                }

                json.WriteEndArray();
                break;
            case ItemMatcher item:
                json.WriteString("Type", "Item");
                json.WriteString("Name", item.Name);
                json.WriteNumber("Operator", (int)item.Operator);
                json.WritePropertyName("Value");
                item.Value.WriteTo(json, zone);
                break;
        }

        json.WriteEndObject();
    }
}
