namespace H3Yun.Cli.Tests;

/// <summary>
/// Stand-ins for the members of H3Yun's backend the export class uses, as H3Yun's published backend documentation describes them (docs/protocol.md#form-schemas)
/// (<c>H3.SmartForm.RestApiController</c>, <c>RestApiRequest.GetValue&lt;T&gt;</c>, <c>RestApiResponse.ReturnData/Errors</c>,
/// <c>Engine.BizObjectManager.GetPublishedSchema</c>, <c>Engine.Query.QueryTable</c>, <c>BizObjectSchema</c>,
/// <c>PropertySchema</c>, <c>H3.Data.BizDataType</c>), filled from schema files with the system fields every H3Yun form
/// has, so that the class is seen to skip them.
/// </summary>
internal static class BackendStandIns
{
    public static string Source(bool withAssociationMember) => """
        using System;
        using System.Collections.Generic;
        using System.Data;
        using System.IO;
        using System.Linq;
        using System.Text.Json;
        using System.Text.Json.Nodes;

        namespace H3.Data
        {
            public enum BizDataType { Unspecified = -1, Bool = 1, DateTime = 5, Double = 7, Int = 9, Long = 11, String = 13, ShortString = 14, ByteArray = 20, Image = 23, File = 24, TimeSpan = 25, Unit = 26, UnitArray = 27, Html = 30, Xml = 32, BizObject = 40, BizObjectArray = 41, BizStructure = 42, BizStructureArray = 43, Association = 50, Map = 55, Address = 56 }
        }

        namespace H3.DataModel
        {
            public class PropertySchema
            {
                public string Name { get; set; }
                public string DisplayName { get; set; }
                public H3.Data.BizDataType DataType { get; set; }
                public BizObjectSchema ChildSchema { get; set; }
                ASSOCIATION_MEMBER
            }

            public class BizObjectSchema
            {
                public string SchemaCode { get; set; }
                public string DisplayName { get; set; }
                public PropertySchema[] Properties { get; set; }
            }

            public class BizObjectManager
            {
                public Dictionary<string, BizObjectSchema> Published { get; } = new();
                public BizObjectSchema GetPublishedSchema(string code) => Published.TryGetValue(code, out var schema) ? schema : null;
            }
        }

        namespace H3
        {
            public class Query
            {
                public DataTable Table { get; } = new();
                public DataTable QueryTable(string sql, object parameters) => sql == "SELECT SchemaCode FROM H_PublishedBizObjectSchema" ? Table : throw new InvalidOperationException(sql);
            }

            public class Engine
            {
                public H3.DataModel.BizObjectManager BizObjectManager { get; } = new();
                public Query Query { get; } = new();

                private static readonly (string Code, H3.Data.BizDataType Type)[] FormSystemFields =
                    [("ObjectId", H3.Data.BizDataType.ShortString), ("Name", H3.Data.BizDataType.ShortString), ("CreatedBy", H3.Data.BizDataType.Unit), ("OwnerId", H3.Data.BizDataType.Unit),
                     ("OwnerDeptId", H3.Data.BizDataType.Unit), ("CreatedTime", H3.Data.BizDataType.DateTime), ("ModifiedBy", H3.Data.BizDataType.Unit), ("ModifiedTime", H3.Data.BizDataType.DateTime),
                     ("WorkflowInstanceId", H3.Data.BizDataType.ShortString), ("Status", H3.Data.BizDataType.Int), ("SeqNo", H3.Data.BizDataType.ShortString)];

                private static readonly (string Code, H3.Data.BizDataType Type)[] RowSystemFields =
                    [("ObjectId", H3.Data.BizDataType.ShortString), ("ParentObjectId", H3.Data.BizDataType.ShortString), ("Name", H3.Data.BizDataType.ShortString)];

                /// <summary>Every form of the files is published, child tables too, as H_PublishedBizObjectSchema lists them.</summary>
                public static Engine FromSchemaFiles(string[] files)
                {
                    var engine = new Engine();
                    engine.Query.Table.Columns.Add("SchemaCode", typeof(string));
                    foreach (var file in files)
                    {
                        Publish(engine, JsonNode.Parse(File.ReadAllText(file), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject(), FormSystemFields);
                    }

                    return engine;
                }

                private static H3.DataModel.BizObjectSchema Publish(Engine engine, JsonObject form, (string Code, H3.Data.BizDataType Type)[] systemFields)
                {
                    var properties = systemFields.Select(f => new H3.DataModel.PropertySchema { Name = f.Code, DisplayName = f.Code, DataType = f.Type }).ToList();
                    foreach (var node in form["Properties"]!.AsArray())
                    {
                        var field = node!.AsObject();
                        var typeText = field["DataType"]!.ToString();
                        var property = new H3.DataModel.PropertySchema
                        {
                            Name = (string)field["Name"]!,
                            DisplayName = (string?)field["DisplayName"],
                            DataType = int.TryParse(typeText, out var number) ? (H3.Data.BizDataType)number : Enum.Parse<H3.Data.BizDataType>(typeText, ignoreCase: true),
                        };
                        SET_ASSOCIATION
                        if (field["ChildSchema"] is JsonObject child)
                        {
                            property.ChildSchema = Publish(engine, child, RowSystemFields);
                        }

                        properties.Add(property);
                    }

                    var schema = new H3.DataModel.BizObjectSchema { SchemaCode = (string)form["SchemaCode"]!, DisplayName = (string?)form["DisplayName"], Properties = properties.ToArray() };
                    engine.BizObjectManager.Published[schema.SchemaCode] = schema;
                    engine.Query.Table.Rows.Add(schema.SchemaCode);
                    return schema;
                }
            }
        }

        namespace H3.SmartForm
        {
            public class RestApiRequest
            {
                private readonly Dictionary<string, string> _values;
                public RestApiRequest(H3.Engine engine, Dictionary<string, string> values) { Engine = engine; _values = values; }
                public H3.Engine Engine { get; }
                public T GetValue<T>(string name, T defaultValue) => _values.TryGetValue(name, out var value) ? (T)(object)value : defaultValue;
            }

            public class RestApiResponse
            {
                public Dictionary<string, object> ReturnData { get; } = new();
                public List<string> Errors { get; } = new();
            }

            public abstract class RestApiController
            {
                protected RestApiController(RestApiRequest request) { Request = request; }
                public RestApiRequest Request { get; }
                protected abstract void OnInvoke(string actionName, RestApiResponse response);
                public string Serialize(object value) => JsonSerializer.Serialize(value, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            }
        }
        """
        .Replace("ASSOCIATION_MEMBER", withAssociationMember ? "public string AssociationSchemaCode { get; set; }" : "", StringComparison.Ordinal)
        .Replace("SET_ASSOCIATION", withAssociationMember ? "property.AssociationSchemaCode = (string?)field[\"AssociationSchemaCode\"];" : "", StringComparison.Ordinal);
}
