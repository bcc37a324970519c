using System.Net;
using System.Text;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// The client never resumes on the caller's <see cref="SynchronizationContext"/>, so that a UI thread or a classic
/// ASP.NET request that blocks on a call cannot deadlock it. Each call starts on a context that never runs what is
/// posted to it: any await in the runtime that captured it would hang the call.
/// </summary>
public class SynchronizationContextTests
{
    private const string AnswerData = """{"BizObject":{"ObjectId":"b-1","F0000001":"Dune"},"BizObjectArray":[{"ObjectId":"b-1"}],"BizObjectId":"b-9","AttachmentId":"att-1"}""";

    public static TheoryData<string, bool> Calls => new()
    {
        { "load", false }, { "load", true },
        { "query", false }, { "query all", false }, { "query all", true },
        { "create", false }, { "create", true },
        { "create many", false }, { "create many", true },
        { "update", false }, { "update", true },
        { "delete", false },
        { "upload", false }, { "upload", true },
        { "download", false }, { "download", true },
        { "download refused", false }, { "download refused", true },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task A_call_never_resumes_on_the_callers_context_while_headers_or_body_arrive(string call, bool slowBody)
    {
        var h3yun = new SlowH3Yun(slowBody);
        using var client = new H3YunClient(new HttpClient(h3yun), FakeH3Yun.Options());
        var books = new BookRepository(client);
        var context = new NeverRunsContext();

        var task = StartOn(context, () => Send(books, call));

        await WithinTenSeconds(task, context);
        Assert.Equal(1, h3yun.Calls);
    }

    [Fact]
    public async Task A_call_never_resumes_on_the_callers_context_after_waiting_for_the_rate_limit()
    {
        var h3yun = new SlowH3Yun(slowBody: false);
        using var client = new H3YunClient(new HttpClient(h3yun), FakeH3Yun.Options(requestsPerSecond: 20));
        var books = new BookRepository(client);
        await books.DeleteAsync("b-0").Within();
        var context = new NeverRunsContext();

        var task = StartOn(context, () => books.DeleteAsync("b-1"));

        await WithinTenSeconds(task, context);
        Assert.Equal(2, h3yun.Calls);
    }

    // A continuation posted to the context never runs, so the call hangs: ten seconds tell that from a slow machine.
    private static async Task WithinTenSeconds(Task task, NeverRunsContext context)
    {
        await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.True(task.IsCompleted, $"The call hangs: {context.Posts} continuation(s) were posted to the caller's context.");
        await task;
        Assert.Equal(0, context.Posts);
    }

    private static Task Send(BookRepository books, string call) => call switch
    {
        "load" => books.LoadAsync("b-1"),
        "query" => books.QueryAsync(),
        "query all" => ReadAllAsync(books),
        "create" => books.CreateAsync(new Book { Title = "Dune" }),
        "create many" => books.CreateManyAsync([new Book { Title = "Dune" }]),
        "update" => books.UpdateAsync("b-1", new Book { Title = "Dune" }),
        "delete" => books.DeleteAsync("b-1"),
        "upload" => books.Client.UploadAttachmentAsync(new H3AttachmentUpload { SchemaCode = Book.SchemaCode, FieldCode = "F0000009", ObjectId = "b-1", Content = new MemoryStream([1, 2, 3]), FileName = "a.txt" }),
        "download" => DownloadAsync(books.Client, "att-1"),
        "download refused" => RefusedDownloadAsync(books.Client),
        _ => throw new ArgumentOutOfRangeException(nameof(call), call, null),
    };

    private static async Task ReadAllAsync(BookRepository books)
    {
        await foreach (var book in books.QueryAllAsync(pageSize: 2).ConfigureAwait(false))
        {
            Assert.Equal("b-1", book.ObjectId);
        }
    }

    private static async Task DownloadAsync(H3YunClient client, string attachmentId)
    {
        await using var download = await client.DownloadAttachmentAsync(attachmentId).ConfigureAwait(false);
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy).ConfigureAwait(false);
        Assert.Equal([7, 8, 9], copy.ToArray());
    }

    // Assert.ThrowsAsync would itself resume on the context; this awaits without it.
    private static async Task RefusedDownloadAsync(H3YunClient client)
    {
        var refused = false;
        try
        {
            await using var download = await client.DownloadAttachmentAsync("att-missing").ConfigureAwait(false);
        }
        catch (H3YunApiException error) when (error.ErrorMessage == "附件不存在")
        {
            refused = true;
        }

        Assert.True(refused, "The download of an unknown attachment should have been refused.");
    }

    private static Task StartOn(SynchronizationContext context, Func<Task> call)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            return call();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    /// <summary>A context that drops every continuation posted to it, as a blocked UI thread would never run one.</summary>
    private sealed class NeverRunsContext : SynchronizationContext
    {
        private int _posts;

        public int Posts => _posts;

        public override void Post(SendOrPostCallback d, object? state) => Interlocked.Increment(ref _posts);

        public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("The test context runs nothing.");
    }

    /// <summary>H3Yun answering a little later: the headers, or the body bit by bit. Its own awaits never capture a context.</summary>
    private sealed class SlowH3Yun(bool slowBody) : HttpMessageHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            var refused = request.Content is { } content && (await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Contains("att-missing", StringComparison.Ordinal);
            var download = request.RequestUri!.AbsolutePath.EndsWith("DownloadBizObjectFile", StringComparison.Ordinal) && !refused;
            var body = download ? [7, 8, 9]
                : refused ? Encoding.UTF8.GetBytes("""{"Successful":false,"ErrorMessage":"附件不存在","ReturnData":null}""")
                : Encoding.UTF8.GetBytes(Bodies.Envelope(AnswerData));
            var type = download ? "application/octet-stream" : "application/json";
            if (slowBody)
            {
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new TrickleStream(body)) { Headers = { ContentType = new(type) } } };
            }

            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) { Headers = { ContentType = new(type) } } };
        }
    }

    private sealed class TrickleStream(byte[] body) : MemoryStream(body)
    {
        public override bool CanSeek => false;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
            return Read(buffer.Span[..Math.Min(buffer.Length, 16)]);
        }
    }
}
