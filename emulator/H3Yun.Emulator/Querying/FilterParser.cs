using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using H3Yun.Emulator.Protocol;
using H3Yun.Emulator.Schemas;

namespace H3Yun.Emulator.Querying;

/// <summary>Reads a LoadBizObjects <c>Filter</c> and refuses what H3Yun cannot run, with a message saying why.</summary>
internal static class FilterParser
{
    /// <summary>H3Yun returns at most 500 rows per call.</summary>
    public const int MaxWindow = 500;

    public static QueryFilter Parse(JsonObject? filter, FormSchema? form)
    {
        if (filter is null)
        {
            return new QueryFilter(0, MaxWindow, false, null, [], null);
        }

        var from = LenientJson.ReadInt(filter["FromRowNum"], "Filter.FromRowNum") ?? 0;
        var to = LenientJson.ReadInt(filter["ToRowNum"], "Filter.ToRowNum") ?? from + MaxWindow;
        if (from < 0)
        {
            throw new H3RequestException($"FromRowNum 不能为负数 / Filter.FromRowNum must be 0 or more, got {from}");
        }

        if (to <= from)
        {
            throw new H3RequestException($"ToRowNum 必须大于 FromRowNum / Filter.ToRowNum ({to}) must be greater than FromRowNum ({from})");
        }

        if ((long)to - from > MaxWindow)
        {
            throw new H3RequestException($"一次最多加载 {MaxWindow} 条 / at most {MaxWindow} rows per call: ToRowNum - FromRowNum is {(long)to - from}");
        }

        return new QueryFilter(
            from,
            to,
            LenientJson.ReadBool(filter["RequireCount"], "Filter.RequireCount") ?? false,
            ParseReturnItems(filter["ReturnItems"], form),
            ParseSort(filter["SortByCollection"], form),
            ParseMatcher(filter["Matcher"], "Filter.Matcher", form));
    }

    private static HashSet<string>? ParseReturnItems(JsonNode? node, FormSchema? form)
    {
        var items = LenientJson.ReadEmbeddedArray(node, "Filter.ReturnItems");
        if (items is null || items.Count == 0)
        {
            return null;
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var what = $"Filter.ReturnItems[{i}]";
            codes.Add(RequireKnownCode(LenientJson.ReadString(items[i], what), what, form));
        }

        return codes;
    }

    private static List<SortKey> ParseSort(JsonNode? node, FormSchema? form)
    {
        var keys = new List<SortKey>();
        var items = LenientJson.ReadEmbeddedArray(node, "Filter.SortByCollection");
        if (items is null)
        {
            return keys;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var what = $"Filter.SortByCollection[{i}]";
            var item = LenientJson.ReadEmbeddedObject(items[i], what)
                ?? throw new H3RequestException($"{what} 不能为空 / {what} is null");
            var name = RequireKnownCode(LenientJson.ReadString(item["ItemName"], $"{what}.ItemName"), $"{what}.ItemName", form);
            var direction = LenientJson.ReadString(item["Direction"], $"{what}.Direction")?.Trim();
            var descending = direction switch
            {
                null or "" or "0" => false,
                "1" => true,
                _ when direction.Equals("Ascending", StringComparison.OrdinalIgnoreCase) => false,
                _ when direction.Equals("Descending", StringComparison.OrdinalIgnoreCase) => true,
                _ => throw new H3RequestException($"不支持的排序方向 / {what}.Direction must be \"Ascending\" or \"Descending\", got \"{direction}\""),
            };
            keys.Add(new SortKey(name, descending));
        }

        return keys;
    }

    private static MatcherNode? ParseMatcher(JsonNode? node, string path, FormSchema? form)
    {
        var matcher = LenientJson.ReadEmbeddedObject(node, path);
        if (matcher is null)
        {
            return null;
        }

        var type = LenientJson.ReadString(matcher["Type"], $"{path}.Type")?.Trim();
        if (string.Equals(type, "And", StringComparison.OrdinalIgnoreCase) || string.Equals(type, "Or", StringComparison.OrdinalIgnoreCase))
        {
            var children = new List<MatcherNode>();
            var items = LenientJson.ReadEmbeddedArray(matcher["Matchers"], $"{path}.Matchers");
            for (var i = 0; i < (items?.Count ?? 0); i++)
            {
                var childPath = $"{path}.Matchers[{i}]";
                children.Add(ParseMatcher(items![i], childPath, form)
                    ?? throw new H3RequestException($"{childPath} 不能为空 / {childPath} is null"));
            }

            return new GroupMatcher(string.Equals(type, "Or", StringComparison.OrdinalIgnoreCase), children);
        }

        if (string.Equals(type, "Item", StringComparison.OrdinalIgnoreCase))
        {
            var name = RequireKnownCode(LenientJson.ReadString(matcher["Name"], $"{path}.Name"), $"{path}.Name", form);
            var number = LenientJson.ReadInt(matcher["Operator"], $"{path}.Operator")
                ?? throw new H3RequestException($"缺少 Operator / {path}.Operator is missing");
            if (!Enum.IsDefined((ComparisonOperator)number))
            {
                throw new H3RequestException($"不支持的 Operator / unknown operator {number} at {path}.Operator; known: 0-8, 13, 14, 18-24");
            }

            return new ItemMatcher(name, (ComparisonOperator)number, matcher["Value"]?.DeepClone());
        }

        throw new H3RequestException($"不支持的 Matcher Type / unknown matcher Type \"{type}\" at {path}.Type; use \"And\", \"Or\" or \"Item\"");
    }

    /// <summary>With a schema, a code the form lacks is refused: H3Yun cannot query a column that does not exist.</summary>
    private static string RequireKnownCode(string? code, string what, FormSchema? form)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new H3RequestException($"缺少字段编码 / {what} is missing");
        }

        if (form is not null && !SystemFieldCodes.IsOnRecord(code) && form.Find(code) is null)
        {
            throw new H3RequestException($"表单 {form.Describe()} 没有字段 {code} / form {form.Describe()} has no field code '{code}' ({what})");
        }

        return code;
    }
}
