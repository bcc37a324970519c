using System.Text.Json;
using H3Yun.Benchmarks.Records;

namespace H3Yun.Benchmarks;

/// <summary>
/// Checks, before anything is timed, that the ways compared do the same work: the same JSON written, the same values
/// read. A benchmark that compared different work would measure nothing.
/// </summary>
internal static class Equivalence
{
    public static void CheckWrites(byte[] generated, string newtonsoft, byte[] systemTextJson)
    {
        using var expected = JsonDocument.Parse(generated);
        using var official = JsonDocument.Parse(newtonsoft);
        using var reflection = JsonDocument.Parse(systemTextJson);
        Require(SameValue(expected.RootElement, official.RootElement), "Newtonsoft writes a different BizObject than the generated record.");
        Require(SameValue(expected.RootElement, reflection.RootElement), "System.Text.Json writes a different BizObject than the generated record.");
    }

    public static void CheckWrite(byte[] generated, byte[] other, string way)
    {
        using var expected = JsonDocument.Parse(generated);
        using var actual = JsonDocument.Parse(other);
        Require(SameValue(expected.RootElement, actual.RootElement), $"{way} writes a different BizObject than the generated record.");
    }

    public static void CheckReads(IReadOnlyList<BenchOrder> generated, IReadOnlyList<BenchOrderPoco> newtonsoft, IReadOnlyList<BenchOrderPoco> systemTextJson)
    {
        Require(generated.Count == ReadAnswer.Rows && newtonsoft.Count == ReadAnswer.Rows && systemTextJson.Count == ReadAnswer.Rows, "a way read a different number of records.");
        for (var i = 0; i < generated.Count; i++)
        {
            var expected = Summary(generated[i]);
            Require(expected == Summary(newtonsoft[i]), $"Newtonsoft read record {i} differently: {Summary(newtonsoft[i])} instead of {expected}.");
            Require(expected == Summary(systemTextJson[i]), $"System.Text.Json read record {i} differently: {Summary(systemTextJson[i])} instead of {expected}.");
        }
    }

    // One value of every kind, and every number and date: enough to catch a way that skips or misreads a kind.
    private static string Summary(BenchOrder o) => string.Join(
        '|',
        o.ObjectId, o.CreatedBy, o.CreatedTime, (int?)o.Status, o.SeqNo, o.Text01, o.Text16, o.Memo1, o.Person1, o.Person3, o.Customer1?.ObjectId, o.Customer2?.ObjectId, o.Flag1, o.Flag4,
        o.Amount01, o.Amount02, o.Amount03, o.Amount04, o.Amount05, o.Amount06, o.Amount07, o.Amount08, o.Amount09, o.Amount10,
        o.Count1, o.Count2, o.Count3, o.Count4, o.Serial, o.Date1, o.Date2, o.Date3, o.Date4, o.Date5, o.Date6);

    private static string Summary(BenchOrderPoco o) => string.Join(
        '|',
        o.ObjectId, o.CreatedByObject?.ObjectId, o.CreatedTime, o.Status, o.SeqNo, o.Text01, o.Text16, o.Memo1, o.Person1Object?.ObjectId, o.Person3Object?.ObjectId,
        o.Customer1, o.Customer2, o.Flag1, o.Flag4,
        o.Amount01, o.Amount02, o.Amount03, o.Amount04, o.Amount05, o.Amount06, o.Amount07, o.Amount08, o.Amount09, o.Amount10,
        o.Count1, o.Count2, o.Count3, o.Count4, o.Serial, o.Date1, o.Date2, o.Date3, o.Date4, o.Date5, o.Date6);

    private static bool SameValue(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var members = a.EnumerateObject().ToList();
                return members.Count == b.EnumerateObject().Count()
                    && members.TrueForAll(m => b.TryGetProperty(m.Name, out var other) && SameValue(m.Value, other));
            case JsonValueKind.Array:
                return a.GetArrayLength() == b.GetArrayLength() && a.EnumerateArray().Zip(b.EnumerateArray()).All(static p => SameValue(p.First, p.Second));
            case JsonValueKind.Number:
                return a.GetDecimal() == b.GetDecimal();
            case JsonValueKind.String:
                return a.GetString() == b.GetString();
            default:
                return true;
        }
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException("The benchmark compares different work: " + problem);
        }
    }
}
