using System.Text.Json.Serialization;

namespace H3Yun.Benchmarks.Records;

/// <summary>
/// The benchmark form as a System.Text.Json user writes it: a property per field code, the <c>…Object</c> companions
/// H3Yun sends beside person and association fields, and the child table under its schema code.
/// </summary>
public sealed class BenchOrderPoco
{
    public string? ObjectId { get; set; }

    public string? Name { get; set; }

    public string? CreatedBy { get; set; }

    public UnitPoco? CreatedByObject { get; set; }

    public string? OwnerId { get; set; }

    public UnitPoco? OwnerIdObject { get; set; }

    public string? OwnerDeptId { get; set; }

    public UnitPoco? OwnerDeptIdObject { get; set; }

    public DateTime? CreatedTime { get; set; }

    public string? ModifiedBy { get; set; }

    public UnitPoco? ModifiedByObject { get; set; }

    public DateTime? ModifiedTime { get; set; }

    public string? WorkflowInstanceId { get; set; }

    public int? Status { get; set; }

    public string? SeqNo { get; set; }

    [JsonPropertyName("F0000001")]
    public string? Text01 { get; set; }

    [JsonPropertyName("F0000002")]
    public string? Text02 { get; set; }

    [JsonPropertyName("F0000003")]
    public string? Text03 { get; set; }

    [JsonPropertyName("F0000004")]
    public string? Text04 { get; set; }

    [JsonPropertyName("F0000005")]
    public string? Text05 { get; set; }

    [JsonPropertyName("F0000006")]
    public string? Text06 { get; set; }

    [JsonPropertyName("F0000007")]
    public string? Text07 { get; set; }

    [JsonPropertyName("F0000008")]
    public string? Text08 { get; set; }

    [JsonPropertyName("F0000009")]
    public string? Text09 { get; set; }

    [JsonPropertyName("F0000010")]
    public string? Text10 { get; set; }

    [JsonPropertyName("F0000011")]
    public string? Text11 { get; set; }

    [JsonPropertyName("F0000012")]
    public string? Text12 { get; set; }

    [JsonPropertyName("F0000013")]
    public string? Text13 { get; set; }

    [JsonPropertyName("F0000014")]
    public string? Text14 { get; set; }

    [JsonPropertyName("F0000015")]
    public string? Text15 { get; set; }

    [JsonPropertyName("F0000016")]
    public string? Text16 { get; set; }

    [JsonPropertyName("F0000017")]
    public string? Memo1 { get; set; }

    [JsonPropertyName("F0000018")]
    public string? Memo2 { get; set; }

    [JsonPropertyName("F0000019")]
    public string? Memo3 { get; set; }

    [JsonPropertyName("F0000020")]
    public string? Memo4 { get; set; }

    [JsonPropertyName("F0000021")]
    public decimal? Amount01 { get; set; }

    [JsonPropertyName("F0000022")]
    public decimal? Amount02 { get; set; }

    [JsonPropertyName("F0000023")]
    public decimal? Amount03 { get; set; }

    [JsonPropertyName("F0000024")]
    public decimal? Amount04 { get; set; }

    [JsonPropertyName("F0000025")]
    public decimal? Amount05 { get; set; }

    [JsonPropertyName("F0000026")]
    public decimal? Amount06 { get; set; }

    [JsonPropertyName("F0000027")]
    public decimal? Amount07 { get; set; }

    [JsonPropertyName("F0000028")]
    public decimal? Amount08 { get; set; }

    [JsonPropertyName("F0000029")]
    public decimal? Amount09 { get; set; }

    [JsonPropertyName("F0000030")]
    public decimal? Amount10 { get; set; }

    [JsonPropertyName("F0000031")]
    public int? Count1 { get; set; }

    [JsonPropertyName("F0000032")]
    public int? Count2 { get; set; }

    [JsonPropertyName("F0000033")]
    public int? Count3 { get; set; }

    [JsonPropertyName("F0000034")]
    public int? Count4 { get; set; }

    [JsonPropertyName("F0000035")]
    public long? Serial { get; set; }

    [JsonPropertyName("F0000036")]
    public DateTime? Date1 { get; set; }

    [JsonPropertyName("F0000037")]
    public DateTime? Date2 { get; set; }

    [JsonPropertyName("F0000038")]
    public DateTime? Date3 { get; set; }

    [JsonPropertyName("F0000039")]
    public DateTime? Date4 { get; set; }

    [JsonPropertyName("F0000040")]
    public DateTime? Date5 { get; set; }

    [JsonPropertyName("F0000041")]
    public DateTime? Date6 { get; set; }

    [JsonPropertyName("F0000042")]
    public bool? Flag1 { get; set; }

    [JsonPropertyName("F0000043")]
    public bool? Flag2 { get; set; }

    [JsonPropertyName("F0000044")]
    public bool? Flag3 { get; set; }

    [JsonPropertyName("F0000045")]
    public bool? Flag4 { get; set; }

    [JsonPropertyName("F0000046")]
    public string? Person1 { get; set; }

    [JsonPropertyName("F0000046Object")]
    public UnitPoco? Person1Object { get; set; }

    [JsonPropertyName("F0000047")]
    public string? Person2 { get; set; }

    [JsonPropertyName("F0000047Object")]
    public UnitPoco? Person2Object { get; set; }

    [JsonPropertyName("F0000048")]
    public string? Person3 { get; set; }

    [JsonPropertyName("F0000048Object")]
    public UnitPoco? Person3Object { get; set; }

    [JsonPropertyName("F0000049")]
    public string? Customer1 { get; set; }

    [JsonPropertyName("F0000049Object")]
    public UnitPoco? Customer1Object { get; set; }

    [JsonPropertyName("F0000050")]
    public string? Customer2 { get; set; }

    [JsonPropertyName("F0000050Object")]
    public UnitPoco? Customer2Object { get; set; }

    [JsonPropertyName("D000BenchLines")]
    public List<BenchLinePoco>? Lines { get; set; }
}

/// <summary>A row of the child table.</summary>
public sealed class BenchLinePoco
{
    [JsonPropertyName("F0000101")]
    public string? Product { get; set; }

    [JsonPropertyName("F0000102")]
    public string? Sku { get; set; }

    [JsonPropertyName("F0000103")]
    public string? Note { get; set; }

    [JsonPropertyName("F0000104")]
    public decimal? Price { get; set; }

    [JsonPropertyName("F0000105")]
    public decimal? Discount { get; set; }

    [JsonPropertyName("F0000106")]
    public int? Quantity { get; set; }

    [JsonPropertyName("F0000107")]
    public DateTime? Delivery { get; set; }

    [JsonPropertyName("F0000108")]
    public bool? Gift { get; set; }
}
