using H3Yun.Benchmarks.Records;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace H3Yun.Benchmarks.OfficialWay;

/// <summary>
/// How H3Yun's official C# samples call the OpenApi: the request and the answer as text, Newtonsoft.Json over
/// <c>Dictionary&lt;string, object&gt;</c>, the records of <c>ReturnData</c> as dictionaries keyed by field code.
/// </summary>
internal static class NewtonsoftWay
{
    public static string WriteBizObject(BenchOrderPoco order) => JsonConvert.SerializeObject(BenchOrderDictionary.ToDictionary(order));

    public static string CreateBizObjectBody(string schemaCode, BenchOrderPoco order) => JsonConvert.SerializeObject(new Dictionary<string, object>
    {
        ["ActionName"] = "CreateBizObject",
        ["SchemaCode"] = schemaCode,
        ["BizObject"] = WriteBizObject(order),
        ["IsSubmit"] = true,
    });

    public static string LoadBizObjectsBody(string schemaCode) => JsonConvert.SerializeObject(new Dictionary<string, object>
    {
        ["ActionName"] = "LoadBizObjects",
        ["SchemaCode"] = schemaCode,
        ["Filter"] = """{"FromRowNum":0,"ToRowNum":500,"RequireCount":true,"ReturnItems":[],"SortByCollection":[],"Matcher":{"Type":"And","Matchers":[]}}""",
    });

    public static List<BenchOrderPoco> ReadBizObjects(string answer)
    {
        var envelope = JsonConvert.DeserializeObject<Dictionary<string, object?>>(answer)
            ?? throw new InvalidOperationException("The answer is not a JSON object.");
        if (envelope["Successful"] is not true)
        {
            throw new InvalidOperationException(Convert.ToString(envelope["ErrorMessage"], System.Globalization.CultureInfo.InvariantCulture));
        }

        var returnData = (JObject)envelope["ReturnData"]!;
        var rows = returnData["BizObjectArray"]!.ToObject<List<Dictionary<string, object?>>>()!;
        var orders = new List<BenchOrderPoco>(rows.Count);
        foreach (var row in rows)
        {
            orders.Add(BenchOrderDictionary.FromDictionary(row));
        }

        return orders;
    }
}
