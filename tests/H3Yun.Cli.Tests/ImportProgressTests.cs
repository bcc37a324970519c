using H3Yun.Cli.Import;

namespace H3Yun.Cli.Tests;

/// <summary>
/// The import's progress lines: the first write's, then at most one a second, and always the last one, with the
/// counts by outcome and the time left at the rate seen so far.
/// </summary>
public class ImportProgressTests
{
    [Fact]
    public void A_line_is_printed_for_the_first_write_then_once_a_second_and_for_the_last()
    {
        var error = new StringWriter();
        var now = TimeSpan.Zero;
        var progress = new ImportProgress(error, writes: 5, () => now);

        void Write(double seconds, UpsertOutcome outcome)
        {
            now = TimeSpan.FromSeconds(seconds);
            progress.Report(new UpsertItemResult(0, outcome, null, [], null));
        }

        Write(0.5, UpsertOutcome.Created);
        Write(1.4, UpsertOutcome.Created); // 0.9 s after the last line: quiet
        Write(1.5, UpsertOutcome.Updated); // a second after it
        Write(1.6, UpsertOutcome.Failed);
        Write(1.7, UpsertOutcome.Unknown); // the last write, however soon

        Assert.Equal(
            [
                "Written 1 of 5 row(s): 1 created, 0 updated, 0 failed, 0 unknown; about 2 s left.", // 0.5 s a write, 4 to go
                "Written 3 of 5 row(s): 2 created, 1 updated, 0 failed, 0 unknown; about 1 s left.", // 0.5 s a write, 2 to go
                "Written 5 of 5 row(s): 2 created, 1 updated, 1 failed, 1 unknown.",
            ],
            error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
