using System.Collections.Generic;
using System.Linq;
using H3Yun.Generators.Model;

namespace H3Yun.Generators.Naming;

/// <summary>
/// The member names a generated type already has, which no field may take: those it inherits from the runtime's
/// <c>H3BizObject</c> or <c>H3ChildRow</c> and those it declares itself. A test reflects over the runtime types,
/// so that this list cannot drift from them.
/// </summary>
internal static class ReservedNames
{
    /// <summary>The public and protected members of <c>H3Record</c>, which both base types extend.</summary>
    public static readonly string[] RecordMembers =
        ["HasChanges", "AcceptChanges", "OnFieldAssigned", "ShouldWrite", "ShouldWriteTable", "ReadField", "WriteFields"];

    /// <summary>What <c>H3ChildRow</c> adds besides the row's system fields: the members the schema does not list, its table's code.</summary>
    public static readonly string[] RowMembers = ["UnknownMembers", "ChildSchemaCode"];

    /// <summary>The public and protected members of <see cref="object"/>.</summary>
    public static readonly string[] ObjectMembers =
        ["Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals"];

    /// <summary>What every generated form class declares (CS0102 on a clash, CS0542 for the class's own name).</summary>
    public static readonly string[] DeclaredByForm = ["SchemaCode", "FormInfo", "Fields", "Where", "Options"];

    /// <summary>What every generated row class declares.</summary>
    public static readonly string[] DeclaredByRow = ["SchemaCode", "Fields", "Options"];

    /// <summary>What a form class inherits from <c>H3BizObject</c>.</summary>
    public static IEnumerable<string> InheritedByForm => SystemFields.RecordProperties.Concat(RecordMembers).Concat(ObjectMembers);

    /// <summary>What a row class inherits from <c>H3ChildRow</c>.</summary>
    public static IEnumerable<string> InheritedByRow => SystemFields.RowProperties.Concat(RowMembers).Concat(RecordMembers).Concat(ObjectMembers);

    /// <summary>Every name a field of a form (or, with <paramref name="isRow"/>, of a row) may not take.</summary>
    public static IEnumerable<string> ForType(bool isRow) =>
        isRow ? InheritedByRow.Concat(DeclaredByRow) : InheritedByForm.Concat(DeclaredByForm);
}
