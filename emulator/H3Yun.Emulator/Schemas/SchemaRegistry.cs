using System;
using System.Collections.Generic;
using System.IO;
using H3Yun.Emulator.Protocol;

namespace H3Yun.Emulator.Schemas;

/// <summary>The forms this emulator knows; empty means schema-less mode, where every SchemaCode is accepted.</summary>
internal sealed class SchemaRegistry
{
    private readonly Dictionary<string, FormSchema> _forms;
    private readonly Dictionary<string, (FormSchema Parent, FieldSchema Table)> _childTables = new(StringComparer.Ordinal);

    private SchemaRegistry(Dictionary<string, FormSchema> forms)
    {
        _forms = forms;
        foreach (var form in forms.Values)
        {
            foreach (var field in form.Fields)
            {
                if (field.IsChildTable)
                {
                    _childTables.TryAdd(field.ChildSchema?.SchemaCode ?? field.Code, (form, field));
                }
            }
        }
    }

    /// <summary>Every form, in SchemaCode order.</summary>
    public IEnumerable<FormSchema> Forms => System.Linq.Enumerable.OrderBy(_forms.Values, form => form.SchemaCode, StringComparer.Ordinal);

    public bool IsSchemaLess => _forms.Count == 0;

    public int FormCount => _forms.Count;

    public static SchemaRegistry Load(IEnumerable<string> files)
    {
        var forms = new Dictionary<string, FormSchema>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var form = SchemaLoader.LoadFile(file);
            if (!forms.TryAdd(form.SchemaCode, form))
            {
                throw new InvalidDataException($"Schema file '{file}': SchemaCode '{form.SchemaCode}' is already defined by another file");
            }
        }

        return new SchemaRegistry(forms);
    }

    /// <summary>The main form with this SchemaCode, or null.</summary>
    public FormSchema? Find(string schemaCode) => _forms.GetValueOrDefault(schemaCode);

    /// <summary>The main form and child-table field of a child table's SchemaCode, or null when no form has such a table.</summary>
    public (FormSchema Parent, FieldSchema Table)? FindChildTable(string childSchemaCode) =>
        _childTables.TryGetValue(childSchemaCode, out var found) ? found : null;

    /// <summary>The form for a SchemaCode: null in schema-less mode, and H3Yun's own error text for an unknown code.</summary>
    public FormSchema? Resolve(string schemaCode)
    {
        if (IsSchemaLess)
        {
            return null;
        }

        return _forms.TryGetValue(schemaCode, out var form)
            ? form
            : throw new H3RequestException($"根据 SchemaCode 获取 BizObjectSchema 失败: {schemaCode} / unknown SchemaCode: {schemaCode}");
    }
}
