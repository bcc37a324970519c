using System.Text.Json.Nodes;
using H3Yun.Sync.Tests.Support;

namespace H3Yun.Sync.Tests;

/// <summary>
/// Answers H3Yun could give that the emulator does not: a count the rows do not match, a count in another form or
/// missing, no row array. The copy takes a window as whole only when one answer shows it, and stops on a count it
/// cannot read, rather than guess.
/// </summary>
public class SourceAnswerTests
{
    [Fact]
    public async Task A_window_whose_answer_lacks_a_counted_row_is_read_again_in_parts()
    {
        await using var bench = await SyncBench.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await bench.CreateAsync($"r{i}", i));
            bench.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        var answers = 0;
        bench.Hook.Rewrite = body => Answer(body, data =>
        {
            if (++answers <= 2 && data["BizObjectArray"] is JsonArray { Count: > 0 } rows)
            {
                rows.RemoveAt(0); // counted, not sent
            }
        });

        var report = await bench.NewSync().RunAsync();

        Assert.Equal(ids.Order(StringComparer.Ordinal), bench.CopiedIds());
        Assert.True(report.Requests > 2, $"{report.Requests} requests");
    }

    [Fact]
    public async Task A_count_sent_as_text_is_read()
    {
        await using var bench = await SyncBench.StartAsync();
        var id = await bench.CreateAsync("a", 1m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        bench.Hook.Rewrite = body => Answer(body, data => data["TotalCount"] = data["TotalCount"]!.ToJsonString());

        await bench.NewSync().RunAsync();

        Assert.Equal([id], bench.CopiedIds());
    }

    [Fact]
    public async Task An_answer_without_a_row_array_holds_no_rows()
    {
        await using var bench = await SyncBench.StartAsync();
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        bench.Hook.Rewrite = body => Answer(body, data => data["BizObjectArray"] = null);

        var report = await bench.NewSync().RunAsync();

        Assert.Equal(0, report.RowsUpserted);
        Assert.NotNull(report.Forms[0].Cursor);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("true")]
    [InlineData("\"many\"")]
    [InlineData("1.5")]
    public async Task A_count_that_does_not_read_stops_the_copy_before_anything_is_committed(string count)
    {
        await using var bench = await SyncBench.StartAsync();
        await bench.CreateAsync("a", 1m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        bench.Hook.Rewrite = body => Answer(body, data =>
        {
            data.Remove("TotalCount");
            if (count != "missing")
            {
                data["TotalCount"] = JsonNode.Parse(count);
            }
        });

        var error = await Assert.ThrowsAsync<H3YunSyncException>(() => bench.NewSync().RunAsync());

        Assert.Equal(
            "H3Yun answered LoadBizObjects of D000900Order with RequireCount without a TotalCount; the copy needs the count to know that a window is whole, and stops rather than guess.",
            error.Message);
        Assert.Empty(bench.CopiedIds());
        Assert.Null(Assert.Single(bench.Rows("SELECT cursor_time FROM h3yun_forms WHERE schema_code = 'D000900Order'"))["cursor_time"]);
    }

    [Fact]
    public async Task When_a_commit_fails_while_the_next_answer_does_not_read_the_copy_reports_the_answer()
    {
        // The first window's rows fail to commit (a record without an ObjectId) while the second window is read, and its
        // answer lacks a count: the reading's failure is the one to report, since it is what the user must look at.
        await using var bench = await SyncBench.StartAsync();
        await bench.CreateAsync("a", 1m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        var answers = 0;
        bench.Hook.Rewrite = body => Answer(body, data =>
        {
            if (++answers == 1 && data["BizObjectArray"] is JsonArray { Count: 1 } rows)
            {
                rows[0]!.AsObject().Remove("ObjectId");
            }
            else if (answers == 2)
            {
                data.Remove("TotalCount");
            }
        });

        var error = await Assert.ThrowsAsync<H3YunSyncException>(() => bench.NewSync().RunAsync());

        Assert.Equal(2, answers);
        Assert.StartsWith("H3Yun answered LoadBizObjects of D000900Order with RequireCount without a TotalCount", error.Message, StringComparison.Ordinal);
        Assert.Empty(bench.CopiedIds());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_ObjectId_In_answer_with_a_record_not_asked_for_or_counting_more_deletes_nothing(bool countedOnly)
    {
        await using var bench = await SyncBench.StartAsync();
        var keep = await bench.CreateAsync("keep", 1m);
        var gone = await bench.CreateAsync("gone", 1m);
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        await bench.NewSync().RunAsync();
        await bench.RemoveAsync(gone);
        var first = bench.Hook.Sent;

        // The reconcile's fourth request, after the copy's window and the listing's two, asks about the one candidate.
        bench.Hook.Rewrite = body => bench.Hook.Sent - first != 4 ? body : Answer(body, data =>
        {
            data["TotalCount"] = countedOnly ? 2 : 1;
            if (!countedOnly)
            {
                data["BizObjectArray"] = new JsonArray(new JsonObject { ["ObjectId"] = keep });
            }
        });

        var error = await Assert.ThrowsAsync<H3YunSyncException>(() => bench.NewSync(reconcile: true).RunAsync());

        Assert.Equal(
            $"H3Yun answered an ObjectId In query on 1 ids of D000900Order with {(countedOnly ? 2 : 1)} records, not all of them asked for; the copy deletes nothing it cannot confirm.",
            error.Message);
        Assert.Equal(new[] { keep, gone }.Order(StringComparer.Ordinal), bench.CopiedIds());
    }

    private static string Answer(string body, Action<JsonObject> change)
    {
        var envelope = JsonNode.Parse(body)!;
        if (envelope["ReturnData"] is JsonObject data)
        {
            change(data);
        }

        return envelope.ToJsonString();
    }
}
