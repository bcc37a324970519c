using System;
using System.Collections.Generic;

namespace H3Yun.Generators.Naming;

/// <summary>
/// Hands out unique member names within one generated type, in schema order, so that the result is the same on
/// every build. A name that is taken or reserved gets the field code appended; a keyword gets an underscore.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reserved;

    public NameScope(IEnumerable<string> reserved) => _reserved = new HashSet<string>(reserved, StringComparer.Ordinal);

    /// <summary>Claims a name without checks, for names fixed by the type itself.</summary>
    public void Reserve(string name) => _reserved.Add(name);

    /// <summary>Claims a unique name for <paramref name="wanted"/>.</summary>
    /// <param name="wanted">The name the schema asks for (or derives).</param>
    /// <param name="code">The field code, appended to resolve a collision.</param>
    /// <param name="reason">Why the name changed, or null when it did not.</param>
    /// <returns>The name to generate.</returns>
    public string Claim(string wanted, string code, out string? reason)
    {
        reason = null;
        var name = wanted;
        if (Identifiers.IsKeyword(name))
        {
            reason = $"'{wanted}' is a C# keyword";
            name += "_";
        }

        if (_reserved.Contains(name) || _taken.Contains(name))
        {
            reason = _reserved.Contains(name) ? $"'{name}' is already a member of every generated type" : $"another field is already named '{name}'";
            var suffix = Identifiers.FromText(code) ?? "Field";
            name = $"{name}_{suffix.TrimStart('_')}";
            for (var n = 2; _reserved.Contains(name) || _taken.Contains(name); n++)
            {
                name = $"{wanted}_{suffix.TrimStart('_')}{n}";
            }
        }

        _taken.Add(name);
        return name;
    }
}
