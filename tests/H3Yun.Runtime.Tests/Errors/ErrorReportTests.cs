using CsCheck;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// The wording of every failure is its API: it names the call, says what happened to the data, and for a batch says
/// per item what to do, in ranges that keep a report of 1,000 items to one line.
/// </summary>
public class ErrorReportTests
{
    private const string Form = "D000024SalesOrder";

    [Fact]
    public void A_batch_report_lists_created_unknown_and_not_created_items_with_what_to_do_with_each()
    {
        BatchItemResult[] items =
        [
            new(0, WriteOutcome.Applied, "id-0"), new(1, WriteOutcome.Applied, "id-1"), new(2, WriteOutcome.Applied, null),
            new(3, WriteOutcome.Unknown, null), new(4, WriteOutcome.Unknown, null),
            new(5, WriteOutcome.NotApplied, null), new(6, WriteOutcome.Applied, "id-6"), new(7, WriteOutcome.NotApplied, null),
        ];
        var cause = new H3YunTimeoutException(OpenApiActions.CreateBizObjects, Form, TimeSpan.FromSeconds(60));

        var error = new H3YunBatchException(OpenApiActions.CreateBizObjects, Form, items, cause);

        Assert.Equal(
            "CreateBizObjects on form 'D000024SalesOrder' stopped part-way through 8 records: "
            + "4 created (items 0–2, 6; do not send them again); "
            + "2 may or may not have been created (items 3–4; check whether they exist, for example by querying a field that identifies them, before sending any of them again); "
            + "2 certainly not created (items 5, 7; these can be sent again). "
            + "Cause: " + cause.Message,
            error.Message);
        Assert.Equal(WriteOutcome.Unknown, error.Outcome);
        Assert.Equal([0, 1, 2, 6], error.Created.Select(static i => i.Index));
        Assert.Equal([3, 4], error.Unknown.Select(static i => i.Index));
        Assert.Equal([5, 7], error.NotCreated.Select(static i => i.Index));
        Assert.Same(cause, error.InnerException);
        Assert.Equal((OpenApiActions.CreateBizObjects, Form), (error.ActionName, error.SchemaCode));
    }

    public static TheoryData<WriteOutcome[], WriteOutcome, string> Overall => new()
    {
        { [WriteOutcome.Applied, WriteOutcome.NotApplied], WriteOutcome.Applied, "1 created (items 0; do not send them again); 1 certainly not created (items 1; these can be sent again)." },
        { [WriteOutcome.NotApplied, WriteOutcome.NotApplied], WriteOutcome.NotApplied, "2 certainly not created (items 0–1; these can be sent again)." },
        { [WriteOutcome.Applied, WriteOutcome.Unknown], WriteOutcome.Unknown, "1 created (items 0; do not send them again); 1 may or may not have been created (items 1; check whether they exist, for example by querying a field that identifies them, before sending any of them again)." },
        { [WriteOutcome.Applied], WriteOutcome.Applied, "1 created (items 0; do not send them again)." },
    };

    [Theory]
    [MemberData(nameof(Overall))]
    public void A_batch_as_a_whole_is_unknown_if_any_item_is_applied_if_any_was_created_and_otherwise_not_applied(
        WriteOutcome[] outcomes, WriteOutcome overall, string report)
    {
        var items = outcomes.Select(static (outcome, i) => new BatchItemResult(i, outcome, null)).ToArray();

        var failed = new H3YunBatchException(OpenApiActions.CreateBizObjects, Form, items, new InvalidOperationException("boom"));
        var cancelled = new H3YunBatchCanceledException(OpenApiActions.CreateBizObjects, Form, items, new CancellationToken(canceled: true));

        Assert.Equal(overall, failed.Outcome);
        Assert.Equal(overall, cancelled.Outcome);
        Assert.Equal($"CreateBizObjects on form 'D000024SalesOrder' stopped part-way through {items.Length} records: {report} Cause: boom", failed.Message);
        Assert.Equal($"CreateBizObjects on form 'D000024SalesOrder' was cancelled part-way through {items.Length} records: {report}", cancelled.Message);
        Assert.Same(items, cancelled.Items);
        Assert.True(cancelled.CancellationToken.IsCancellationRequested);
    }

    [Fact]
    public void A_batch_report_needs_its_items()
    {
        Assert.Equal("items", Assert.Throws<ArgumentNullException>(() => new H3YunBatchException("A", Form, null!, new InvalidOperationException())).ParamName);
        Assert.Equal("items", Assert.Throws<ArgumentNullException>(() => new H3YunBatchCanceledException("A", Form, null!, default)).ParamName);
    }

    [Fact]
    public void Ranges_say_exactly_the_indexes_given_in_as_few_parts_as_possible() =>
        Gen.Int[0, 60].HashSet[0, 40].Sample(set =>
        {
            var sorted = set.Order().ToList();

            var text = OutcomeText.Ranges(sorted);

            var parts = text.Length == 0 ? [] : text.Split(", ");
            var read = parts.SelectMany(static part => part.Split('–') is [var from, var to]
                ? Enumerable.Range(Number(from), Number(to) - Number(from) + 1)
                : [Number(part)]).ToList();
            Assert.Equal(sorted, read);
            Assert.Equal(sorted.Where((index, i) => i == 0 || sorted[i - 1] != index - 1).Count(), parts.Length);
            Assert.All(parts, static part => Assert.False(part.Split('–') is [var a, var b] && a == b, $"'{part}' is a range of one"));
        });

