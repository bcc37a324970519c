using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using H3Yun.TestSupport;
using Npgsql;

namespace H3Yun.Sync.Tests.Support;

/// <summary>
/// A PostgreSQL server of the test run's own: Debian's <c>postgresql</c> binaries, <c>initdb</c> in a temporary folder
/// (as the <c>postgres</c> user when the tests run as root, which <c>initdb</c> and <c>pg_ctl</c> refuse to be), a free
/// loopback port, stopped with <c>pg_ctl -m fast stop</c> when the collection ends. Connections over TCP need the
/// password (scram-sha-256), so that a wrong password is refused as on a real server; the socket folder trusts local
/// users. Each test takes a database of its own (<see cref="CreateDatabaseAsync"/>). <c>fsync</c> is off: durability
/// against a power cut is PostgreSQL's business, not the copy's, and the tests are faster.
/// The server starts with the first database asked for, not with the collection: a run filtered to the SQLite
/// variants (as the mutation runs are) starts none, and so leaves none behind when a test host is killed.
/// </summary>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    public const string Password = "h3yun-test-password";

    private string? _folder;
    private string? _pgCtl;
    private int _databases;
    private readonly Lazy<Task> _started;
    private int _port;

    public PostgreSqlServer() => _started = new(StartServerAsync);

    /// <summary>The server's port; only known once <see cref="CreateDatabaseAsync"/> has started it.</summary>
    public int Port => _port != 0 ? _port : throw new InvalidOperationException("The server starts with the first CreateDatabaseAsync.");

    private string DataFolder => Path.Combine(_folder!, "data");

    /// <summary>The connection string of the server's <c>postgres</c> database, or of <paramref name="database"/>.</summary>
    public string ConnectionString(string database = "postgres", string password = Password) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Password = password, Database = database, Pooling = false }.ConnectionString;

    /// <summary>A new, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        await _started.Value;
        var name = "copy_" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture);
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    private async Task StartServerAsync()
    {
        var initdb = TestPrograms.PostgreSql("initdb");
        _pgCtl = TestPrograms.PostgreSql("pg_ctl");
        _folder = Directory.CreateTempSubdirectory("h3yun-pg-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101); // 755: the postgres user must reach it
        }
        var passwordFile = Path.Combine(_folder, "password");
        await File.WriteAllTextAsync(passwordFile, Password + "\n");
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", _folder]);
        }

        await RunPostgresAsync(initdb, ["-D", DataFolder, "-A", "trust", "--auth-host=scram-sha-256", "-U", "postgres", $"--pwfile={passwordFile}", "-E", "UTF8", "--no-locale"]);
        var port = FreePort();
        var settings = $"-p {port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunPostgresAsync(_pgCtl, ["-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-o", settings, "-w", "start"]);
        _port = port;
    }

    public async Task DisposeAsync()
    {
        if (_folder is null)
        {
            return;
        }

        try
        {
            if (_pgCtl is not null && Directory.Exists(DataFolder))
            {
                await RunPostgresAsync(_pgCtl, ["-D", DataFolder, "-m", "fast", "-w", "stop"]);
            }
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunPostgresAsync(string program, string[] arguments) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private async Task RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = _folder is not null && File.Exists(Path.Combine(_folder, "server.log")) ? await File.ReadAllTextAsync(Path.Combine(_folder, "server.log")) : "";
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}{await error}{log}");
        }
    }
}

/// <summary>The tests that use the PostgreSQL server share it, and it stops when they are done.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlTestGroup : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSQL";
}
