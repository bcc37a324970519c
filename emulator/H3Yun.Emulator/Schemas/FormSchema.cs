using System.Collections.Generic;

namespace H3Yun.Emulator.Schemas;

/// <summary>A form (or child table) and the field codes a client may write to it.</summary>
internal sealed class FormSchema
{
    private readonly Dictionary<string, FieldSchema> _byCode;

    public FormSchema(string schemaCode, string? displayName, IReadOnlyList<FieldSchema> fields)
    {
        SchemaCode = schemaCode;
        DisplayName = displayName;
        Fields = fields;
        _byCode = new Dictionary<string, FieldSchema>(fields.Count, System.StringComparer.Ordinal);
        foreach (var field in fields)
        {
            _byCode[field.Code] = field;
        }
    }

    public string SchemaCode { get; }

    public string? DisplayName { get; }

    /// <summary>The form's own fields in file order; system fields are not listed here.</summary>
    public IReadOnlyList<FieldSchema> Fields { get; }

    /// <summary>Whether the schema file lists the 流水号 field <c>SeqNo</c>: only such forms number records in strict mode.</summary>
    public bool HasSeqNo { get; init; }

    public FieldSchema? Find(string code) => _byCode.GetValueOrDefault(code);

    public string Describe() => DisplayName is null ? SchemaCode : $"{SchemaCode} ({DisplayName})";
}

/// <summary>One field of a form.</summary>
internal sealed record FieldSchema(string Code, string? DisplayName, BizDataType DataType, bool Multiple, FormSchema? ChildSchema)
{
    public bool IsChildTable => ChildSchema is not null;

    /// <summary>Attachment (附件) and image (图片) fields: filled by UploadAttachment only, never through BizObject.</summary>
    public bool IsAttachment => DataType is BizDataType.File or BizDataType.Image;

    /// <summary>The form a 关联表单 field points at, when the schema file names it.</summary>
    public string? AssociationSchemaCode { get; init; }
}
