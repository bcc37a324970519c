using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using H3Yun.Generators.Model;
using H3Yun.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace H3Yun.Generators.Analysis;

/// <summary>The field codes of one form, as the analyzer checks them.</summary>
internal sealed class FormCodes(FormSpec form)
{
    public FormSpec Form { get; } = form;

    /// <summary>Whether <paramref name="code"/> names a field of the form, a child table, or a field of a child table.</summary>
    /// <remarks>Child-table fields are accepted too: the check must never fail code that H3Yun may accept.</remarks>
    public bool IsKnown(string code) =>
        SystemFields.IsSystemMember(code)
        || Form.Fields.Any(f => f.Code == code || (f.ChildTable is { } table && table.Fields.Any(c => c.Code == code || f.Code + "." + c.Code == code)));

    /// <summary>The codes a member of a child table's row may have, or null when <paramref name="code"/> is not a child table.</summary>
    public FormCodes? ChildTable(string code) =>
        Form.Fields.FirstOrDefault(f => f.Code == code)?.ChildTable is { } table
            ? new FormCodes(new FormSpec(table.SchemaCode, table.DisplayName, table.ClassName, null, table.Fields, Form.FilePath))
            : null;

    public IEnumerable<(string Code, string DisplayName)> Suggestions =>
        Form.Fields.Select(static f => (f.Code, f.DisplayName));
}

/// <summary>
/// The project's forms by SchemaCode, read from the <c>*.h3form.json</c> additional files with the generator's own
/// parser, so that the analyzer and the generator agree on every code.
/// </summary>
internal sealed class FormCatalog
{
    // Editors start a compilation on every keystroke; a schema file's text object survives them, so it is parsed once.
    private static readonly ConditionalWeakTable<SourceText, SchemaFile> Parsed = new();

    private readonly Dictionary<string, FormCodes> _forms;

    private FormCatalog(Dictionary<string, FormCodes> forms) => _forms = forms;

    public bool IsEmpty => _forms.Count == 0;

    public static FormCatalog Load(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        var forms = new Dictionary<string, FormCodes>(StringComparer.Ordinal);
        foreach (var file in files
            .Where(static f => f.Path.EndsWith(SchemaPipeline.SchemaFileSuffix, StringComparison.OrdinalIgnoreCase))
            .OrderBy(static f => f.Path, StringComparer.Ordinal))
        {
            var text = file.GetText(cancellationToken);
            var parsed = text is null
                ? null
                : Parsed.GetValue(text, t => SchemaFileParser.Parse(file.Path, t, cancellationToken));
            if (parsed?.Form is { } form && !forms.ContainsKey(form.SchemaCode))
            {
                forms.Add(form.SchemaCode, new FormCodes(form));
            }
        }

        return new FormCatalog(forms);
    }

    public FormCodes? Find(string? schemaCode) =>
        schemaCode is not null && _forms.TryGetValue(schemaCode, out var form) ? form : null;
}
