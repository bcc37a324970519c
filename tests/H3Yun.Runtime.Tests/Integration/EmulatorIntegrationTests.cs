using H3Yun.Emulator;

namespace H3Yun.Runtime.Tests;

/// <summary>The generated repositories against the local emulator, over real loopback HTTP, in memory.</summary>
public class EmulatorIntegrationTests(EmulatorFixture fixture) : EmulatorIntegration(fixture), IClassFixture<EmulatorFixture>;

/// <summary>The same, against the emulator's SQLite store.</summary>
public class PersistentEmulatorIntegrationTests(PersistentEmulatorFixture fixture) : EmulatorIntegration(fixture), IClassFixture<PersistentEmulatorFixture>;

/// <summary>The same, against the emulator in strict mode.</summary>
public class StrictEmulatorIntegrationTests(StrictEmulatorFixture fixture) : EmulatorIntegration(fixture), IClassFixture<StrictEmulatorFixture>;

/// <summary>What every emulator mode must give the generated repositories.</summary>
public abstract class EmulatorIntegration(EmulatorFixture fixture) : IAsyncLifetime
{
    private readonly SalesOrderRepository _orders = new(fixture.Client);
    private readonly CustomerRepository _customers = new(fixture.Client);

    public Task InitializeAsync()
    {
        fixture.Emulator.Clear();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_record_goes_through_create_load_query_update_and_delete()
    {
        var customer = await _customers.CreateAsync(new Customer { CustomerName = "青岛海鲜", Level = Customer.LevelOption.VIP, CreditLimit = 5000m });
        var order = new SalesOrder { OrderNumber = "SO-1", Customer = new H3Ref<Customer>(customer.ObjectId), Amount = 99.5m, OrderDate = new DateTime(2026, 11, 28, 9, 30, 0) };
        order.Lines.Add(new SalesOrder.OrderLine { Product = "扇贝", Quantity = 3, UnitPrice = 33.1m });

        var created = await _orders.CreateAsync(order);
        var loaded = await _orders.LoadAsync(created.ObjectId);

        Assert.NotNull(loaded);
        Assert.Equal("SO-1", loaded.OrderNumber);
        Assert.Equal(customer.ObjectId, loaded.Customer?.ObjectId);
        Assert.Equal(99.5m, loaded.Amount);
        Assert.Equal(new DateTime(2026, 11, 28, 9, 30, 0), loaded.OrderDate);
        Assert.Equal(BizObjectStatus.Effective, loaded.Status);
        Assert.Equal(EmulatorOrganization.AdminUserId, loaded.CreatedBy);
        Assert.Equal(EmulatorOrganization.AdminUserName, loaded.CreatedByObject?.Name);
        Assert.Equal(EmulatorOrganization.AdminUserId, loaded.CreatedByObject?.ObjectId);
        Assert.NotNull(loaded.CreatedTime);
        var line = Assert.Single(loaded.Lines);
        Assert.Equal(("扇贝", 3, 33.1m), (line.Product, line.Quantity, line.UnitPrice));
        Assert.Equal(created.ObjectId, line.ParentObjectId);

        var page = await _orders.QueryAsync(SalesOrder.Where.OrderNumber.EqualTo("SO-1") & SalesOrder.Where.Customer.EqualTo(new H3Ref<Customer>(customer.ObjectId)));
        Assert.Equal(created.ObjectId, Assert.Single(page.Items).ObjectId);

        loaded.Paid = true;
        await _orders.UpdateAsync(loaded);
        var updated = await _orders.LoadAsync(created.ObjectId);
        Assert.True(updated?.Paid);
        Assert.Equal("SO-1", updated?.OrderNumber);

        await _orders.DeleteAsync(created.ObjectId);
        // Strict tenants answer a load of a missing record with 业务对象不存在, others with no record; a query holds for both.
        Assert.Empty((await _orders.QueryAsync(SalesOrder.Where.ObjectId.EqualTo(created.ObjectId))).Items);
    }

    [Fact]
    public async Task Every_control_is_stored_and_read_back_in_H3Yuns_read_format()
    {
        var customer = await _customers.CreateAsync(new Customer { CustomerName = "客户甲" });
        var record = new AllTypes
        {
            ShortText = "短",
            Colour = AllTypes.ColourOption.蓝,
            Days = [AllTypes.DaysOption.周三],
            Amount = 0.0000000000000001m,
            Count = -3,
            BigCount = long.MaxValue,
            DueDate = new DateTime(2026, 2, 3, 4, 5, 6),
            Done = false,
            Owner = EmulatorOrganization.AdminUserId,
            Reviewers = [EmulatorOrganization.AdminUserId],
            Department = EmulatorOrganization.DepartmentId,
            Customer = new H3Ref<Customer>(customer.ObjectId),
            Address = new H3Address("440305", "广东省 深圳市 南山区", "科兴科学园"),
            Location = new H3Location("深圳湾", new H3GeoPoint(22.5m, 113.9m)),
        };
        record.Rows.Add(new AllTypes.Row { Item = "螺丝", Grade = AllTypes.Row.GradeOption.A, Handler = EmulatorOrganization.AdminUserId });
        var records = new AllTypesRepository(fixture.Client);

        var loaded = (await records.LoadAsync((await records.CreateAsync(record)).ObjectId))!;

        Assert.Equal(("短", AllTypes.ColourOption.蓝, 0.0000000000000001m, -3, long.MaxValue, false), (loaded.ShortText, loaded.Colour, loaded.Amount, loaded.Count, loaded.BigCount, loaded.Done));
        Assert.Equal([AllTypes.DaysOption.周三], loaded.Days);
        Assert.Equal(new DateTime(2026, 2, 3, 4, 5, 6), loaded.DueDate);
        Assert.Equal(EmulatorOrganization.AdminUserId, loaded.Owner);
        Assert.Equal(new H3Unit(EmulatorOrganization.AdminUserId, EmulatorOrganization.AdminUserName), loaded.OwnerObject);
        Assert.Equal([new H3Unit(EmulatorOrganization.AdminUserId, EmulatorOrganization.AdminUserName)], loaded.ReviewersObjects);
        Assert.Equal(EmulatorOrganization.DepartmentId, loaded.DepartmentObject?.ObjectId);
        Assert.Equal(customer.ObjectId, loaded.Customer?.ObjectId);
        Assert.Equal(record.Address, loaded.Address);
        Assert.Equal(record.Location, loaded.Location);
        var row = Assert.Single(loaded.Rows);
        Assert.Equal(("螺丝", AllTypes.Row.GradeOption.A, EmulatorOrganization.AdminUserId), (row.Item, row.Grade, row.HandlerObject?.ObjectId));
    }

    [Fact]
    public async Task Option_fields_are_queried_by_their_enum()
    {
        await _customers.CreateManyAsync([new Customer { CustomerName = "甲", Level = Customer.LevelOption.VIP }, new Customer { CustomerName = "乙", Level = Customer.LevelOption.普通 }]);

        var vips = await _customers.QueryAsync(Customer.Where.Level.EqualTo(Customer.LevelOption.VIP));

        Assert.Equal("甲", Assert.Single(vips.Items).CustomerName);
    }

    [Fact]
    public async Task A_draft_is_created_when_submit_is_false()
    {
        var created = await _orders.CreateAsync(new SalesOrder { OrderNumber = "DRAFT" }, submit: false);

        Assert.Equal(BizObjectStatus.Draft, (await _orders.LoadAsync(created.ObjectId))?.Status);
    }

    [Fact]
    public async Task Query_all_returns_each_of_1234_records_exactly_once_in_3_requests()
    {
        await SeedAsync(1234);
        var before = fixture.RequestsOf(OpenApiActions.LoadBizObjects);

        var numbers = new List<string?>();
        await foreach (var order in _orders.QueryAllAsync(SalesOrder.Where.OrderNumber.StartsWith("BULK-")))
        {
            numbers.Add(order.OrderNumber);
        }

        Assert.Equal(1234, numbers.Count);
        Assert.Equal(1234, numbers.Distinct().Count());
        Assert.Equal(3, fixture.RequestsOf(OpenApiActions.LoadBizObjects) - before);
    }

    [Fact]
    public async Task A_cancelled_enumeration_sends_no_further_request()
    {
        await SeedAsync(600);
        using var cancel = new CancellationTokenSource();
        var before = fixture.RequestsOf(OpenApiActions.LoadBizObjects);
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var order in _orders.QueryAllAsync(pageSize: 100, cancellationToken: cancel.Token))
            {
                if (++seen == 100)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.Equal(100, seen);
        Assert.Equal(1, fixture.RequestsOf(OpenApiActions.LoadBizObjects) - before);
    }

    [Fact]
    public async Task Require_count_returns_the_number_of_matching_records()
    {
        await SeedAsync(37);

        var page = await _orders.QueryAsync(new H3Query<SalesOrder>
        {
            Where = SalesOrder.Where.TotalQuantity.GreaterThanOrEqualTo(10),
            ToRowNum = 5,
            RequireCount = true,
        });

        Assert.Equal(27, page.TotalCount);
        Assert.Equal(5, page.Items.Count);
    }

    [Fact]
    public async Task Create_many_sends_batches_and_creates_every_record()
    {
        await SeedAsync(250);

        Assert.Equal(250, fixture.Emulator.Count(SalesOrder.SchemaCode));
        Assert.Equal(3, fixture.RequestsOf(OpenApiActions.CreateBizObjects));
    }

    [Fact]
    public async Task A_read_survives_a_passing_server_error()
    {
        var created = await _orders.CreateAsync(new SalesOrder { OrderNumber = "R-1" });
        fixture.Emulator.Faults.EnqueueHttpStatus(503);

        var loaded = await _orders.LoadAsync(created.ObjectId);

        Assert.Equal("R-1", loaded?.OrderNumber);
    }

    [Fact]
    public async Task An_api_error_from_the_server_carries_its_message()
    {
        fixture.Emulator.Faults.EnqueueApiError("数据被锁定");

        var error = await Assert.ThrowsAsync<H3YunApiException>(() => _orders.DeleteAsync("some-id"));

        Assert.Equal("数据被锁定", error.ErrorMessage);
        Assert.Equal("RemoveBizObject", error.ActionName);
    }

    private async Task SeedAsync(int count)
    {
        var orders = Enumerable.Range(0, count).Select(i => new SalesOrder { OrderNumber = $"BULK-{i:D5}", TotalQuantity = i });
        await _orders.CreateManyAsync(orders);
    }
}
