using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests.Standalone;

/// <summary>
/// Each serve flag changes what the emulator does, seen over HTTP as a client sees it: the flag against its default,
/// so that a flag parsed but never passed on to the option fails here, not only its presence in <c>--help</c>.
/// </summary>
public partial class FlagEffectTests
{
    private const string Order = EmulatorSession.OrderForm;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Missing_record_decides_how_a_load_of_an_unknown_id_is_answered(bool flag)
    {
        var envelope = await ServeAsync(flag ? ["--missing-record", "NotFoundError"] : [], async h3yun =>
            await h3yun.InvokeAsync(new JsonObject { ["ActionName"] = "LoadBizObject", ["SchemaCode"] = Order, ["BizObjectId"] = "no-such-id" }));

        Assert.Equal(!flag, (bool)envelope["Successful"]!);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Rate_limit_with_its_refusal_answers_the_excess_with_http_429(bool flag)
    {
        var statuses = await ServeAsync(flag ? ["--rate-limit", "1", "--rate-limit-refusal", "Http429"] : [], async h3yun =>
        {
            var seen = new List<HttpStatusCode>();
            for (var i = 0; i < 3; i++)
            {
                seen.Add(await h3yun.StatusOfAsync(new JsonObject { ["ActionName"] = "LoadBizObject", ["SchemaCode"] = Order, ["BizObjectId"] = "x" }));
            }

            return seen;
        });

        Assert.Equal(flag, statuses.Contains(HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Strict_reads_numbers_as_strings(bool flag)
    {
        var amount = await ServeAsync(flag ? ["--strict"] : [], async h3yun =>
        {
            var id = await h3yun.CreateAsync(new JsonObject { ["F0000001"] = "A", ["F0000002"] = 12.5 });
            var loaded = await h3yun.InvokeAsync(new JsonObject { ["ActionName"] = "LoadBizObject", ["SchemaCode"] = Order, ["BizObjectId"] = id });
            return loaded["ReturnData"]!["BizObject"]!["F0000002"]!;
        });

        Assert.Equal(flag ? System.Text.Json.JsonValueKind.String : System.Text.Json.JsonValueKind.Number, amount.GetValueKind());
    }

    [Theory]
    [InlineData("Replace", false, true)]
    [InlineData("MergeByObjectId", true, true)]
    [InlineData("ReplaceWithNewIds", false, false)]
    public async Task Child_rows_decides_what_an_update_does_to_a_row_it_sends_in_part(string mode, bool keepsUnsentMember, bool keepsId)
    {
        var (price, sameId) = await ServeAsync(["--child-rows", mode], async h3yun =>
        {
            var id = await h3yun.CreateAsync(new JsonObject
            {
                ["F0000001"] = "A",
                ["D000100FLines"] = new JsonArray(new JsonObject { ["F0000011"] = "one", ["F0000013"] = 9.5 }),
            });
            var rowId = (string?)(await LinesAsync(h3yun, id))[0]!["ObjectId"];
            var change = new JsonObject { ["D000100FLines"] = new JsonArray(new JsonObject { ["ObjectId"] = rowId, ["F0000011"] = "one, changed" }) };
            await h3yun.InvokeAsync(new JsonObject { ["ActionName"] = "UpdateBizObject", ["SchemaCode"] = Order, ["BizObjectId"] = id, ["BizObject"] = change.ToJsonString() });
            var row = (await LinesAsync(h3yun, id))[0]!;
            return (row["F0000013"]?.ToString(), (string?)row["ObjectId"] == rowId);
        });

        Assert.Equal(keepsUnsentMember, price == "9.5");
        Assert.Equal(keepsId, sameId);
    }

    private static async Task<JsonArray> LinesAsync(Session h3yun, string id) =>
        (await h3yun.InvokeAsync(new JsonObject { ["ActionName"] = "LoadBizObject", ["SchemaCode"] = Order, ["BizObjectId"] = id }))["ReturnData"]!["BizObject"]!["D000100FLines"]!.AsArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task App_code_decides_which_apps_custom_apis_are_answered(bool flag)
    {
        var answers = await ServeAsync(flag ? ["--app-code", "D000999Other", "--custom-api", "schema-export"] : ["--custom-api", "schema-export"], async h3yun =>
        {
            JsonObject Export(string app) => new() { ["ActionName"] = "ExportSchemas", ["Controller"] = "H3YunSchemaExportController", ["AppCode"] = app };
            return ((bool)(await h3yun.InvokeAsync(Export("D000999Other")))["Successful"]!, (bool)(await h3yun.InvokeAsync(Export("D000024Emulator")))["Successful"]!);
        });

        Assert.Equal((flag, !flag), answers);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Title_template_makes_each_records_name(bool flag)
    {
        var name = await ServeAsync(flag ? ["--title-template", Order + "={F0000001}-{F0000005}"] : [], async h3yun =>
        {
            var id = await h3yun.CreateAsync(new JsonObject { ["F0000001"] = "SO-7", ["F0000005"] = 3 });
            var loaded = await h3yun.InvokeAsync(new JsonObject { ["ActionName"] = "LoadBizObject", ["SchemaCode"] = Order, ["BizObjectId"] = id });
            return (string?)loaded["ReturnData"]!["BizObject"]!["Name"];
        });

        Assert.Equal(flag, name == "SO-7-3");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Request_log_limit_keeps_that_many_requests_for_the_page(bool flag)
    {
        var page = await ServeAsync(flag ? ["--request-log-limit", "2"] : [], async h3yun =>
        {
            for (var i = 0; i < 5; i++)
            {
                await h3yun.InvokeAsync(new JsonObject { ["ActionName"] = "LoadBizObject", ["SchemaCode"] = Order, ["BizObjectId"] = $"x-{i}" });
            }

            return await h3yun.Http.GetStringAsync(new Uri("/", UriKind.Relative));
        });

        Assert.Equal(flag ? 2 : 5, Regex.Matches(page, "x-[0-9]").Select(m => m.Value).Distinct().Count());
    }

    private static async Task<T> ServeAsync<T>(string[] flags, Func<Session, Task<T>> act)
    {
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        using var stop = new CancellationTokenSource();
        var serving = H3YunEmulatorCommandLine.RunAsync(
            ["--urls", "http://127.0.0.1:0", "--in-memory", "--schemas", EmulatorSession.SchemaPath("order.h3form.json"), .. flags], synchronized, synchronized, stop.Token);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!output.ToString().Contains("Press Ctrl+C", StringComparison.Ordinal))
        {
            Assert.False(serving.IsCompleted, output.ToString());
            await Task.Delay(20, patience.Token);
        }

        var banner = output.ToString();
        using var http = new HttpClient { BaseAddress = new Uri(ListeningOn().Match(banner).Groups[1].Value) };
        try
        {
            return await act(new Session(http, SecretLine().Match(banner).Groups[1].Value));
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await serving);
        }
    }

    [GeneratedRegex(@"listening on (\S+)")]
    private static partial Regex ListeningOn();

    [GeneratedRegex(@"^export H3YUN_ENGINE_SECRET=(\S+)\r?$", RegexOptions.Multiline)]
    private static partial Regex SecretLine();

    /// <summary>A client of the served emulator, speaking the OpenApi's envelopes as raw JSON.</summary>
    public sealed class Session(HttpClient http, string secret)
    {
        public HttpClient Http { get; } = http;

        public async Task<JsonNode> InvokeAsync(JsonObject body)
        {
            using var response = await SendAsync(body);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        }

        public async Task<HttpStatusCode> StatusOfAsync(JsonObject body)
        {
            using var response = await SendAsync(body);
            return response.StatusCode;
        }

        public async Task<string> CreateAsync(JsonObject record)
        {
            var answer = await InvokeAsync(new JsonObject { ["ActionName"] = "CreateBizObject", ["SchemaCode"] = Order, ["BizObject"] = record.ToJsonString(), ["IsSubmit"] = "true" });
            Assert.True((bool)answer["Successful"]!, answer.ToJsonString());
            return (string)answer["ReturnData"]!["BizObjectId"]!;
        }

        private Task<HttpResponseMessage> SendAsync(JsonObject body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "OpenApi/Invoke") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
            request.Headers.Add("EngineCode", "emulator-engine");
            request.Headers.Add("EngineSecret", secret);
            return Http.SendAsync(request);
        }
    }
}
