using System.Globalization;
using H3Yun;

namespace H3Yun.Sample;

/// <summary>The main job: create, load, query, update and delete records of the example forms, saying what happens.</summary>
internal sealed class SalesWalkthrough(H3YunClient client, TextWriter output)
{
    private readonly CustomerRepository _customers = new(client);
    private readonly SalesOrderRepository _orders = new(client);

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var customer = new Customer { CustomerName = "青岛海鲜有限公司", 联系电话 = "0532-8888 0000", Level = Customer.LevelOption.VIP, CreditLimit = 50_000m };
        var createdCustomer = await _customers.CreateAsync(customer, cancellationToken: cancellationToken);
        Say($"Created customer {customer.CustomerName} ({createdCustomer.ObjectId})");

        var order = new SalesOrder
        {
            OrderNumber = "SO-" + DateTime.Now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
            Customer = customer,
            OrderDate = DateTime.Now,
            Amount = 1_280.50m,
            Paid = false,
        };
        order.Lines.Add(new SalesOrder.OrderLine { Product = "扇贝", Quantity = 10, UnitPrice = 88.05m });
        order.Lines.Add(new SalesOrder.OrderLine { Product = "海参", Quantity = 2, UnitPrice = 200m });
        var createdOrder = await _orders.CreateAsync(order, cancellationToken: cancellationToken);
        Say($"Created order {order.OrderNumber} with {order.Lines.Count} lines ({createdOrder.ObjectId})");

        var loaded = await _orders.LoadAsync(createdOrder.ObjectId, cancellationToken)
            ?? throw new InvalidOperationException($"Order {createdOrder.ObjectId} was created but cannot be loaded.");
        Say($"Loaded {loaded.OrderNumber}: amount {loaded.Amount}, status {loaded.Status}, created {loaded.CreatedTime:yyyy-MM-dd HH:mm:ss} by {loaded.CreatedByObject?.Name ?? loaded.CreatedBy}");
        foreach (var line in loaded.Lines)
        {
            Say($"  line {line.Product} x{line.Quantity} at {line.UnitPrice}");
        }

        var unpaid = await _orders.QueryAsync(
            new H3Query<SalesOrder>
            {
                Where = SalesOrder.Where.Customer.EqualTo(customer) & SalesOrder.Where.Paid.EqualTo(false),
                RequireCount = true,
            },
            cancellationToken);
        Say($"Query: {unpaid.TotalCount ?? unpaid.Items.Count} unpaid order(s) for the customer");

        loaded.Paid = true;
        loaded.备注 = "已于 " + DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 付款";
        await _orders.UpdateAsync(loaded, cancellationToken);
        var updated = await _orders.LoadAsync(createdOrder.ObjectId, cancellationToken);
        Say($"Updated: paid {updated?.Paid}, note '{updated?.备注}' (only the two changed fields were sent)");

        await new FieldTypesWalkthrough(client, output).RunAsync(customer, cancellationToken);

        await _orders.DeleteAsync(createdOrder.ObjectId, cancellationToken);
        await _customers.DeleteAsync(createdCustomer.ObjectId, cancellationToken);
        // H3Yun documents no answer for loading a missing record (null, or Successful:false), so ask a query, which answers the same either way.
        var remaining = await _orders.QueryAsync(SalesOrder.Where.ObjectId.EqualTo(createdOrder.ObjectId), cancellationToken);
        if (remaining.Items.Count != 0)
        {
            throw new InvalidOperationException($"Order {createdOrder.ObjectId} was deleted but a query still finds it.");
        }

        Say("Deleted the order and the customer; a query for the order now finds nothing");
    }

    private void Say(string line) => output.WriteLine(line);
}
