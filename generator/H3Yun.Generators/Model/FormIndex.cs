using System.Linq;
using H3Yun.Generators.Diagnostics;

namespace H3Yun.Generators.Model;

/// <summary>
/// The project's forms as mapped classes see them: location-free, and looked up per class, so that an edit of a
/// schema file rebinds only the classes whose form it changes.
/// </summary>
internal sealed record FormIndex(EquatableArray<FormSpec> Forms)
{
    /// <summary>What <paramref name="mapped"/> needs from the index, and nothing more.</summary>
    public MappedClassForm Lookup(MappedClassSpec mapped)
    {
        var form = Forms.FirstOrDefault(f => f.SchemaCode == mapped.SchemaCode);
        var twin = Forms.FirstOrDefault(f => f.Type.Qualified == mapped.QualifiedName);
        var suggestion = form is not null ? null
            : Forms.Count == 0 ? "Add the form's schema file to the project."
            : ClosestCodes.Suggest(mapped.SchemaCode ?? string.Empty, Forms.Select(static f => (f.SchemaCode, f.DisplayName)), "form");
        return new MappedClassForm(mapped, form, twin is null ? null : (System.IO.Path.GetFileName(twin.FilePath), twin.SchemaCode), suggestion);
    }
}

/// <summary>A mapped class with the form it names, if the project has it.</summary>
/// <param name="Class">The class.</param>
/// <param name="Form">The form its attribute names; null when no schema file declares it.</param>
/// <param name="GeneratedTwin">The schema file and SchemaCode of a generated class of the same name, which the class must not be.</param>
/// <param name="Suggestion">Without a form: the closest SchemaCodes, or how to add one.</param>
internal sealed record MappedClassForm(MappedClassSpec Class, FormSpec? Form, (string File, string SchemaCode)? GeneratedTwin, string? Suggestion);
