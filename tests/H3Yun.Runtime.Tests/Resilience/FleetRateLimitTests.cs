using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using H3Yun.Emulator;
using H3Yun.TestSupport;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// A fleet: two processes of one service against one engine, each with a budget held in a real <c>redis-server</c>
/// (RedisRateLimiting's token bucket, as docs/dependency-injection.md shows), together stay within the engine's rate.
/// </summary>
public sealed class FleetRateLimitTests : IAsyncLifetime
{
    private const double Budget = 4;
    private const int RequestsPerProcess = 8;

    private Process? _redis;
    private int _redisPort;

    public async Task InitializeAsync()
    {
        _redisPort = FreePort();
        _redis = Process.Start(new ProcessStartInfo(TestPrograms.RedisServer, ["--port", _redisPort.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("redis-server did not start; install it (apt-get install -y redis-server), as .ci/run does.");
        _ = _redis.StandardOutput.ReadToEndAsync();
        _ = _redis.StandardError.ReadToEndAsync();
        await WaitForPortAsync(_redisPort);
    }

    public Task DisposeAsync()
    {
        if (_redis is { HasExited: false })
        {
            _redis.Kill(entireProcessTree: true);
            _redis.WaitForExit(5000);
        }

        _redis?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Two_processes_sharing_a_Redis_budget_together_stay_within_it()
    {
        await using var emulator = await H3YunEmulator.StartAsync(new H3YunEmulatorOptions { EngineCode = "fleet-engine" });

        var processes = Enumerable.Range(0, 2).Select(_ => Launch(emulator)).ToList();
        var outcomes = await Task.WhenAll(processes.Select(WaitAsync));

        Assert.All(outcomes, outcome => Assert.True(outcome.ExitCode == 0, outcome.Output));
        // Each process sends one request first, untimed (see H3Yun.FleetClient), then the timed ones.
        Assert.Equal(2 * (RequestsPerProcess + 1), emulator.Requests.Count(r => r.ActionName == OpenApiActions.LoadBizObjects));

        // When each request left its process, by the clock both share: however they interleave, no second holds more
        // than the budget (one more at a window's edge), and the fleet as a whole took as long as the budget says.
        var sent = outcomes.SelectMany(o => o.Output.Split('\n'))
            .Where(line => line.StartsWith("sent ", StringComparison.Ordinal))
            .Select(line => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(line[5..].Trim(), CultureInfo.InvariantCulture)))
            .Order()
            .ToList();
        Assert.Equal(2 * RequestsPerProcess, sent.Count);
        var busiest = sent.Max(start => sent.Count(t => t >= start && t < start + TimeSpan.FromSeconds(1)));
        var spread = string.Join(", ", sent.Select(t => (t - sent[0]).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)));
        Assert.True(busiest <= Budget + 1, $"{busiest} requests left within one second; the budget is {Budget} per second: {spread}");
        Assert.True(sent[^1] - sent[0] >= TimeSpan.FromSeconds(((2 * RequestsPerProcess) - 1) / Budget * 0.9), $"the fleet sent faster than its budget: {spread}");
    }

    private Process Launch(H3YunEmulator emulator)
    {
        var start = new ProcessStartInfo("dotnet", [FleetClient(), $"127.0.0.1:{_redisPort}", RequestsPerProcess.ToString(CultureInfo.InvariantCulture), Budget.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment[H3YunClientOptions.EngineCodeVariable] = emulator.EngineCode;
        start.Environment[H3YunClientOptions.EngineSecretVariable] = emulator.EngineSecret;
        start.Environment[H3YunClientOptions.BaseAddressVariable] = emulator.BaseAddress.ToString();
        return Process.Start(start)!;
    }

    private static async Task<(int ExitCode, string Output)> WaitAsync(Process process)
    {
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output + await errors);
        }
    }

    // Built with this project (see the csproj), beside it under tests/.
    private static string FleetClient()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "H3Yun.Generators.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? throw new InvalidOperationException("The repository root was not found.");
        }

        var path = Path.Combine(root, "tests", "H3Yun.FleetClient", "bin", configuration, "net10.0", "H3Yun.FleetClient.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build tests/H3Yun.FleetClient first.", path);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"redis-server did not listen on port {port} within 10 s.");
    }
}
