using System.Globalization;
using System.Text;
using System.Text.Json;
using H3Yun.Emulator;

namespace H3Yun.Sync.Tests.Support;

/// <summary>
/// An emulator on a clock the test controls, a client that writes to it, a client for the sync with a hook in its
/// path, and a temporary folder for the database and schema files.
/// </summary>
internal sealed class SyncBench : IAsyncDisposable
{
    public const string Form = "D000900Order";
    public const string Lines = "D000900FLines";
    public const string Customers = "D000900Customer";

    private readonly HttpClient _syncHttp;

    private SyncBench(H3YunEmulator emulator, ManualClock clock, string folder, string? target)
    {
        Emulator = emulator;
        Clock = clock;
        Folder = folder;
        Target = target ?? DatabasePath;
        var options = new H3YunClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            EngineCode = emulator.EngineCode,
            EngineSecret = emulator.EngineSecret,
            RequestsPerSecond = null,
            MaxRetryAttempts = 0,
        };
        Writer = new H3YunClient(options);
        _syncHttp = new HttpClient(Hook);
        Client = new H3YunClient(_syncHttp, options);
    }

    public H3YunEmulator Emulator { get; }

    public ManualClock Clock { get; }

    public string Folder { get; }

    public string SchemaFolder => Path.Combine(Folder, "schemas");

    public string DatabasePath => Path.Combine(Folder, "copy.db");

    /// <summary>Where the sync copies to: <see cref="DatabasePath"/>, or a PostgreSQL database's connection string.</summary>
    public string Target { get; }

    public bool IsPostgreSql => Target.StartsWith("Host=", StringComparison.OrdinalIgnoreCase);

    public H3YunClient Writer { get; }

    public H3YunClient Client { get; }

    public HookHandler Hook { get; } = new();

    /// <summary>
    /// A bench that copies to <paramref name="target"/>, or to a SQLite file in its folder: the form
    /// <see cref="Form"/>, and <see cref="Customers"/> too when <paramref name="customers"/> is set.
    /// </summary>
    public static async Task<SyncBench> StartAsync(string? target = null, bool customers = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), "h3yun-sync-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "schemas"));
        var clock = new ManualClock(new DateTimeOffset(2026, 5, 1, 2, 0, 0, TimeSpan.Zero));
        var options = new H3YunEmulatorOptions { Clock = clock };
        foreach (var file in customers ? new[] { "Order.h3form.json", "Customer.h3form.json" } : ["Order.h3form.json"])
        {
            var schema = Path.Combine(AppContext.BaseDirectory, "Schemas", file);
            File.Copy(schema, Path.Combine(folder, "schemas", file));
            options.SchemaFiles.Add(schema);
        }

        var emulator = await H3YunEmulator.StartAsync(options);
        return new SyncBench(emulator, clock, folder, target);
    }

    public H3YunSync NewSync(
        bool reconcile = false, TimeSpan? lag = null, TimeSpan? overlap = null, string? target = null, DeletionMode deletions = DeletionMode.Delete,
        IProgress<SyncProgress>? progress = null) =>
        new(Client, Options(reconcile, lag, overlap, target, deletions, progress: progress));

    /// <summary>The options <see cref="NewSync"/> copies with.</summary>
    public H3YunSyncOptions Options(
        bool reconcile = false, TimeSpan? lag = null, TimeSpan? overlap = null, string? target = null, DeletionMode deletions = DeletionMode.Delete,
        string? schemaFolder = null, IReadOnlyList<string>? forms = null, IProgress<SyncProgress>? progress = null) =>
        new()
        {
            SchemaFolder = schemaFolder ?? SchemaFolder,
            Forms = forms ?? [],
            Target = target ?? Target,
            Reconcile = reconcile,
            Lag = lag ?? TimeSpan.FromSeconds(1),
            Overlap = overlap ?? TimeSpan.FromSeconds(3),
            Clock = Clock,
            Deletions = deletions,
            Progress = progress,
        };

    /// <summary>The rows a query of the copy answers, each value as text, a long or null (see <see cref="CopyReader"/>).</summary>
    public List<Dictionary<string, object?>> Rows(string sql) => CopyReader.Rows(Target, sql);

    public long Scalar(string sql) => CopyReader.Scalar(Target, sql);

    public async Task<string> CreateAsync(string title, decimal amount, bool done = false, params (string Item, decimal Quantity)[] lines)
    {
        var data = await Writer.InvokeAsync(OpenApiRequest.CreateBizObject(Form, RecordJson(title, amount, done, lines), isSubmit: true));
        return data.GetProperty("BizObjectId").GetString()!;
    }

    public Task UpdateAsync(string objectId, string title, decimal amount, bool done, (string Item, decimal Quantity)[]? lines) =>
        Writer.InvokeAsync(OpenApiRequest.UpdateBizObject(Form, objectId, RecordJson(title, amount, done, lines)));

    public async Task<string> CreateCustomerAsync(string name)
    {
        var data = await Writer.InvokeAsync(OpenApiRequest.CreateBizObject(Customers, JsonSerializer.Serialize(new Dictionary<string, string> { ["F0000001"] = name }), isSubmit: true));
        return data.GetProperty("BizObjectId").GetString()!;
    }

    public Task RemoveAsync(string objectId) => Writer.InvokeAsync(OpenApiRequest.RemoveBizObject(Form, objectId));

    /// <summary>The bench's clock as H3Yun's stamps read it: China time, without an offset.</summary>
    public DateTime ChinaNow => Clock.GetUtcNow().AddHours(8).DateTime;

    /// <summary>
    /// Loads records into the emulator with the ObjectIds and stamps given (created and modified at once), titled
    /// <c>r0</c>, <c>r1</c>, … with the same numbers as amounts; what a form that has been used for years holds.
    /// </summary>
    public Task SeedAsync(IEnumerable<(string ObjectId, DateTime Stamp)> records) =>
        SeedAsync(records.Select(record => (record.ObjectId, record.Stamp, record.Stamp)));

    /// <summary>Loads records as <see cref="SeedAsync(IEnumerable{ValueTuple{string, DateTime}})"/> does, each with its own creation and modification time.</summary>
    public async Task SeedAsync(IEnumerable<(string ObjectId, DateTime Created, DateTime Modified)> records)
    {
        var seed = new StringBuilder("""{"Format":"h3yun-emulator-seed/1","Records":{"D000900Order":[""");
        var i = 0;
        foreach (var (objectId, created, modified) in records)
        {
            seed.Append(CultureInfo.InvariantCulture, $$"""{{(i == 0 ? "" : ",")}}{"ObjectId":"{{objectId}}","CreatedTime":"{{Stamp(created)}}","ModifiedTime":"{{Stamp(modified)}}","F0000001":"r{{i}}","F0000002":{{i}}}""");
            i++;
        }

        seed.Append("]},\"Attachments\":[]}");
        await Emulator.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(seed.ToString())));

        static string Stamp(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>The ObjectIds the copy's <c>Orders</c> table holds, in ordinal order.</summary>
    public List<string> CopiedIds() =>
        [.. Rows("SELECT \"ObjectId\" FROM \"Orders\"").Select(row => (string)row["ObjectId"]!).Order(StringComparer.Ordinal)];

    public static string RecordJson(string title, decimal amount, bool done, (string Item, decimal Quantity)[]? lines)
    {
        var record = new Dictionary<string, object?> { ["F0000001"] = title, ["F0000002"] = amount, ["F0000004"] = done, ["F0000003"] = "2026-05-01 10:00:00" };
        if (lines is not null)
        {
            record[Lines] = lines.Select(line => new Dictionary<string, object> { ["F0000011"] = line.Item, ["F0000012"] = line.Quantity }).ToList();
        }

        return JsonSerializer.Serialize(record);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _syncHttp.Dispose();
        Writer.Dispose();
        await Emulator.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>
    /// Starts a sync, holds it inside its first request, starts a second one on the same database, and returns how
    /// the second was refused once the first has finished.
    /// </summary>
    public async Task<H3YunSyncException> SecondSyncWhileTheFirstRunsAsync()
    {
        var inside = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        Hook.Before = async _ =>
        {
            inside.TrySetResult();
            await release.Task;
        };
        var first = NewSync().RunAsync();
        await inside.Task;

        var error = await Assert.ThrowsAsync<H3YunSyncException>(() => NewSync().RunAsync());
        Hook.Before = null;
        release.SetResult();
        await first;
        return error;
    }
}
