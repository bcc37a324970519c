using System.Collections.Generic;

namespace H3Yun.Generators.Model;

/// <summary>
/// Where the parts of one schema file are, kept apart from its <see cref="FormSpec"/> as System.Text.Json's generator
/// keeps locations apart from its specs: only the diagnostics step depends on them.
/// </summary>
/// <param name="FilePath">The schema file.</param>
/// <param name="Anchors">Each anchor (the SchemaCode, the ClassName, a field) and its place, in file order.</param>
internal sealed record SchemaLocations(string FilePath, EquatableArray<AnchoredLocation> Anchors)
{
    public const string SchemaCodeAnchor = "$SchemaCode";
    public const string ClassNameAnchor = "$ClassName";

    /// <summary>A field's anchor: its code, prefixed by its child table's code for a row's field.</summary>
    public static string FieldAnchor(string? tableCode, string code) => tableCode is null ? code : tableCode + "/" + code;

    /// <summary>The place of an anchor; the whole file when the anchor is unknown.</summary>
    public LocationInfo Find(string anchor)
    {
        foreach (var entry in Anchors)
        {
            if (entry.Anchor == anchor)
            {
                return entry.Location;
            }
        }

        return LocationInfo.File(FilePath);
    }

    /// <summary>Turns the resolver's problems with this file into diagnostics at their tokens.</summary>
    public IEnumerable<DiagnosticInfo> Locate(EquatableArray<FormProblem> problems)
    {
        foreach (var problem in problems)
        {
            if (problem.FilePath == FilePath)
            {
                yield return problem.Message.At(Find(problem.Anchor));
            }
        }
    }
}

/// <summary>One anchor of a schema file and where it is.</summary>
internal sealed record AnchoredLocation(string Anchor, LocationInfo Location);
