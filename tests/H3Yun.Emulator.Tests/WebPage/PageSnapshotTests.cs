using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using H3Yun.TestSupport.Snapshots;
using Xunit;

namespace H3Yun.Emulator.Tests.WebPage;

/// <summary>
/// The web page, whole, against an approved copy in <c>Snapshots/</c>: every heading, column, link, value and
/// zone it shows for a known emulator (schemas, child rows, attachments, custom APIs, queued
/// and random faults, and a log with each outcome). Generated ids are numbered in order of appearance, the
/// records are stamped by the test's clock, and the request log's times and durations are written as their formats,
/// so the pages are the same in every run.
/// </summary>
/// <remarks>
/// A change to the page fails these tests and writes the page it got next to the approved one as
/// <c>*.received.html</c>; read the difference, and when it is what you meant, approve it with
/// <c>UPDATE_SNAPSHOTS=1</c>, as the generator's snapshots are.
/// </remarks>
public partial class PageSnapshotTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 1, 2, 3, 250, TimeSpan.Zero);

    [Fact]
    public async Task The_overview_lists_forms_custom_APIs_faults_and_requests_newest_first()
    {
        await using var api = await KnownEmulatorAsync();

        Verify("overview", await api.Http.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_form_page_shows_its_fields_with_their_details_and_its_records_with_child_rows_and_zones()
    {
        await using var api = await KnownEmulatorAsync();

        Verify("order", await api.Http.GetStringAsync("/forms/" + EmulatorSession.OrderForm));
    }

    [Fact]
    public async Task A_form_page_lists_attachments_by_name_and_id()
    {
        await using var api = await KnownEmulatorAsync();

        Verify("document", await api.Http.GetStringAsync("/forms/" + EmulatorSession.DocumentForm));
    }

    [Fact]
    public async Task A_searched_form_keeps_the_records_holding_the_text_in_any_child_row_and_offers_them_all_back()
    {
        await using var api = await KnownEmulatorAsync();

        Verify("order-searched", await api.Http.GetStringAsync("/forms/" + EmulatorSession.OrderForm + "?q=%20" + Uri.EscapeDataString("螺母") + "%20"));
    }

    [Fact]
    public async Task An_empty_emulator_says_there_is_nothing_yet_in_each_section()
    {
        await using var api = await EmulatorSession.StartAsync(new H3YunEmulatorOptions { Clock = new SteppedClock(Start) });

        Verify("empty", await api.Http.GetStringAsync("/"));
    }

    /// <summary>An emulator holding one of each thing the page shows, reached only through its public surface.</summary>
    private static async Task<EmulatorSession> KnownEmulatorAsync()
    {
        var clock = new SteppedClock(Start);
        var options = EmulatorSession.SchemaOptions();
        options.Clock = clock;
        options.Strict = true;
        options.CustomApis.Add("MyApiController", "SelectUser", static (_, response, _) =>
        {
            response.ReturnData["User"] = "u-1";
            return ValueTask.CompletedTask;
        });
        options.CustomApis.Add("ErpController", "Sync", static (_, _, _) => ValueTask.CompletedTask, appCode: "D000200");
        var api = await EmulatorSession.StartAsync(options);
        try
        {
            var customer = await api.CreateAsync(EmulatorSession.CustomerForm, """{"F0000001":"上海客户","F0000002":3}""");
            await api.CreateAsync(EmulatorSession.OrderForm, $$"""
                {"F0000001":"第一单","F0000002":12.5,"F0000003":"2026-03-02 14:30:00","F0000004":true,"F0000005":3,
                 "F0000008":["紧急","大客户"],"F0000009":"{{customer}}",
                 "D000100FLines":[{"F0000011":"螺丝","F0000012":"2026-03-05","F0000013":0.25},{"F0000011":"螺母","F0000013":0.1}]}
                """);
            await api.CreateAsync(EmulatorSession.OrderForm, """{"F0000001":"草稿单"}""", isSubmit: false);
            var document = await api.CreateAsync(EmulatorSession.DocumentForm, """{"F0000001":"合同"}""");
            await api.UploadOkAsync($"SchemaCode={EmulatorSession.DocumentForm}&FilePropertyName=F0000002&BizObjectId={document}", "合同 <1>.pdf", [1, 2, 3], "application/pdf");
            await api.SucceedAsync("""{"ActionName":"SelectUser","Controller":"MyApiController","AppCode":"D000200"}""");
            await api.FailAsync("""{"ActionName":"LoadBizObject","SchemaCode":"D000100Nowhere","BizObjectId":"x"}""");
            api.Emulator.Faults.EnqueueApiError("服务繁忙");
            await api.FailAsync($$"""{"ActionName":"LoadBizObject","SchemaCode":"{{EmulatorSession.OrderForm}}","BizObjectId":"x"}""");
            api.Emulator.Faults.Enqueue(EmulatorFault.HttpStatus(503, "busy"), "CreateBizObjects");
            api.Emulator.Faults.Enqueue(EmulatorFault.ConnectionReset());
            api.Emulator.Faults.InjectRandomly(EmulatorFault.Delay(TimeSpan.FromMilliseconds(1500)), 0.125, seed: 7, actionName: "GetSchema");
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    private static void Verify(string name, string html, [CallerFilePath] string source = "") =>
        ApprovedFile.Match(Path.Combine(Path.GetDirectoryName(source)!, "Snapshots"), name, ".html", Readable(RequestTimes().Replace(NumberIds(html), "<td>$1</td><td>HH:mm:ss.fff</td>$2<td>ms</td>")), Environment.GetEnvironmentVariable);

    /// <summary>Ids are new GUIDs in every run: each becomes <c>id-N</c>, N in order of first appearance.</summary>
    private static string NumberIds(string html)
    {
        var numbers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        return Guid().Replace(html, match =>
        {
            if (!numbers.TryGetValue(match.Value, out var number))
            {
                numbers[match.Value] = number = numbers.Count + 1;
            }

            return "id-" + number;
        });
    }

    /// <summary>One element a line where a reader looks for one, so that a difference names its line.</summary>
    private static string Readable(string html) => Breaks().Replace(html, "\n$0");

    /// <summary>The request log's times and durations are the host's, not the test clock's: written as their formats.</summary>
    [GeneratedRegex(@"<td>(\d+)</td><td>\d\d:\d\d:\d\d\.\d{3}</td>((?:<td[^>]*>[^<]*</td>){4})<td>\d+\.\d</td>")]
    private static partial Regex RequestTimes();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex Guid();

    [GeneratedRegex("<(?:tr|th|section|/section|h1|h2|p|table|/table|pre|nav|form|thead|tbody|/tbody|details|div|style|body)\\b")]
    private static partial Regex Breaks();

    /// <summary>A clock that moves 1.25 s at every reading of the time: the records' stamps are known.</summary>
    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        private long _ticks = start.UtcTicks;
        private long _timestamp;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref _ticks, TimeSpan.FromMilliseconds(1250).Ticks), TimeSpan.Zero);

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _timestamp, TimeSpan.FromMilliseconds(40).Ticks);
    }
}
