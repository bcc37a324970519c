using H3Yun.Emulator;

namespace H3Yun.Runtime.Tests;

/// <summary>A local H3Yun emulator over real loopback HTTP, knowing every form of this test project, storing in memory.</summary>
public class EmulatorFixture : IAsyncLifetime
{
    private string? _dataFile;

    public H3YunEmulator Emulator { get; private set; } = null!;

    public H3YunClient Client { get; private set; } = null!;

    /// <summary>Whether the emulator behaves like the stricter tenants (numbers as strings, SQL NULLs, not-found errors).</summary>
    protected virtual bool Strict => false;

    /// <summary>Whether the emulator stores in a SQLite file, as standalone, rather than in memory.</summary>
    protected virtual bool Persistent => false;

    public async Task InitializeAsync()
    {
        var options = new H3YunEmulatorOptions { Strict = Strict };
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Schemas"), "*.h3form.json"))
        {
            options.SchemaFiles.Add(file);
        }

        if (Persistent)
        {
            _dataFile = Path.Combine(Path.GetTempPath(), $"h3yun-runtime-tests-{Guid.NewGuid():N}.db");
            options.DataFile = _dataFile;
        }

        Emulator = await H3YunEmulator.StartAsync(options);
        Client = new H3YunClient(new H3YunClientOptions
        {
            BaseAddress = Emulator.BaseAddress,
            EngineCode = Emulator.EngineCode,
            EngineSecret = Emulator.EngineSecret,
            // A local emulator has no rate limit to respect; the limiter has its own test.
            RequestsPerSecond = null,
            RetryDelay = TimeSpan.FromMilliseconds(1),
        });
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
        if (_dataFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_dataFile)!, Path.GetFileName(_dataFile) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    public int RequestsOf(string actionName) => Emulator.Requests.Count(r => r.ActionName == actionName);
}

/// <summary>The same emulator storing in a SQLite file, as it does standalone.</summary>
public sealed class PersistentEmulatorFixture : EmulatorFixture
{
    protected override bool Persistent => true;
}

/// <summary>The same emulator in strict mode, behaving like the tenants that are least kind to a client.</summary>
public sealed class StrictEmulatorFixture : EmulatorFixture
{
    protected override bool Strict => true;
}
