using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CsCheck;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests.Fuzzing;

/// <summary>
/// Mutated and retyped requests (from H3Yun's published samples, docs/protocol.md#sources) and seed files: the emulator must answer every one
/// with H3Yun's envelope or a clear refusal, never with an internal error, and a bad seed only with InvalidDataException.
/// </summary>
public class RequestFuzzTests
{
    private const string Order = EmulatorSession.OrderForm;

    private static readonly string[] Samples =
    [
        $$"""{"ActionName":"CreateBizObject","SchemaCode":"{{Order}}","BizObject":"{\"F0000001\":\"x\",\"F0000002\":12.5,\"F0000003\":\"2026-01-01 08:00:00\",\"F0000004\":true,\"F0000005\":3,\"F0000007\":\"a;b\",\"F0000008\":[\"紧急\"],\"D000100FLines\":[{\"F0000011\":\"螺丝\",\"F0000013\":1}]}","IsSubmit":"true"}""",
        $$"""{"ActionName":"CreateBizObjects","SchemaCode":"{{Order}}","BizObjectArray":["{\"F0000001\":\"a\"}","{\"F0000002\":\"7\"}"],"IsSubmit":false}""",
        $$"""{"ActionName":"UpdateBizObject","SchemaCode":"{{Order}}","BizObjectId":"60561b8e-2296-419a-a647-842ea587941b","BizObject":"{\"F0000001\":\"y\",\"D000100FLines\":[{\"ObjectId\":\"6c1d0bd4-8a3e-4a43-9df0-1ee3e4a2a111\",\"F0000011\":\"r\"}]}"}""",
        $$$"""{"ActionName":"LoadBizObjects","SchemaCode":"{{{Order}}}","Filter":"{\"FromRowNum\":0,\"ToRowNum\":500,\"RequireCount\":true,\"ReturnItems\":[\"F0000001\"],\"SortByCollection\":[{\"ItemName\":\"F0000002\",\"Direction\":\"Descending\"}],\"Matcher\":{\"Type\":\"And\",\"Matchers\":[{\"Type\":\"Item\",\"Name\":\"F0000001\",\"Operator\":8,\"Value\":\"x\"},{\"Type\":\"Or\",\"Matchers\":[{\"Type\":\"Item\",\"Name\":\"F0000002\",\"Operator\":6,\"Value\":[1,2]}]}]}}"}""",
        $$"""{"ActionName":"LoadBizObject","SchemaCode":"{{Order}}","BizObjectId":"b1540570-d463-4325-8ca1-759ec3d7aa03"}""",
        $$"""{"ActionName":"RemoveBizObject","SchemaCode":"{{Order}}","BizObjectId":"46961303-6fcf-486b-9260-dcaacf1b5802"}""",
        """{"ActionName":"ExportSchemas","Controller":"H3YunSchemaExportController","AppCode":"D000024Emulator","SchemaCodes":"D000100Order;x"}""",
        """{"ActionName":"LoadBizObject","SchemaCode":"D000100FLines","BizObjectId":"6c1d0bd4-8a3e-4a43-9df0-1ee3e4a2a111"}""",
    ];

    private static readonly string[] Fragments = ["{", "}", "[", "]", "\"", ":", ",", "\\", "null", "true", "1e400", "-0", "\"\"", "\u0000", "💥", "{\"Type\":\"Item\"}", "[[[[[[[[", "9999999999999999999999"];

    private static readonly JsonNode?[] Replacements =
    [
        null, JsonValue.Create(true), JsonValue.Create(-1), JsonValue.Create(1e300), JsonValue.Create(""), JsonValue.Create("{"), JsonValue.Create("[1,"),
        new JsonArray(), new JsonArray(JsonValue.Create("x"), null), new JsonObject(), JsonValue.Create("{\"Type\":\"Nope\"}"), JsonValue.Create(new string('[', 200)),
    ];

    /// <summary>Text mutations (cut, insert, splice) and JSON mutations (a member, or a member inside an embedded JSON string, retyped).</summary>
    private static Gen<string> Mutated { get; } = Gen.Select(
        Gen.Int[0, Samples.Length - 1],
        Gen.Int[0, 3],
        Gen.Int[0, 100_000],
        Gen.Int[0, 40],
        Gen.Int[0, Fragments.Length - 1],
        Gen.Int[0, Replacements.Length - 1],
        (sample, kind, position, length, fragment, replacement) => Mutate(Samples[sample], kind, position, length, Fragments[fragment], Replacements[replacement]));