    public static TheoryData<string, WriteOutcome, string> CancelledCalls => new()
    {
        { OpenApiActions.LoadBizObject, WriteOutcome.NotApplied, "LoadBizObject on form 'D000024SalesOrder' was cancelled." },
        { OpenApiActions.CreateBizObject, WriteOutcome.NotApplied, "CreateBizObject on form 'D000024SalesOrder' was cancelled. Nothing was written." },
        { OpenApiActions.UpdateBizObject, WriteOutcome.Unknown, "UpdateBizObject on form 'D000024SalesOrder' was cancelled. The write may or may not have been applied: look (load or query) before sending it again." },
        { OpenApiActions.RemoveBizObject, WriteOutcome.Applied, "RemoveBizObject on form 'D000024SalesOrder' was cancelled. The write was applied: do not send it again." },
    };

    [Theory]
    [MemberData(nameof(CancelledCalls))]
    public void A_cancellation_names_the_call_and_for_a_write_what_happened_to_the_data(string action, WriteOutcome outcome, string message)
    {
        var inner = new OperationCanceledException();

        var cancelled = new H3YunCanceledException(action, Form, outcome, new CancellationToken(canceled: true), inner);

        Assert.Equal(message, cancelled.Message);
        Assert.Equal((action, Form, outcome), (cancelled.ActionName, cancelled.SchemaCode, cancelled.Outcome));
        Assert.Same(inner, cancelled.InnerException);
    }

    [Theory]
    [InlineData(null, "H3Yun rejected UpdateBizObject: it reported a failure without an error message. Nothing was written.")]
    [InlineData(" ", "H3Yun rejected UpdateBizObject: it reported a failure without an error message. Nothing was written.")]
    [InlineData("业务对象不存在", "H3Yun rejected UpdateBizObject: 业务对象不存在. Nothing was written.")]
    [InlineData("EngineCode or EngineSecret is wrong or missing", "H3Yun rejected UpdateBizObject: EngineCode or EngineSecret is wrong or missing. Nothing was written.")]
    [InlineData("已存在。", "H3Yun rejected UpdateBizObject: 已存在。 Nothing was written.")]
    [InlineData("Stop. ", "H3Yun rejected UpdateBizObject: Stop. Nothing was written.")]
    public void A_rejection_quotes_H3Yuns_message_or_says_that_it_sent_none(string? errorMessage, string message)
    {
        var rejected = new H3YunApiException(OpenApiActions.UpdateBizObject, schemaCode: null, errorMessage);

        Assert.Equal(message, rejected.Message);
        Assert.Equal(errorMessage, rejected.ErrorMessage);
        Assert.Null(rejected.SchemaCode);
    }

    [Theory]
    [InlineData(OpenApiActions.LoadBizObjects, 1.5, "H3Yun did not answer LoadBizObjects on form 'D000024SalesOrder' within 1.5 s. Try again later or raise H3YunClientOptions.Timeout (H3Yun documents at most 60 s).", WriteOutcome.NotApplied)]
    [InlineData(OpenApiActions.CreateBizObject, 0.0004, "H3Yun did not answer CreateBizObject on form 'D000024SalesOrder' within 0 s. The write may or may not have been applied: look (load or query) before sending it again.", WriteOutcome.Unknown)]
    public void A_timeout_says_how_long_the_client_waited_and_what_that_means_for_the_data(string action, double seconds, string message, WriteOutcome outcome)
    {
        var timeout = new H3YunTimeoutException(action, Form, TimeSpan.FromSeconds(seconds));

        Assert.Equal(message, timeout.Message);
        Assert.Equal(outcome, timeout.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(seconds), timeout.Timeout);
        Assert.Null(timeout.StatusCode);
    }

    [Fact]
    public void A_redactor_without_a_secret_leaves_every_text_alone_and_one_with_a_secret_masks_each_echo()
    {
        var none = new SecretRedactor(string.Empty);
        var secret = new SecretRedactor("a+b/c");

        Assert.Equal("a+b/c and abc", none.Redact("a+b/c and abc"));
        Assert.Null(none.Redact(null));
        Assert.Equal("*** *** *** *** ok", secret.Redact("a+b/c a%2Bb%2fc a\\u002bb\\/c \\u0061\\u002B\\u0062\\u002F\\u0063 ok"));
    }

    [Fact]
    public void An_excerpt_is_cut_at_200_characters_after_the_secret_is_masked()
    {
        var redactor = new SecretRedactor("SECRET");
        var text = "SECRET" + new string('x', 300);

        var excerpt = redactor.Excerpt(System.Text.Encoding.UTF8.GetBytes(text));

        Assert.Equal("***" + new string('x', 197) + "...", excerpt);
        Assert.Equal("short", redactor.Excerpt("short"u8));
        Assert.Equal(new string('y', 200), redactor.Excerpt(System.Text.Encoding.UTF8.GetBytes(new string('y', 200))));
    }

    private static int Number(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
