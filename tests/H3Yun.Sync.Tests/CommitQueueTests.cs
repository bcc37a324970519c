using System.Text.Json;
using H3Yun.Sync.Copying;

namespace H3Yun.Sync.Tests;

/// <summary>The copy's commits, made in order by one task while the next windows are read; a failed commit stops them all.</summary>
public class CommitQueueTests
{
    private static readonly DateTime Noon = new(2026, 5, 1, 12, 0, 0);

    private static IReadOnlyList<JsonElement> Rows(int count) => [.. Enumerable.Range(0, count).Select(i => JsonSerializer.SerializeToElement(i))];

    [Fact]
    public async Task Commits_are_made_in_the_order_queued_and_a_drain_waits_for_them_without_committing_itself()
    {
        var commits = new List<(int Rows, DateTime Cursor)>();
        var queue = new CommitQueue(async (rows, cursor) =>
        {
            await Task.Yield();
            commits.Add((rows.Count, cursor));
        }, CancellationToken.None);

        await queue.EnqueueAsync(Rows(3), Noon, CancellationToken.None);
        await queue.EnqueueAsync(Rows(0), Noon, CancellationToken.None);
        await queue.EnqueueAsync(Rows(2), Noon.AddSeconds(1), CancellationToken.None);
        await queue.DrainAsync(CancellationToken.None);

        Assert.Equal([(3, Noon), (0, Noon), (2, Noon.AddSeconds(1))], commits);
        await queue.EnqueueAsync(Rows(1), Noon.AddSeconds(2), CancellationToken.None);
        await queue.CompleteAsync();
        Assert.Equal(4, commits.Count);
    }

    [Fact]
    public async Task A_commit_queued_after_the_completion_is_refused_not_lost_quietly()
    {
        var commits = 0;
        var queue = new CommitQueue((_, _) =>
        {
            commits++;
            return Task.CompletedTask;
        }, CancellationToken.None);
        await queue.EnqueueAsync(Rows(1), Noon, CancellationToken.None);
        await queue.CompleteAsync();

        await Assert.ThrowsAsync<System.Threading.Channels.ChannelClosedException>(() => queue.EnqueueAsync(Rows(1), Noon.AddSeconds(1), CancellationToken.None));
        await Assert.ThrowsAsync<System.Threading.Channels.ChannelClosedException>(() => queue.DrainAsync(CancellationToken.None));
        Assert.Equal(1, commits);
    }

    [Fact]
    public async Task A_failed_commit_comes_out_of_the_drain_the_next_enqueue_and_the_completion()
    {
        var queue = new CommitQueue((_, _) => throw new H3YunSyncException("The database refused the commit."), CancellationToken.None);

        await queue.EnqueueAsync(Rows(1), Noon, CancellationToken.None);

        Assert.Equal("The database refused the commit.", (await Assert.ThrowsAsync<H3YunSyncException>(() => queue.DrainAsync(CancellationToken.None))).Message);
        Assert.Equal("The database refused the commit.", (await Assert.ThrowsAsync<H3YunSyncException>(() => queue.EnqueueAsync(Rows(1), Noon, CancellationToken.None))).Message);
        Assert.Equal("The database refused the commit.", (await Assert.ThrowsAsync<H3YunSyncException>(() => queue.DrainAsync(CancellationToken.None))).Message);
        Assert.Equal("The database refused the commit.", (await Assert.ThrowsAsync<H3YunSyncException>(queue.CompleteAsync)).Message);
    }
}
