namespace H3Yun.Benchmarks.Records;

/// <summary>One record of the benchmark form, every field set, as a generated record and as the POCO, with equal values.</summary>
internal static class BenchOrderSamples
{
    public const int LineCount = 20;

    public static BenchOrder Record(int seed)
    {
        var order = new BenchOrder
        {
            Text01 = SampleValues.Text(0, seed),
            Text02 = SampleValues.Text(1, seed),
            Text03 = SampleValues.Text(2, seed),
            Text04 = SampleValues.Text(3, seed),
            Text05 = SampleValues.Text(4, seed),
            Text06 = SampleValues.Text(5, seed),
            Text07 = SampleValues.Text(6, seed),
            Text08 = SampleValues.Text(7, seed),
            Text09 = SampleValues.Text(8, seed),
            Text10 = SampleValues.Text(9, seed),
            Text11 = SampleValues.Text(10, seed),
            Text12 = SampleValues.Text(11, seed),
            Text13 = SampleValues.Text(12, seed),
            Text14 = SampleValues.Text(13, seed),
            Text15 = SampleValues.Text(14, seed),
            Text16 = SampleValues.Text(15, seed),
            Memo1 = SampleValues.Memo(16, seed),
            Memo2 = SampleValues.Memo(17, seed),
            Memo3 = SampleValues.Memo(18, seed),
            Memo4 = SampleValues.Memo(19, seed),
            Amount01 = SampleValues.Amount(20, seed),
            Amount02 = SampleValues.Amount(21, seed),
            Amount03 = SampleValues.Amount(22, seed),
            Amount04 = SampleValues.Amount(23, seed),
            Amount05 = SampleValues.Amount(24, seed),
            Amount06 = SampleValues.Amount(25, seed),
            Amount07 = SampleValues.Amount(26, seed),
            Amount08 = SampleValues.Amount(27, seed),
            Amount09 = SampleValues.Amount(28, seed),
            Amount10 = SampleValues.Amount(29, seed),
            Count1 = SampleValues.Count(30, seed),
            Count2 = SampleValues.Count(31, seed),
            Count3 = SampleValues.Count(32, seed),
            Count4 = SampleValues.Count(33, seed),
            Serial = SampleValues.Serial(seed),
            Date1 = SampleValues.Date(35, seed),
            Date2 = SampleValues.Date(36, seed),
            Date3 = SampleValues.Date(37, seed),
            Date4 = SampleValues.Date(38, seed),
            Date5 = SampleValues.Date(39, seed),
            Date6 = SampleValues.Date(40, seed),
            Flag1 = SampleValues.Flag(41, seed),
            Flag2 = SampleValues.Flag(42, seed),
            Flag3 = SampleValues.Flag(43, seed),
            Flag4 = SampleValues.Flag(44, seed),
            Person1 = SampleValues.UnitId(45, seed),
            Person2 = SampleValues.UnitId(46, seed),
            Person3 = SampleValues.UnitId(47, seed),
            Customer1 = new H3Ref<BenchCustomer>(SampleValues.UnitId(48, seed)),
            Customer2 = new H3Ref<BenchCustomer>(SampleValues.UnitId(49, seed)),
        };
        for (var row = 0; row < LineCount; row++)
        {
            order.Lines.Add(new BenchOrder.BenchLine
            {
                Product = SampleValues.Text(100, row),
                Sku = SampleValues.Text(101, row),
                Note = SampleValues.Memo(102, row),
                Price = SampleValues.Amount(103, row),
                Discount = SampleValues.Amount(104, row),
                Quantity = SampleValues.Count(105, row),
                Delivery = SampleValues.Date(106, row),
                Gift = SampleValues.Flag(107, row),
            });
        }

        return order;
    }

    public static BenchOrderPoco Poco(int seed)
    {
        var order = new BenchOrderPoco
        {
            Text01 = SampleValues.Text(0, seed),
            Text02 = SampleValues.Text(1, seed),
            Text03 = SampleValues.Text(2, seed),
            Text04 = SampleValues.Text(3, seed),
            Text05 = SampleValues.Text(4, seed),
            Text06 = SampleValues.Text(5, seed),
            Text07 = SampleValues.Text(6, seed),
            Text08 = SampleValues.Text(7, seed),
            Text09 = SampleValues.Text(8, seed),
            Text10 = SampleValues.Text(9, seed),
            Text11 = SampleValues.Text(10, seed),
            Text12 = SampleValues.Text(11, seed),
            Text13 = SampleValues.Text(12, seed),
            Text14 = SampleValues.Text(13, seed),
            Text15 = SampleValues.Text(14, seed),
            Text16 = SampleValues.Text(15, seed),
            Memo1 = SampleValues.Memo(16, seed),
            Memo2 = SampleValues.Memo(17, seed),
            Memo3 = SampleValues.Memo(18, seed),
            Memo4 = SampleValues.Memo(19, seed),
            Amount01 = SampleValues.Amount(20, seed),
            Amount02 = SampleValues.Amount(21, seed),
            Amount03 = SampleValues.Amount(22, seed),
            Amount04 = SampleValues.Amount(23, seed),
            Amount05 = SampleValues.Amount(24, seed),
            Amount06 = SampleValues.Amount(25, seed),
            Amount07 = SampleValues.Amount(26, seed),
            Amount08 = SampleValues.Amount(27, seed),
            Amount09 = SampleValues.Amount(28, seed),
            Amount10 = SampleValues.Amount(29, seed),
            Count1 = SampleValues.Count(30, seed),
            Count2 = SampleValues.Count(31, seed),
            Count3 = SampleValues.Count(32, seed),
            Count4 = SampleValues.Count(33, seed),
            Serial = SampleValues.Serial(seed),
            Date1 = SampleValues.Date(35, seed),
            Date2 = SampleValues.Date(36, seed),
            Date3 = SampleValues.Date(37, seed),
            Date4 = SampleValues.Date(38, seed),
            Date5 = SampleValues.Date(39, seed),
            Date6 = SampleValues.Date(40, seed),
            Flag1 = SampleValues.Flag(41, seed),
            Flag2 = SampleValues.Flag(42, seed),
            Flag3 = SampleValues.Flag(43, seed),
            Flag4 = SampleValues.Flag(44, seed),
            Person1 = SampleValues.UnitId(45, seed),
            Person2 = SampleValues.UnitId(46, seed),
            Person3 = SampleValues.UnitId(47, seed),
            Customer1 = SampleValues.UnitId(48, seed),
            Customer2 = SampleValues.UnitId(49, seed),
            Lines = new List<BenchLinePoco>(LineCount),
        };
        for (var row = 0; row < LineCount; row++)
        {
            order.Lines.Add(new BenchLinePoco
            {
                Product = SampleValues.Text(100, row),
                Sku = SampleValues.Text(101, row),
                Note = SampleValues.Memo(102, row),
                Price = SampleValues.Amount(103, row),
                Discount = SampleValues.Amount(104, row),
                Quantity = SampleValues.Count(105, row),
                Delivery = SampleValues.Date(106, row),
                Gift = SampleValues.Flag(107, row),
            });
        }

        return order;
    }
}
