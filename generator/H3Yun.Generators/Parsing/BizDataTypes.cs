using System;
using System.Globalization;
using System.Linq;
using H3Yun.Generators.Kinds;

namespace H3Yun.Generators.Parsing;

/// <summary>
/// H3Yun's <c>BizDataType</c> members, by name and number (reference §3.1), and the C# shape each gets.
/// A schema may give either form, so that an export of H3Yun's PropertySchema maps onto it unchanged.
/// </summary>
internal static class BizDataTypes
{
    private static readonly (string Name, int Number, FieldKind Kind, bool Modelled)[] Table =
    [
        ("Bool", 1, FieldKind.Boolean, true),
        ("DateTime", 5, FieldKind.DateTime, true),
        ("Double", 7, FieldKind.Decimal, true),
        ("Int", 9, FieldKind.Int32, true),
        ("Long", 11, FieldKind.Int64, true),
        ("String", 13, FieldKind.Text, true),
        ("ShortString", 14, FieldKind.Text, true),
        ("ByteArray", 20, FieldKind.Raw, false),
        ("Image", 23, FieldKind.Attachments, true),
        ("File", 24, FieldKind.Attachments, true),
        ("TimeSpan", 25, FieldKind.Raw, false),
        ("Unit", 26, FieldKind.Unit, true),
        ("UnitArray", 27, FieldKind.UnitList, true),
        ("Html", 30, FieldKind.Raw, false),
        ("Xml", 32, FieldKind.Raw, false),
        ("BizObject", 40, FieldKind.Raw, false),
        ("BizObjectArray", 41, FieldKind.ChildTable, true),
        ("BizStructure", 42, FieldKind.Raw, false),
        ("BizStructureArray", 43, FieldKind.Raw, false),
        ("Association", 50, FieldKind.Association, true),
        ("Map", 55, FieldKind.Location, true),
        ("Address", 56, FieldKind.Address, true),
    ];

    public static string KnownNames { get; } = string.Join(", ", Table.Select(static t => $"{t.Name} ({t.Number})"));

    /// <summary>Looks a DataType up by its name (any case) or its number, given as a JSON number or a numeric string.</summary>
    /// <param name="text">The DataType as written.</param>
    /// <param name="name">The canonical member name.</param>
    /// <param name="kind">The field's C# shape.</param>
    /// <param name="modelled">Whether the OpenApi defines a value format for it; when not, the raw JSON is kept.</param>
    /// <returns>Whether the DataType is a known member.</returns>
    public static bool TryResolve(string text, out string name, out FieldKind kind, out bool modelled)
    {
        var trimmed = text.Trim();
        var isNumber = int.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number);
        foreach (var entry in Table)
        {
            if (isNumber ? entry.Number == number : string.Equals(entry.Name, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                (name, kind, modelled) = (entry.Name, entry.Kind, entry.Modelled);
                return true;
            }
        }

        (name, kind, modelled) = (trimmed, FieldKind.Raw, false);
        return false;
    }

    /// <summary>Whether a field of this DataType may list option texts (radio, dropdown, checkbox are ShortString).</summary>
    public static bool AllowsOptions(string name) => name is "ShortString" or "String";
}
