using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using H3Yun.Emulator.Actions;
using H3Yun.Emulator.Hosting;
using H3Yun.Emulator.Schemas;
using H3Yun.Emulator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace H3Yun.Emulator;

/// <summary>
/// A local, in-memory H3Yun OpenApi served over real HTTP on a loopback port, for samples and integration tests.
/// Start one with <see cref="StartAsync"/>, point a client at <see cref="BaseAddress"/> with
/// <see cref="EngineCode"/> and <see cref="EngineSecret"/>, and dispose it to stop the server.
/// </summary>
public sealed class H3YunEmulator : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownGracePeriod = TimeSpan.FromSeconds(2);

    private readonly WebApplication _app;
    private readonly RecordStore _store;
    private readonly RequestLog _log;
    private int _disposed;

    private H3YunEmulator(WebApplication app, RecordStore store, RequestLog log, EmulatorFaults faults, Uri baseAddress, string engineCode, string engineSecret, int formCount)
    {
        _app = app;
        _store = store;
        _log = log;
        Faults = faults;
        BaseAddress = baseAddress;
        EngineCode = engineCode;
        EngineSecret = engineSecret;
        SchemaFormCount = formCount;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:43127/</c>; clients post to <c>BaseAddress + "OpenApi/Invoke"</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The <c>EngineCode</c> header value this instance accepts.</summary>
    public string EngineCode { get; }

    /// <summary>The <c>EngineSecret</c> header value this instance accepts.</summary>
    public string EngineSecret { get; }

    /// <summary>The number of forms loaded from schema files; 0 means schema-less mode.</summary>
    internal int SchemaFormCount { get; }

    /// <summary>A snapshot of every request received so far, in arrival order, faulted ones included.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _log.Snapshot();

    /// <summary>Faults to inject into the next requests.</summary>
    public EmulatorFaults Faults { get; }

    /// <summary>Starts an emulator listening on a loopback port and returns once it accepts requests.</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults (schema-less, random secret, free port).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop the server.</returns>
    /// <exception cref="System.IO.InvalidDataException">A schema file is missing, unreadable or malformed.</exception>
    public static async Task<H3YunEmulator> StartAsync(H3YunEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new H3YunEmulatorOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.EngineCode, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options));
        var schemas = SchemaRegistry.Load(options.SchemaFiles);
        var settings = EmulatorSettings.From(options);
        var engineSecret = string.IsNullOrEmpty(options.EngineSecret) ? NewSecret() : options.EngineSecret;

        // The empty builder reads no appsettings, environment variables or command line of the host process,
        // and registers no console logging: an emulator inside a test run must be silent and self-contained.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(H3YunEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IHostLifetime, NoopHostLifetime>();
        if (options.LoggerProvider is { } loggerProvider)
        {
            builder.Logging.AddProvider(loggerProvider);
        }

        var app = builder.Build();
        var store = new RecordStore();
        var log = new RequestLog(settings.RequestLogLimit);
        var faults = new EmulatorFaults();
        var rateGate = settings.RateLimit is { } rate ? new RateGate(rate, settings.RateLimitRefusal) : null;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("H3Yun.Emulator.Requests");
        var pipeline = new RequestPipeline(log, faults, new SecretMask(engineSecret), rateGate, TimeProvider.System, logger);
        var credentials = new Credentials(options.EngineCode, engineSecret);
        var router = new EmulatorRouter(new InvokeEndpoint(new InvokeDispatcher(store, schemas, settings), pipeline, credentials));
        app.Run(router.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new H3YunEmulator(app, store, log, faults, new Uri(address.TrimEnd('/') + "/"), options.EngineCode, engineSecret, schemas.FormCount);
    }

    /// <summary>The number of records stored for a form.</summary>
    /// <param name="schemaCode">The form's SchemaCode.</param>
    /// <returns>The record count; 0 for a form never written to.</returns>
    public int Count(string schemaCode)
    {
        ArgumentNullException.ThrowIfNull(schemaCode);
        return _store.Count(schemaCode);
    }

    /// <summary>
    /// A deep copy of a record as stored, for assertions. Unlike a LoadBizObject read, people fields hold ids
    /// (no display names, no <c>…Object</c> companions); field values are already normalised (with schemas) and
    /// system times are <c>yyyy/M/d H:mm:ss</c> text.
    /// </summary>
    /// <param name="schemaCode">The form's SchemaCode.</param>
    /// <param name="objectId">The record's ObjectId.</param>
    /// <returns>The record, or <see langword="null"/> when there is none.</returns>
    public JsonObject? Find(string schemaCode, string objectId)
    {
        ArgumentNullException.ThrowIfNull(schemaCode);
        ArgumentNullException.ThrowIfNull(objectId);
        return _store.Find(schemaCode, objectId);
    }

    /// <summary>Forgets every record, the request log and any faults not yet consumed, for reuse between tests.</summary>
    public void Clear()
    {
        _store.Clear();
        _log.Clear();
        Faults.Clear();
    }

    /// <summary>Stops the server. Safe to call more than once.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // A request held by a delay fault would otherwise keep the server up for the host's 30-second default.
        using var gracePeriod = new CancellationTokenSource(ShutdownGracePeriod);
        try
        {
            await _app.StopAsync(gracePeriod.Token).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));
}
