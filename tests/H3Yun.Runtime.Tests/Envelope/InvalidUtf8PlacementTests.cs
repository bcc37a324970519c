using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// An answer's UTF-8 is checked where its strings are read or kept, not all at once. These tests put bytes that are
/// not UTF-8 into every place inside every string of one answer, one place at a time, and hold the read to one rule:
/// it fails as a protocol error naming the first invalid byte, or it reads exactly what the answer without that
/// member reads (the bytes lay where nothing reads them, and went with the member); and what it read writes back.
/// </summary>
public class InvalidUtf8PlacementTests
{
    private const string OrderId = "7d1c0a4e-0000-4000-8000-000000000001";

    // Every kind of place: envelope members, a record's fields, a person with its companion, a child row with a
    // member the schema does not list; and three values nothing reads, marked "unread".
    private static readonly byte[] Answer = Encoding.UTF8.GetBytes("""
        {"Successful":true,"ErrorMessage":null,"Trace":"unread-envelope","ReturnData":{"BizObject":{
          "ObjectId":"ORDER-ID","Name":"订单 SO-1","F0000001":"SO-1 \u6c99\u4e18","F0000003":"2026-12-02 09:30:00",
          "F0000004":"12.50","F0000999":"unread-record",
          "OwnerId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","OwnerIdObject":{"ObjectId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","Name":"张三"},
          "D000024FOrderLines":[
            {"ObjectId":"r-1","ParentObjectId":"ORDER-ID","ParentPropertyName":"unread-row","F0000011":"小部件","F0000012":"2",
             "F0000099":"added in H3Yun after the export: 备注"}]}}}
        """.Replace("ORDER-ID", OrderId, StringComparison.Ordinal));

    private static readonly JsonSerializerOptions ChineseAsItIs = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly byte[][] InvalidSequences =
    [
        [0xFF],             // never valid
        [0xC3],             // a lead byte without its continuation
        [0xED, 0xA0, 0x80], // an encoded surrogate (CESU-8)
        [0xC0, 0xAF],       // an overlong '/'
    ];

    public static TheoryData<int> InvalidSequenceIndexes => [.. Enumerable.Range(0, InvalidSequences.Length)];

    [Fact]
    public async Task The_answer_reads_whole()
    {
        var (order, error) = await LoadAsync(Answer);

        Assert.Null(error);
        Assert.Equal(
            $"{OrderId}|订单 SO-1|SO-1 沙丘|2026-12-02T09:30:00.0000000|12.50|3f2504e0-4f89-41d3-9a0c-0305e82c3301|张三|r-1|{OrderId}|小部件|2|F0000099=\"added in H3Yun after the export: 备注\"",
            Observe(order));
        Assert.Equal(3, StringTokens().Count(static t => t.IsUnreadValue));
    }

    [Theory]
    [MemberData(nameof(InvalidSequenceIndexes))]
    public async Task Invalid_bytes_anywhere_in_a_string_fail_the_read_or_go_with_a_member_nothing_reads(int sequence)
    {
        var invalid = InvalidSequences[sequence];
        var tokens = StringTokens();
        var places = 0;
        foreach (var token in tokens)
        {
            var (withoutMember, _) = await LoadAsync(Without(token.Path));
            for (var place = token.Start; place <= token.End; place++, places++)
            {
                var (order, error) = await LoadAsync([.. Answer.AsSpan(0, place), .. invalid, .. Answer.AsSpan(place)]);

                var where = $"byte {place}, in '{Encoding.UTF8.GetString(Answer.AsSpan()[Math.Max(0, place - 20)..Math.Min(Answer.Length, place + 10)])}'";
                if (error is not null)
                {
                    Assert.True(error is H3YunProtocolException && error.Message.Contains($"not valid UTF-8 (at byte {StartOfCharacter(place)})", StringComparison.Ordinal), $"{where}: {error}");
                    Assert.False(token.IsUnreadValue, $"{where}: a value nothing reads failed the read");
                }
                else
                {
                    Assert.True(Observe(withoutMember) == Observe(order), $"{where}: read {Observe(order)}, without the member {Observe(withoutMember)}");
                    await WriteBackAsync(order!);
                }
            }
        }

        Assert.True(places > 500, $"only {places} places");
    }

    private static async Task<(SalesOrder? Order, Exception? Error)> LoadAsync(byte[] answer)
    {
        var h3yun = new FakeH3Yun().Answer(HttpStatusCode.OK, answer);
        using var client = h3yun.CreateClient();
        try
        {
            return (await new SalesOrderRepository(client).LoadAsync(OrderId), null);
        }
        catch (H3YunException error)
        {
            return (null, error);
        }
    }

