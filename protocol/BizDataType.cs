using System;
using System.Collections.Generic;
using System.Globalization;

namespace H3Yun.Protocol;

/// <summary>H3Yun's field data types (<c>BizDataType</c>), with the numbers H3Yun uses on the wire and in its designer.</summary>
/// <remarks>docs/protocol.md#field-data-types.</remarks>
internal enum BizDataType
{
    /// <summary>A DataType H3Yun does not define: its values are kept as raw JSON.</summary>
    Unspecified = -1,
    Bool = 1,
    DateTime = 5,
    Double = 7,
    Int = 9,
    Long = 11,
    String = 13,
    ShortString = 14,
    ByteArray = 20,
    Image = 23,
    File = 24,
    TimeSpan = 25,
    Unit = 26,
    UnitArray = 27,
    Html = 30,
    Xml = 32,
    BizObject = 40,
    BizObjectArray = 41,
    BizStructure = 42,
    BizStructureArray = 43,
    Association = 50,
    Map = 55,
    Address = 56,
}

/// <summary>Reading and naming <see cref="BizDataType"/> values as schema files and H3Yun's backend write them.</summary>
internal static class BizDataTypes
{
    private static readonly BizDataType[] Known =
    [
        BizDataType.Bool, BizDataType.DateTime, BizDataType.Double, BizDataType.Int, BizDataType.Long, BizDataType.String,
        BizDataType.ShortString, BizDataType.ByteArray, BizDataType.Image, BizDataType.File, BizDataType.TimeSpan,
        BizDataType.Unit, BizDataType.UnitArray, BizDataType.Html, BizDataType.Xml, BizDataType.BizObject,
        BizDataType.BizObjectArray, BizDataType.BizStructure, BizDataType.BizStructureArray, BizDataType.Association,
        BizDataType.Map, BizDataType.Address,
    ];

    /// <summary>Every defined type, in number order.</summary>
    public static IReadOnlyList<BizDataType> All => Known;

    /// <summary>Every defined name with its number, for messages: <c>Bool (1), DateTime (5), …</c>.</summary>
    public static string KnownNames { get; } = string.Join(", ", Array.ConvertAll(Known, static t => $"{t} ({(int)t})"));

    /// <summary>Reads a DataType written as its name (any case) or its number (a JSON number or a numeric string).</summary>
    /// <param name="text">The DataType as written.</param>
    /// <param name="type">The type, or <see cref="BizDataType.Unspecified"/>.</param>
    /// <returns>Whether the text names a defined type.</returns>
    public static bool TryParse(string text, out BizDataType type)
    {
        var trimmed = text.Trim();
        var isNumber = int.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number);
        foreach (var known in Known)
        {
            if (isNumber ? (int)known == number : string.Equals(known.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                type = known;
                return true;
            }
        }

        type = BizDataType.Unspecified;
        return false;
    }

    /// <summary>
    /// Whether the OpenApi defines a value format for the type. Html, Xml, TimeSpan, ByteArray and the structure
    /// types have none, so their values are kept as raw JSON.
    /// </summary>
    public static bool HasValueFormat(BizDataType type) => type is not (
        BizDataType.Unspecified or BizDataType.ByteArray or BizDataType.TimeSpan or BizDataType.Html or BizDataType.Xml
        or BizDataType.BizObject or BizDataType.BizStructure or BizDataType.BizStructureArray);

    /// <summary>Whether a field of the type may list option texts: radios, dropdowns and checkboxes are text fields.</summary>
    public static bool AllowsOptions(BizDataType type) => type is BizDataType.ShortString or BizDataType.String;

    /// <summary>The defined name closest to a misspelt one, for "did you mean", or null when none is close.</summary>
    /// <param name="text">The unknown name.</param>
    /// <returns>The closest name within a third of its length in edits (at least two), else null.</returns>
    public static string? Closest(string text)
    {
        var trimmed = text.Trim();
        string? best = null;
        var bestDistance = Math.Max(2, trimmed.Length / 3) + 1;
        foreach (var known in Known)
        {
            var distance = EditDistance(trimmed.ToUpperInvariant(), known.ToString().ToUpperInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (known.ToString(), distance);
            }
        }

        return best;
    }

    // Optimal string alignment: a swap of two neighbours ("Doubel") counts as one edit, as a typist makes it.
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
