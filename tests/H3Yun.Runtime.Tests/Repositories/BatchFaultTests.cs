using H3Yun.Emulator;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// A batch create that fails part-way, however it fails, can be finished by following its own per-item report, and
/// leaves exactly one record per item: never one lost, never one twice.
/// </summary>
public class BatchFaultTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private const int ItemCount = 1000;

    public static TheoryData<string> Faults => ["apply, then HTTP 500", "apply, then drop the connection", "apply, then answer too late", "HTTP 503, not applied", "reset, not applied", "Successful:false, not applied"];

    public Task InitializeAsync()
    {
        fixture.Emulator.Clear();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Following_the_report_of_a_failed_batch_leaves_exactly_one_record_per_item(string fault)
    {
        // The third request of the batch meets the fault; the timeout is short only so that "too late" is quick.
        using var client = Client(timeout: TimeSpan.FromSeconds(2));
        var orders = new SalesOrderRepository(client);
        await orders.QueryAsync();
        var items = Enumerable.Range(0, ItemCount).Select(i => new SalesOrder { OrderNumber = $"B-{i:0000}", Amount = i }).ToList();
        fixture.Emulator.Faults.Enqueue(PassThrough(), OpenApiActions.CreateBizObjects);
        fixture.Emulator.Faults.Enqueue(PassThrough(), OpenApiActions.CreateBizObjects);
        fixture.Emulator.Faults.Enqueue(Fault(fault), OpenApiActions.CreateBizObjects);

        var first = await Assert.ThrowsAsync<H3YunBatchException>(() => orders.CreateManyAsync(items));
        Assert.Equal(ItemCount, first.Items.Count);
        Assert.Equal(200, first.Created.Count);
        Assert.All(first.Created, item => Assert.Equal(items[item.Index].ObjectId, item.ObjectId));
        // None of these lets the client know whether H3Yun created the third batch.
        Assert.Equal(100, first.Unknown.Count);
        Assert.Equal(700, first.NotCreated.Count);
        Assert.Contains("100 may or may not have been created (items 200–299; check whether they exist", first.Message, StringComparison.Ordinal);
        Assert.Contains("700 certainly not created (items 300–999; these can be sent again)", first.Message, StringComparison.Ordinal);

        await FinishAsync(orders, items, first);

        Assert.Equal(ItemCount, fixture.Emulator.Count(SalesOrder.SchemaCode));
        var stored = await orders.QueryAllAsync().Select(o => o.OrderNumber).ToListAsync();
        Assert.Equal(items.Select(i => i.OrderNumber).Order(), stored.Order());
    }

    [Fact]
    public async Task Random_faults_on_every_kind_of_request_never_lose_or_duplicate_an_item()
    {
        using var client = Client(timeout: TimeSpan.FromSeconds(2));
        var orders = new SalesOrderRepository(client);
        var items = Enumerable.Range(0, ItemCount).Select(i => new SalesOrder { OrderNumber = $"R-{i:0000}" }).ToList();
        var log = fixture.Emulator.Requests;
        var before = log.Count > 0 ? log[^1].Sequence : 0;
        fixture.Emulator.Faults.InjectRandomly(EmulatorFault.ApplyThenHttpStatus(502), 0.2, seed: 1, OpenApiActions.CreateBizObjects);
        fixture.Emulator.Faults.InjectRandomly(EmulatorFault.ApplyThenDropConnection(), 0.2, seed: 2, OpenApiActions.CreateBizObjects);
        fixture.Emulator.Faults.InjectRandomly(EmulatorFault.HttpStatus(503), 0.2, seed: 3, OpenApiActions.CreateBizObjects);
        fixture.Emulator.Faults.InjectRandomly(EmulatorFault.ConnectionReset(), 0.1, seed: 4, OpenApiActions.CreateBizObjects);

        try
        {
            await orders.CreateManyAsync(items);
        }
        catch (H3YunBatchException failure)
        {
            await FinishAsync(orders, items, failure);
        }

        fixture.Emulator.Faults.Clear();
        Assert.Equal(ItemCount, fixture.Emulator.Count(SalesOrder.SchemaCode));
        Assert.Equal(ItemCount, (await orders.QueryAllAsync().Select(o => o.OrderNumber).ToListAsync()).Distinct().Count());

        // The faults fired, of both kinds: without them the test would prove nothing about recovering.
        var faulted = fixture.Emulator.Requests.Where(r => r.Sequence > before && r.Fault is not null).ToList();
        Assert.Contains(faulted, r => r.Processed);
        Assert.Contains(faulted, r => !r.Processed);
        Assert.True(faulted.Select(r => r.Fault).Distinct().Count() >= 3, string.Join(", ", faulted.Select(r => r.Fault).Distinct()));
    }

    /// <summary>What docs/client.md tells users to do: keep the created, send the not created again, and look up the unknown first.</summary>
    private static async Task FinishAsync(SalesOrderRepository orders, List<SalesOrder> items, H3YunBatchException failure)
    {
        var pending = items;
        for (var round = 0; failure is not null; round++)
        {
            Assert.True(round < 50, "the batch did not finish in 50 rounds");
            var unknown = failure.Unknown.Select(item => pending[item.Index]).ToList();
            var resend = failure.NotCreated.Select(item => pending[item.Index]).ToList();
            foreach (var window in unknown.Chunk(Filter.MaxPageSize))
            {
                var existing = (await orders.QueryAsync(SalesOrder.Where.OrderNumber.In([.. window.Select(o => o.OrderNumber!)])))
                    .Items.Select(o => o.OrderNumber).ToHashSet();
                resend.AddRange(window.Where(o => !existing.Contains(o.OrderNumber)));
            }

            pending = resend;
            failure = null!;
            try
            {
                await orders.CreateManyAsync(pending);
            }
            catch (H3YunBatchException next)
            {
                failure = next;
            }
        }
    }

    private H3YunClient Client(TimeSpan timeout) => new(new H3YunClientOptions
    {
        BaseAddress = fixture.Emulator.BaseAddress,
        EngineCode = fixture.Emulator.EngineCode,
        EngineSecret = fixture.Emulator.EngineSecret,
        RequestsPerSecond = null,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        Timeout = timeout,
    });

    private static EmulatorFault PassThrough() => EmulatorFault.Delay(TimeSpan.Zero);

    private static EmulatorFault Fault(string name) => name switch
    {
        "apply, then HTTP 500" => EmulatorFault.ApplyThenHttpStatus(500),
        "apply, then drop the connection" => EmulatorFault.ApplyThenDropConnection(),
        "apply, then answer too late" => EmulatorFault.ApplyThenDelay(TimeSpan.FromSeconds(3)),
        "HTTP 503, not applied" => EmulatorFault.HttpStatus(503),
        "reset, not applied" => EmulatorFault.ConnectionReset(),
        "Successful:false, not applied" => EmulatorFault.ApiError("第3条数据校验失败"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