    [Fact]
    public async Task Every_mutated_request_gets_an_envelope_and_never_an_internal_error()
    {
        var options = EmulatorSession.SchemaOptions();
        options.CustomApis.AddSchemaExport();
        await using var api = await EmulatorSession.StartAsync(options);

        await Mutated.SampleAsync(
            async body =>
            {
                using var response = await api.PostAsync(body, api.Emulator.EngineCode, api.Emulator.EngineSecret);
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"HTTP {(int)response.StatusCode}: {text}");
                var envelope = JsonNode.Parse(text)!.AsObject();
                Assert.True((bool)envelope["Successful"]! || !string.IsNullOrWhiteSpace((string?)envelope["ErrorMessage"]), text);
            },
            iter: LongRuns.Iterations(400),
            threads: 1);

        Assert.DoesNotContain(api.Emulator.Requests, request => request.Outcome == RequestOutcome.EmulatorError);
    }

    [Fact]
    public async Task Every_mutated_seed_is_imported_or_refused_with_InvalidDataException_and_a_refused_one_stores_nothing()
    {
        await using var source = await EmulatorSession.StartWithSchemasAsync();
        await source.CreateAsync(Order, """{"F0000001":"x","F0000002":1.5,"D000100FLines":[{"F0000011":"r"}]}""");
        using var exported = new MemoryStream();
        await source.Emulator.ExportAsync(exported);
        var seed = Encoding.UTF8.GetString(exported.ToArray());
        await using var target = await EmulatorSession.StartWithSchemasAsync();

        await Gen.Select(Gen.Int[0, 3], Gen.Int[0, 100_000], Gen.Int[0, 40], Gen.Int[0, Fragments.Length - 1], Gen.Int[0, Replacements.Length - 1], (kind, position, length, fragment, replacement) => Mutate(seed, kind, position, length, Fragments[fragment], Replacements[replacement]))
            .SampleAsync(
                async mutated =>
                {
                    target.Emulator.Clear();
                    try
                    {
                        await target.Emulator.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(mutated)));
                    }
                    catch (InvalidDataException)
                    {
                        Assert.Equal(0, target.Emulator.Count(Order));
                        return;
                    }

                    // What was imported is served like any record, and is what the emulator exports again: an
                    // export imported into an empty emulator exports the same bytes, so nothing was half-taken.
                    var listed = await target.QueryAsync(Order, """{"FromRowNum":0,"ToRowNum":500,"RequireCount":true,"ReturnItems":[],"SortByCollection":[],"Matcher":{"Type":"And","Matchers":[]}}""");
                    Assert.Equal(target.Emulator.Count(Order), (int)listed["TotalCount"]!);
                    var first = await ExportAsync(target.Emulator);
                    target.Emulator.Clear();
                    await target.Emulator.ImportAsync(new MemoryStream(first));
                    Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(await ExportAsync(target.Emulator)));
                    Assert.DoesNotContain(target.Emulator.Requests, request => request.Outcome == RequestOutcome.EmulatorError);
                },
                iter: LongRuns.Iterations(300),
                threads: 1);
    }

    private static async Task<byte[]> ExportAsync(H3YunEmulator emulator)
    {
        using var exported = new MemoryStream();
        await emulator.ExportAsync(exported);
        return exported.ToArray();
    }

    private static string Mutate(string sample, int kind, int position, int length, string fragment, JsonNode? replacement)
    {
        position %= sample.Length + 1;
        length = Math.Min(length, sample.Length - position);
        switch (kind)
        {
            case 0:
                return sample.Remove(position, length);
            case 1:
                return sample.Insert(position, fragment);
            case 2:
                return string.Concat(sample.AsSpan(0, position), fragment, sample.AsSpan(position + length));
            default:
                var root = Unwrap(JsonNode.Parse(sample)!);
                var members = Members(root).ToList();
                var (parent, name) = members[position % members.Count];
                parent[name] = replacement?.DeepClone();
                return root.ToJsonString();
        }
    }

    /// <summary>Strings that hold JSON (BizObject, Filter, rows) become the JSON itself, which the emulator also takes, so that their members can be retyped too.</summary>
    private static JsonNode Unwrap(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    obj[name] = value is null ? null : Unwrap(value.DeepClone());
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = array[i] is { } item ? Unwrap(item.DeepClone()) : null;
                }

                return array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().TrimStart() is ['{' or '[', ..]:
                try
                {
                    return Unwrap(JsonNode.Parse(value.GetValue<string>())!);
                }
                catch (JsonException)
                {
                    return value;
                }

            default:
                return node;
        }
    }

    /// <summary>Every member of every object, as (object, name).</summary>
    private static System.Collections.Generic.IEnumerable<(JsonObject Parent, string Name)> Members(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    yield return (obj, name);
                    if (value is not null)
                    {
                        foreach (var inner in Members(value))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        foreach (var inner in Members(item))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
        }
    }

}
