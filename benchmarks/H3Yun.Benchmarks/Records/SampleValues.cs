using System.Globalization;

namespace H3Yun.Benchmarks.Records;

/// <summary>What kind of value a field of the benchmark form holds, which decides how H3Yun sends it.</summary>
internal enum FieldKind
{
    Text,
    Memo,
    Amount,
    Count,
    Serial,
    Date,
    Flag,
    Person,
    Customer,
}

/// <summary>
/// Deterministic values for field <c>field</c> of record <c>seed</c>: the same on every run and on every side of a
/// comparison, of the sizes real forms hold (short Chinese texts, amounts with cents, China-time dates).
/// </summary>
internal static class SampleValues
{
    private static readonly string[] People = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强"];

    public static string Text(int field, int seed) => string.Create(CultureInfo.InvariantCulture, $"订单 SO-{seed:00000} 第{field}项");

    public static string Memo(int field, int seed) =>
        string.Create(CultureInfo.InvariantCulture, $"备注：第 {seed} 条记录的说明，字段 {field}，客户要求周五前发货，含税价。");

    public static decimal Amount(int field, int seed) => ((seed * 7919) + (field * 104729)) % 10_000_000 / 100m;

    public static int Count(int field, int seed) => ((seed * 31) + field) % 5000;

    public static long Serial(int seed) => 202_400_000_000L + seed;

    public static DateTime Date(int field, int seed) =>
        new(2024, 1 + ((seed + field) % 12), 1 + (((seed * 7) + field) % 28), (seed + field) % 24, (seed * 13) % 60, (field * 7) % 60, DateTimeKind.Unspecified);

    public static bool Flag(int field, int seed) => ((seed + field) % 2) == 0;

    public static string UnitId(int field, int seed) => Id(field, seed % People.Length);

    public static string UnitName(int field, int seed) => People[seed % People.Length] + (field % 3 == 0 ? string.Empty : "（销售部）");

    public static string Id(int field, int seed) => new Guid(seed, (short)field, 0x4a1b, 0x9c, 0x2d, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66).ToString();
}
