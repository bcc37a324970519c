using H3Yun.Sync.Tests.Support;
using H3Yun.Sync.Windows;

namespace H3Yun.Sync.Tests;

/// <summary>
/// A source with every kind of window: oversized ones that a count proves by parts, a second of more than 500 records,
/// and the last seconds above the entry bound. A first copy of it stopped at each of its requests in turn, before the
/// request and after its answer, leaves a cursor that never passes a record the copy lacks, and the next run completes
/// the copy (the model test explores the same at random; this one visits every point of one run); its progress ends
/// at its report; its reconcile lists every record and asks H3Yun about none.
/// </summary>
public class LargeSourceTests
{
    [Fact]
    public async Task A_first_copy_stopped_at_any_request_leaves_no_record_below_its_cursor_uncopied()
    {
        int requests;
        await using (var reference = await StartAsync())
        {
            var report = await reference.Bench.NewSync().RunAsync();
            requests = (int)report.Requests;
            Assert.Equal(reference.Records.Count, report.RowsUpserted);
        }

        Assert.InRange(requests, 20, 80); // prefix proofs, ObjectId prefixes of the crowded second, the last seconds
        var stopped = 0;
        for (var at = 1; at <= requests; at++)
        {
            foreach (var afterAnswer in new[] { false, true })
            {
                await using var source = await StartAsync();
                var bench = source.Bench;
                using var cancel = new CancellationTokenSource();
                var first = bench.Hook.Sent;
                var stopAt = at;
                if (afterAnswer)
                {
                    bench.Hook.After = number =>
                    {
                        if (number - first == stopAt)
                        {
                            cancel.Cancel();
                        }
                    };
                }
                else
                {
                    bench.Hook.Before = async number =>
                    {
                        if (number - first == stopAt)
                        {
                            await cancel.CancelAsync();
                        }
                    };
                }

                try
                {
                    await bench.NewSync().RunAsync(cancel.Token);
                }
                catch (OperationCanceledException) when (cancel.IsCancellationRequested)
                {
                    stopped++;
                }

                bench.Hook.Before = null;
                bench.Hook.After = null;
                source.AssertNothingMissingBelowTheCursor($"stopped {(afterAnswer ? "after the answer to" : "before")} request {at}");

                await bench.NewSync().RunAsync();
                Assert.Equal(source.Records.Keys.Order(StringComparer.Ordinal), source.Bench.CopiedIds());
            }
        }

        Assert.True(stopped >= requests, $"{stopped} of {2 * requests} runs were stopped");
    }

    [Fact]
    public async Task A_first_copy_whose_commit_fails_at_any_answer_stops_with_the_reason_and_loses_nothing()
    {
        // The k-th answer carries a record without an ObjectId: the commit of its rows fails while the reading goes on,
        // and the copy must stop with that error (whichever of enqueue, drain or completion meets it) and keep its cursor
        // below every record it lacks.
        var failed = 0;
        for (var at = 1; at <= 30; at++)
        {
            await using var source = await StartAsync();
            var bench = source.Bench;
            var answer = 0;
            var target = at;
            bench.Hook.Rewrite = body =>
            {
                var envelope = System.Text.Json.Nodes.JsonNode.Parse(body)!;
                if (++answer == target && envelope["ReturnData"]?["BizObjectArray"] is System.Text.Json.Nodes.JsonArray { Count: > 0 } rows)
                {
                    rows[^1]!.AsObject().Remove("ObjectId");
                }

                return envelope.ToJsonString();
            };

            try
            {
                await bench.NewSync().RunAsync();
            }
            catch (H3YunSyncException ex)
            {
                Assert.Equal("H3Yun answered a record without an ObjectId; the copy keys every row by it.", ex.Message);
                failed++;
            }

            bench.Hook.Rewrite = null;
            source.AssertNothingMissingBelowTheCursor($"the answer to request {at} lacking an ObjectId");
            await bench.NewSync().RunAsync();
            Assert.Equal(source.Records.Keys.Order(StringComparer.Ordinal), source.Bench.CopiedIds());
        }

        Assert.True(failed >= 10, $"{failed} of 30 runs failed");
    }

    [Fact]
    public async Task A_copy_reports_its_progress_as_it_goes_and_its_last_progress_is_its_report()
    {
        await using var source = await StartAsync();
        var progress = new List<SyncProgress>();

        var report = (await source.Bench.NewSync(progress: new InlineProgress<SyncProgress>(progress.Add)).RunAsync()).Forms.Single();

        Assert.All(progress, step => Assert.Equal(("D000900Order", "copy"), (step.SchemaCode, step.Phase)));
        for (var i = 1; i < progress.Count; i++)
        {
            Assert.True(progress[i - 1].Windows <= progress[i].Windows && progress[i - 1].Requests <= progress[i].Requests, $"step {i}");
            Assert.True(progress[i - 1].RowsUpserted <= progress[i].RowsUpserted && (progress[i - 1].Cursor ?? DateTime.MinValue) <= (progress[i].Cursor ?? DateTime.MinValue), $"step {i}");
        }

        Assert.Contains(progress, step => step.WindowsAhead > 1 && step.RowsAhead > 500);
        Assert.Equal(Enumerable.Range(1, report.Windows), progress.Select(step => step.Windows).Distinct()); // every window read is reported
        Assert.Equal(
            new SyncProgress(report.SchemaCode, "copy", report.Windows, report.Requests, report.RowsUpserted, 0, report.Cursor),
            progress[^1]);

        // Each window read is one request, and each part of the crowded second is a window; the second's count after its
        // parts, which checks the partition, is the one request that is not.
        Assert.Equal(report.Requests - 1, report.Windows);
        Assert.Equal(source.Records.Count, report.RowsUpserted);
    }