    private static string Observe(SalesOrder? order) => order is null ? "no record" : string.Join(
        '|',
        [
            order.ObjectId, order.Name, order.OrderNumber, order.OrderDate?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            order.Amount?.ToString(System.Globalization.CultureInfo.InvariantCulture), order.OwnerId, order.OwnerIdObject?.Name,
            .. order.Lines.SelectMany(static row => new[]
            {
                row.ObjectId, row.ParentObjectId, row.Product, row.Quantity?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                string.Join(',', row.UnknownMembers.Select(static m => $"{m.Key}={m.Value.GetRawText()}")),
            }),
        ]);

    // What the read kept goes back out: a changed row is re-sent whole, with the member the schema does not list.
    private static async Task WriteBackAsync(SalesOrder order)
    {
        if (order.Lines.Count == 0)
        {
            return;
        }

        var h3yun = new FakeH3Yun().AnswerSuccess();
        using var client = h3yun.CreateClient();
        order.Lines[0].Quantity = 3;
        await new SalesOrderRepository(client).UpdateAsync(order);
        var row = JsonAssert.Parse(h3yun.Calls[0].Body)["BizObject"]!["D000024FOrderLines"]![0]!;
        Assert.Equal("3", row["F0000012"]!.ToJsonString());
        Assert.Equal(order.Lines[0].UnknownMembers.Count, row.AsObject().Count(static m => m.Key == "F0000099"));
    }

    // Bytes put into the middle of a Chinese character make the character's own bytes the first invalid ones.
    private static int StartOfCharacter(int place)
    {
        while ((Answer[place] & 0b1100_0000) == 0b1000_0000)
        {
            place--;
        }

        return place;
    }

    /// <summary>The answer without the member at <paramref name="path"/>.</summary>
    private static byte[] Without(IReadOnlyList<string> path)
    {
        var root = JsonNode.Parse(Answer)!;
        var parent = path.SkipLast(1).Aggregate(root, static (node, segment) => segment.StartsWith('[') ? node[int.Parse(segment[1..^1], System.Globalization.CultureInfo.InvariantCulture)]! : node[segment]!);
        if (path[^1].StartsWith('['))
        {
            parent.AsArray().RemoveAt(int.Parse(path[^1][1..^1], System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            parent.AsObject().Remove(path[^1]);
        }

        return JsonSerializer.SerializeToUtf8Bytes(root, ChineseAsItIs);
    }

    /// <summary>Every name and string value of the answer: where its text lies, and the path of the member it belongs to.</summary>
    private static List<StringToken> StringTokens()
    {
        var tokens = new List<StringToken>();
        var path = new List<string>();
        var nextIndex = new Stack<int?>(); // per open container: the next item's index in an array, null in an object
        var reader = new Utf8JsonReader(Answer);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    path.Add(reader.GetString()!);
                    tokens.Add(StringToken.At(ref reader, path, isUnreadValue: false));
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    StartValue();
                    nextIndex.Push(reader.TokenType == JsonTokenType.StartArray ? 0 : null);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    nextIndex.Pop();
                    EndValue();
                    break;
                case JsonTokenType.String:
                    StartValue();
                    tokens.Add(StringToken.At(ref reader, path, isUnreadValue: reader.ValueSpan.StartsWith("unread-"u8)));
                    EndValue();
                    break;
                default:
                    StartValue();
                    EndValue();
                    break;
            }
        }

        return tokens;

        void StartValue()
        {
            if (nextIndex.TryPeek(out var index) && index is { } i)
            {
                path.Add($"[{i}]");
                nextIndex.Pop();
                nextIndex.Push(i + 1);
            }
        }

        void EndValue()
        {
            if (nextIndex.Count > 0)
            {
                path.RemoveAt(path.Count - 1);
            }
        }
    }

    /// <summary>A string of the answer: the places an inserted byte lands inside it (after its opening quote up to its closing one).</summary>
    private sealed record StringToken(int Start, int End, string[] Path, bool IsUnreadValue)
    {
        public static StringToken At(ref Utf8JsonReader reader, List<string> path, bool isUnreadValue)
        {
            var start = (int)reader.TokenStartIndex + 1;
            return new(start, start + reader.ValueSpan.Length, [.. path], isUnreadValue);
        }
    }
}
