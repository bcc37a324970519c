using H3Yun.Emulator;

namespace H3Yun.Runtime.Tests.Upsert;

/// <summary>What the upsert tests share: a client of the emulator, request counting and the stated cost.</summary>
internal static class UpsertHarness
{
    public const int BatchSize = 100;

    public static H3YunClient Client(H3YunEmulator emulator, TimeSpan? timeout = null) => new(new H3YunClientOptions
    {
        BaseAddress = emulator.BaseAddress,
        EngineCode = emulator.EngineCode,
        EngineSecret = emulator.EngineSecret,
        RequestsPerSecond = null,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
        CreateBatchSize = BatchSize,
    });

    /// <summary>The requests <paramref name="call"/> made at the emulator, whatever became of them.</summary>
    public static async Task<(T Result, int Requests)> CountAsync<T>(H3YunEmulator emulator, Func<Task<T>> call)
    {
        var before = LastSequence(emulator);
        var result = await call();
        return (result, (int)(LastSequence(emulator) - before));
    }

    /// <summary>The cost docs/write-data-into-h3yun.md states: ⌈keys/500⌉ lookups, ⌈new/batch⌉ creates, one update per changed record.</summary>
    public static int StatedCost(int distinctKeys, int created, int changed) =>
        Ceiling(distinctKeys, Filter.MaxPageSize) + Ceiling(created, BatchSize) + changed;

    /// <summary>A fault by name; "too late" answers <paramref name="lateBy"/> after the write, which must exceed the client's timeout.</summary>
    public static EmulatorFault Fault(string name, TimeSpan? lateBy = null) => name switch
    {
        "apply, then HTTP 500" => EmulatorFault.ApplyThenHttpStatus(500),
        "apply, then drop the connection" => EmulatorFault.ApplyThenDropConnection(),
        "apply, then answer too late" => EmulatorFault.ApplyThenDelay(lateBy ?? TimeSpan.FromSeconds(1.5)),
        "HTTP 503, not applied" => EmulatorFault.HttpStatus(503),
        "Successful:false, not applied" => EmulatorFault.ApiError("数据校验失败"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    public static readonly string[] ApplyThenFaults = ["apply, then HTTP 500", "apply, then drop the connection", "apply, then answer too late"];

    public static readonly string[] AllFaults = [.. ApplyThenFaults, "HTTP 503, not applied", "Successful:false, not applied"];

    private static int Ceiling(int count, int size) => (count + size - 1) / size;

    private static long LastSequence(H3YunEmulator emulator) => emulator.Requests is { Count: > 0 } requests ? requests[^1].Sequence : 0;
}
