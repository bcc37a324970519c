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
/// <param name="Name">The static field that holds its encoded name, which <c>WriteFields</c> passes to the writer.</param>
internal readonly record struct RecordField(FieldSpec Spec, int Index, string Backing, string Code, string Name)
{
    /// <summary>The prefix of a mapped class's backing fields, which users do not write, so that they cannot clash with theirs.</summary>
    public const string BackingPrefix = "__h3_";

    /// <summary>
    /// The name of the static field with the encoded name of the field whose property is <paramref name="property"/>;
    /// its prefix is not the backing fields', so that no property's backing field can take it.
    /// </summary>
    public static string NameField(string property) => "__h3name_" + property;

    public string Property => Spec.PropertyName;

    /// <summary>The index as generated code writes it; a string, so that the emitters' lines are plain concatenations.</summary>
    public string IndexText { get; } = Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