    [Fact]
    public async Task A_reconcile_of_a_complete_copy_lists_every_record_and_asks_about_none()
    {
        await using var source = await StartAsync();
        await source.Bench.NewSync().RunAsync();
        var first = source.Bench.Hook.Bodies.Count;

        var report = (await source.Bench.NewSync(reconcile: true).RunAsync()).Forms.Single();

        // The requests that are not windows: the crowded second's 16 ObjectId prefixes and its count after them. An
        // ObjectId In query would be one more.
        Assert.Equal((0, report.Windows + 16 + 1), (report.RowsDeleted, report.Requests));
        Assert.True(report.Reconciled);
        Assert.Equal(source.Records.Count, source.Bench.CopiedIds().Count);
        // The listing asks for ObjectIds only, and splits by time down to the crowded second before it splits by prefix.
        var listing = source.Bench.Hook.Bodies.Skip(first).Select(ListingRead.Of).Where(read => read is not null).Select(read => read!.Value).ToList();
        Assert.NotEmpty(listing);
        Assert.All(listing, read => Assert.Equal("ObjectId", read.Asked));
        var prefixReads = listing.Where(read => read.Prefix is not null).ToList();
        Assert.Equal(16, prefixReads.Count);
        Assert.All(prefixReads, read => Assert.Equal((source.Crowded, source.Crowded.AddSeconds(1)), (read.Start, read.End)));
    }

    private static async Task<Source> StartAsync()
    {
        var bench = await SyncBench.StartAsync();
        var now = bench.ChinaNow;

        // 1,100 records one a second, then 520 in one second, then 3 in the last seconds before the clock.
        var start = now.AddSeconds(-2000);
        var stamps = Enumerable.Range(0, 1100).Select(i => start.AddSeconds(i))
            .Concat(Enumerable.Repeat(start.AddSeconds(1300), 520))
            .Concat(Enumerable.Range(0, 3).Select(i => now.AddSeconds(-5 + i)));
        var records = stamps.ToDictionary(_ => Guid.NewGuid().ToString(), stamp => stamp, StringComparer.Ordinal);
        await bench.SeedAsync(records.Select(record => (record.Key, record.Value)));
        return new Source(bench, records, start.AddSeconds(1300));
    }

    /// <summary>A LoadBizObjects request of the reconcile's listing: its <c>CreatedTime</c> window and ObjectId prefix.</summary>
    private readonly record struct ListingRead(string Asked, DateTime? Start, DateTime? End, string? Prefix)
    {
        public static ListingRead? Of(string body)
        {
            var filter = System.Text.Json.Nodes.JsonNode.Parse((string)System.Text.Json.Nodes.JsonNode.Parse(body)!["Filter"]!)!;
            var items = filter["Matcher"]!["Matchers"]!.AsArray().Select(item => item!).ToList();
            var times = items.Where(item => (string)item["Name"]! == "CreatedTime")
                .Select(item => DateTime.ParseExact((string)item["Value"]!, "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture))
                .Order()
                .ToList();
            if (times.Count == 0)
            {
                return null; // a read of the copy (ModifiedTime), or an In query
            }

            var prefix = items.FirstOrDefault(item => (string)item["Name"]! == "ObjectId" && item["Value"] is System.Text.Json.Nodes.JsonValue);
            return new ListingRead(
                string.Join(",", filter["ReturnItems"]!.AsArray().Select(item => (string)item!)),
                times.Count == 2 ? times[0] : null,
                times[^1],
                prefix is null ? null : (string)prefix["Value"]!);
        }
    }

    private sealed record Source(SyncBench Bench, Dictionary<string, DateTime> Records, DateTime Crowded) : IAsyncDisposable
    {
        public void AssertNothingMissingBelowTheCursor(string when)
        {
            var forms = Bench.Rows("SELECT cursor_time FROM h3yun_forms WHERE schema_code = 'D000900Order'");
            if (forms.Count == 0 || forms[0]["cursor_time"] is not string text)
            {
                return;
            }

            Assert.True(ChinaTime.TryParse(text, out var cursor), $"{when}: cursor '{text}'");
            var copied = Bench.CopiedIds().ToHashSet(StringComparer.Ordinal);
            var missing = Records.Where(record => record.Value < cursor && !copied.Contains(record.Key)).ToList();
            Assert.True(missing.Count == 0, $"{when}: the cursor is at {text}, but {missing.Count} records below it are not in the copy");
        }

        public ValueTask DisposeAsync() => Bench.DisposeAsync();
    }
}
