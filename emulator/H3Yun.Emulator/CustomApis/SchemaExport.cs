using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using H3Yun.Emulator.Schemas;

namespace H3Yun.Emulator;

/// <summary>
/// The built-in custom API <c>H3YunSchemaExportController.ExportSchemas</c>: the forms of the emulator's schema files
/// as far as H3Yun's backend can know them (<c>GetPublishedSchema</c>: code, names, data types, association targets,
/// child tables; never option texts or this project's C# names), so that schema tooling can be tested end to end.
/// The H3Yun-side class that the CLI prints answers the same shape; the emulator README holds the contract.
/// </summary>
internal static class SchemaExport
{
    public const string SchemaCodesParameter = "SchemaCodes";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ValueTask HandleAsync(CustomApiRequest request, CustomApiResponse response, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        var wanted = (request.GetValue(SchemaCodesParameter) ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var forms = new List<FormSchema>();
        if (wanted.Count == 0)
        {
            forms.AddRange(request.Schemas.Forms);
        }
        else
        {
            var unknown = new List<string>();
            foreach (var code in wanted)
            {
                if (request.Schemas.Find(code) is { } form)
                {
                    forms.Add(form);
                }
                else
                {
                    unknown.Add(code);
                }
            }

            if (unknown.Count > 0)
            {
                response.Errors.Add($"根据 SchemaCode 获取 BizObjectSchema 失败: {string.Join(";", unknown)} / unknown SchemaCode(s): {string.Join(", ", unknown)}");
                return ValueTask.CompletedTask;
            }
        }

        var array = new JsonArray([.. forms.Select(form => (JsonNode)Describe(form))]);
        response.ReturnData["Schemas"] = array.ToJsonString(Compact);
        return ValueTask.CompletedTask;
    }

    private static JsonObject Describe(FormSchema form)
    {
        var described = new JsonObject { ["SchemaCode"] = form.SchemaCode };
        if (form.DisplayName is not null)
        {
            described["DisplayName"] = form.DisplayName;
        }

        described["Properties"] = new JsonArray([.. form.Fields.Select(field => (JsonNode)Describe(field))]);
        return described;
    }

    private static JsonObject Describe(FieldSchema field)
    {
        var described = new JsonObject { ["Name"] = field.Code };
        if (field.DisplayName is not null)
        {
            described["DisplayName"] = field.DisplayName;
        }

        described["DataType"] = field.IsChildTable ? (int)BizDataType.BizObjectArray : (int)field.DataType;
        if (field.AssociationSchemaCode is not null)
        {
            described["AssociationSchemaCode"] = field.AssociationSchemaCode;
        }

        if (field.ChildSchema is not null)
        {
            described["ChildSchema"] = Describe(field.ChildSchema);
        }

        return described;
    }
}
