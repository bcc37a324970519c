using System.Globalization;
using H3Yun.Benchmarks.Records;
using Newtonsoft.Json.Linq;

namespace H3Yun.Benchmarks.OfficialWay;

/// <summary>
/// The conversions a caller of the official samples writes to get typed values out of a record that Newtonsoft.Json
/// read into a <c>Dictionary&lt;string, object&gt;</c>: integers arrive as <see cref="long"/>, other numbers as
/// <see cref="double"/>, numbers H3Yun sent as text as <see cref="string"/>, companions as <see cref="JObject"/>.
/// </summary>
internal static class DictionaryValues
{
    public const string WriteDateFormat = "yyyy-MM-dd HH:mm:ss";

    private const string ReadDateFormat = "yyyy/M/d H:mm:ss";

    public static string? Text(Dictionary<string, object?> row, string code) =>
        row.TryGetValue(code, out var value) && value is not null ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    public static decimal? Decimal(Dictionary<string, object?> row, string code) => Value(row, code) switch
    {
        null => null,
        string text => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        var number => Convert.ToDecimal(number, CultureInfo.InvariantCulture),
    };

    public static int? Int32(Dictionary<string, object?> row, string code) => Value(row, code) switch
    {
        null => null,
        string text => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
        var number => Convert.ToInt32(number, CultureInfo.InvariantCulture),
    };

    public static long? Int64(Dictionary<string, object?> row, string code) => Value(row, code) switch
    {
        null => null,
        string text => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
        var number => Convert.ToInt64(number, CultureInfo.InvariantCulture),
    };

    public static DateTime? Date(Dictionary<string, object?> row, string code) => Value(row, code) switch
    {
        null => null,
        DateTime date => date,
        var text => DateTime.ParseExact(Convert.ToString(text, CultureInfo.InvariantCulture)!, ReadDateFormat, CultureInfo.InvariantCulture),
    };

    public static bool? Boolean(Dictionary<string, object?> row, string code) => Value(row, code) switch
    {
        null => null,
        bool flag => flag,
        var text => bool.Parse(Convert.ToString(text, CultureInfo.InvariantCulture)!),
    };

    public static UnitPoco? Unit(Dictionary<string, object?> row, string code) =>
        Value(row, code) is JObject unit ? new UnitPoco { ObjectId = (string?)unit["ObjectId"], Name = (string?)unit["Name"] } : null;

    // H3Yun sends empty text for an empty number or date on some tenants.
    private static object? Value(Dictionary<string, object?> row, string code) =>
        row.TryGetValue(code, out var value) && value is not null && value is not string { Length: 0 } ? value : null;
}
