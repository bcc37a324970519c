using H3Yun.Generators.Model;

namespace H3Yun.Generators.Kinds;

/// <summary>Where a record body is written: the class that owns it, and whether it gets the typed views.</summary>
/// <param name="FormType">The fully qualified form class: the type argument of query handles.</param>
/// <param name="Fields">The fields of the record, in order.</param>
/// <param name="Typed">
/// True for a generated class, whose fields get typed views (option enums, people companions, references); false for a
/// user's <c>[H3Form]</c> class, whose properties hold each field's stored shape.
/// </param>
internal sealed record RecordContext(string FormType, EquatableArray<FieldSpec> Fields, bool Typed);

/// <summary>One field as a record body writes it.</summary>
/// <param name="Spec">The field.</param>
/// <param name="Index">Its position among the record's own fields, the index of its change flag.</param>
/// <param name="Backing">The backing field's name.</param>
/// <param name="Code">The C# expression of its field code (<c>Fields.X</c>, or a literal in a mapped class).</param>
internal readonly record struct RecordField(FieldSpec Spec, int Index, string Backing, string Code)
{
    public string Property => Spec.PropertyName;

    /// <summary>The index as generated code writes it; a string, so that the emitters' lines are plain concatenations.</summary>
    public string IndexText { get; } = Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
