using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using H3Yun.Generators.Model;

namespace H3Yun.Generators.Naming;

/// <summary>Why a name differs from the one asked for; <see cref="Written"/> tells a written name from a derived one.</summary>
internal sealed record Rename(bool Written, string Wanted, string Reason);

/// <summary>
/// Chooses every C# name of one generated type (a form class or a row class), in schema order, so that the result
/// is the same on every build: the class name, then per field its property, row class, option enum and companion.
/// </summary>
internal sealed class FormNamer
{
    private readonly NameScope _scope;

    private FormNamer(string className, bool isRow)
    {
        ClassName = className;
        _scope = new NameScope(ReservedNames.ForType(isRow).Append(className));
    }

    public string ClassName { get; }

    /// <summary>Chooses the class name and starts naming its members.</summary>
    /// <param name="written">The ClassName the schema wrote, if any.</param>
    /// <param name="derivedDefault">The default for a row class (<c>&lt;PropertyName&gt;Row</c>); null for a form.</param>
    /// <param name="displayName">The form's display name.</param>
    /// <param name="schemaCode">The form's SchemaCode.</param>
    /// <param name="parentClassName">The form class a row class is nested in; null for a form.</param>
    /// <param name="rename">Why the name differs from the one asked for, or null.</param>
    public static FormNamer ForClass(string? written, string? derivedDefault, string displayName, string schemaCode, string? parentClassName, out Rename? rename)
    {
        var derived = derivedDefault ?? Identifiers.FromText(displayName) ?? Identifiers.FromText(schemaCode) ?? "Form";
        string chosen;
        rename = null;
        if (written is null)
        {
            chosen = derived;
            if (Identifiers.IsKeyword(derived))
            {
                chosen = derived + "_";
                rename = new Rename(false, derived, $"'{derived}' is a C# keyword");
            }
        }
        else if (Identifiers.IsUsable(written) && written != parentClassName)
        {
            chosen = written;
        }
        else
        {
            chosen = Identifiers.FromText(written, pascalCase: false) is { } cleaned && Identifiers.IsUsable(cleaned) && cleaned != parentClassName
                ? cleaned
                : derived + "_";
            rename = new Rename(true, written, "it is not a usable C# type name");
        }

        var isRow = parentClassName is not null;
        var asked = rename?.Wanted ?? chosen;
        string? reason = null;
        var fixedName = chosen;
        if ((isRow ? ReservedNames.DeclaredByRow : ReservedNames.DeclaredByForm).Contains(chosen))
        {
            reason = $"the class declares a member named '{chosen}'";
            fixedName = chosen + "_";
        }
        else if (chosen.All(static c => c is >= 'a' and <= 'z'))
        {
            // CS8981: such names may become keywords, and generated code must compile without warnings.
            reason = "a type name of only lower-case ASCII letters may become a C# keyword";
            fixedName = char.ToUpperInvariant(chosen[0]) + chosen.Substring(1);
        }

        if (reason is not null)
        {
            if (fixedName == parentClassName)
            {
                fixedName += "_";
            }

            rename = new Rename(written is not null, asked, reason);
            chosen = fixedName;
        }

        return new FormNamer(chosen, isRow);
    }

    /// <summary>Claims the property name of a field: the written PropertyName, else its display name, else its code.</summary>
    public string Property(string? written, string displayName, string code, out Rename? rename)
    {
        var wanted = written is not null && Identifiers.FromText(written, pascalCase: false) is { } cleaned
            ? cleaned
            : Identifiers.FromText(displayName) ?? Identifiers.FromText(code) ?? "Field";
        var name = _scope.Claim(wanted, code, out var reason);
        if (written is not null && name != written)
        {
            reason ??= $"'{written}' is not a valid C# identifier";
        }

        rename = reason is null ? null : new Rename(written is not null, written ?? wanted, reason);
        return name;
    }

    /// <summary>Claims a name derived from a property name, such as the option enum or a companion property.</summary>
    public string Derived(string wanted, string code, out Rename? rename)
    {
        var name = _scope.Claim(wanted, code, out var reason);
        rename = reason is null ? null : new Rename(false, wanted, reason);
        return name;
    }

    /// <summary>The class name of a form whose name another form of its namespace already has: its SchemaCode appended.</summary>
    public static string Disambiguated(string className, string schemaCode) =>
        className + "_" + (Identifiers.FromText(schemaCode) ?? "Form").TrimStart('_');

    /// <summary>The enum members for option texts, in order: each text made into an identifier, unique, else <c>OptionN</c>.</summary>
    public static EquatableArray<string> EnumMembers(EquatableArray<string> options)
    {
        var scope = new NameScope(["value__"]);
        var names = new List<string>(options.Count);
        for (var i = 0; i < options.Count; i++)
        {
            names.Add(scope.Claim(Identifiers.FromText(options[i]) ?? "Option" + (i + 1), (i + 1).ToString(CultureInfo.InvariantCulture), out _));
        }

        return names.ToEquatableArray();
    }
}
