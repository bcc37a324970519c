using System.Text.Json.Serialization;

namespace H3Yun.Cli.Sync;

/// <summary>One run of <c>h3yun sync --json</c>: the target (password masked), the run's bound, and per form what it did.</summary>
internal sealed record RunReport(string Target, string Upper, IReadOnlyList<FormJson> Forms, long Requests, long RowsUpserted, long RowsDeleted, double Seconds);

/// <summary>One form of a <see cref="RunReport"/>; <c>Cursor</c> is China time, every record modified before it is copied.</summary>
internal sealed record FormJson(string SchemaCode, string Table, int Windows, long Requests, long RowsUpserted, long RowsDeleted, int ColumnsAdded, string? Cursor, bool Reconciled, double Seconds);

/// <summary>A failed run under <c>--json</c>: the message h3yun also prints on standard error.</summary>
internal sealed record ErrorReport(string Target, string Error);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RunReport))]
[JsonSerializable(typeof(ErrorReport))]
internal sealed partial class SyncJson : JsonSerializerContext;
