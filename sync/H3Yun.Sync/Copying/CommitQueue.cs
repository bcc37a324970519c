using System.Text.Json;
using System.Threading.Channels;

namespace H3Yun.Sync.Copying;

/// <summary>
/// The commits of one form's copy, made in order by one task while the next windows are read: H3Yun's budget, not the
/// database, then sets the pace (a request every 1/R seconds, while a commit of 500 rows takes as long again on a busy
/// machine). At most two commits wait, so the memory held does not grow with the form. Order is what keeps the cursor
/// honest: each commit's cursor covers only rows of earlier or the same commits.
/// </summary>
internal sealed class CommitQueue
{
    private readonly Channel<Item> _channel = Channel.CreateBounded<Item>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
    private readonly Task _writing;

    /// <summary>Starts the task that commits.</summary>
    /// <param name="commit">Commits rows and the cursor after them in one transaction.</param>
    /// <param name="cancellationToken">Stops the commits.</param>
    public CommitQueue(Func<IReadOnlyList<JsonElement>, DateTime, Task> commit, CancellationToken cancellationToken)
    {
        _writing = Task.Run(() => WriteAsync(commit, cancellationToken), CancellationToken.None);
    }

    /// <summary>Queues a commit, waiting while two are queued; a failed commit's exception comes out here.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="cursor">The cursor after them: every row below it is in this commit or an earlier one.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The work.</returns>
    public async Task EnqueueAsync(IReadOnlyList<JsonElement> rows, DateTime cursor, CancellationToken cancellationToken)
    {
        try
        {
            await _channel.Writer.WriteAsync(new Item(rows, cursor, null), cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            await _writing.ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits until every queued commit is made (before the copy commits on its own, or ends).</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The work.</returns>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await _channel.Writer.WriteAsync(new Item([], default, done), cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            await _writing.ConfigureAwait(false);
            throw;
        }

        await Task.WhenAny(done.Task, _writing).ConfigureAwait(false);
        if (!done.Task.IsCompleted)
        {
            await _writing.ConfigureAwait(false);
        }
    }

    /// <summary>Makes the queued commits and ends the task; its failure comes out here.</summary>
    /// <returns>The work.</returns>
    public async Task CompleteAsync()
    {
        _channel.Writer.TryComplete();
        await _writing.ConfigureAwait(false);
    }

    private async Task WriteAsync(Func<IReadOnlyList<JsonElement>, DateTime, Task> commit, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in _channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (item.Barrier is { } barrier)
                {
                    barrier.TrySetResult();
                    continue;
                }

                await commit(item.Rows, item.Cursor).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            // The copy stops: whoever queues next learns why.
            _channel.Writer.TryComplete(ex);
            throw;
        }
    }

    private readonly record struct Item(IReadOnlyList<JsonElement> Rows, DateTime Cursor, TaskCompletionSource? Barrier);
}
