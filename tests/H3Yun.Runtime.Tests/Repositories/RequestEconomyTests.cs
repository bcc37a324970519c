using CsCheck;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// Against H3Yun's 1–2 requests per second, the number of requests is what users feel. Counted at the emulator, for
/// any number of records and any batch size: writing N records takes ⌈N / batch⌉ requests, reading them ⌈N / 500⌉
/// when the total is known, and an update that changes nothing takes none.
/// </summary>
public sealed class RequestEconomyTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Writing_and_reading_N_records_takes_the_fewest_requests_H3Yun_allows()
    {
        int[] edges = [0, 1, 499, 500, 501, 1000];
        var sizes = Gen.Select(Gen.OneOf(Gen.Int[0, 1100], Gen.Int[0, edges.Length - 1].Select(i => edges[i])), Gen.Int[1, 250]);

        await sizes.SampleAsync(
            async sample =>
            {
                var (count, batchSize) = sample;
                fixture.Emulator.Clear();
                using var client = ClientWith(batchSize);
                var books = new BookRepository(client);

                var created = await Counting(
                    OpenApiActions.CreateBizObjects,
                    () => books.CreateManyAsync(Enumerable.Range(0, count).Select(static i => new Book { Title = $"Book {i}" })));
                var readKnowingTheTotal = await Counting(
                    OpenApiActions.LoadBizObjects,
                    () => Collect(books.QueryAllAsync(new H3Query<Book> { RequireCount = true })));
                var readWithoutTheTotal = await Counting(
                    OpenApiActions.LoadBizObjects,
                    () => Collect(books.QueryAllAsync()));

                Assert.Equal(Ceiling(count, batchSize), created.Requests);
                Assert.All(created.Result, static item => Assert.Equal(WriteOutcome.Applied, item.Outcome));
                Assert.Equal(Math.Max(1, Ceiling(count, Filter.MaxPageSize)), readKnowingTheTotal.Requests);
                Assert.Equal(count, readKnowingTheTotal.Result.Count);
                // Without the total, only a short window shows the end: an exact multiple of 500 costs one empty request more.
                Assert.Equal((count / Filter.MaxPageSize) + 1, readWithoutTheTotal.Requests);
            },
            iter: 8,
            threads: 1);
    }

    [Fact]
    public async Task An_update_that_changes_nothing_sends_no_request_however_the_record_was_read()
    {
        fixture.Emulator.Clear();
        var books = new BookRepository(fixture.Client);
        var created = await books.CreateAsync(new Book { Title = "Unchanged", Code = "B-1" });
        var loaded = (await books.LoadAsync(created.ObjectId))!;
        var queried = (await books.QueryAsync(Book.Where.Title.EqualTo("Unchanged"))).Items.Single();
        var before = fixture.RequestsOf(OpenApiActions.UpdateBizObject);

        await books.UpdateAsync(loaded);
        await books.UpdateAsync(queried);

        Assert.Equal(before, fixture.RequestsOf(OpenApiActions.UpdateBizObject));
    }

    private H3YunClient ClientWith(int batchSize) => new(new H3YunClientOptions
    {
        BaseAddress = fixture.Emulator.BaseAddress,
        EngineCode = fixture.Emulator.EngineCode,
        EngineSecret = fixture.Emulator.EngineSecret,
        RequestsPerSecond = null,
        CreateBatchSize = batchSize,
    });

    private async Task<(T Result, int Requests)> Counting<T>(string actionName, Func<Task<T>> call)
    {
        var before = fixture.RequestsOf(actionName);
        var result = await call();
        return (result, fixture.RequestsOf(actionName) - before);
    }

    private static int Ceiling(int count, int size) => (count + size - 1) / size;

    private static async Task<List<Book>> Collect(IAsyncEnumerable<Book> books)
    {
        var all = new List<Book>();
        await foreach (var book in books)
        {
            all.Add(book);
        }

        return all;
    }
}
