using H3Yun.Emulator;

namespace H3Yun.Runtime.Tests;

/// <summary>A local H3Yun emulator over real loopback HTTP, knowing every form of this test project.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public H3YunEmulator Emulator { get; private set; } = null!;

    public H3YunClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new H3YunEmulatorOptions();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Schemas"), "*.h3form.json"))
        {
            options.SchemaFiles.Add(file);
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
    }

    public int RequestsOf(string actionName) => Emulator.Requests.Count(r => r.ActionName == actionName);
}
