using System;
using System.Collections.Generic;
using System.IO;
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
/// A local H3Yun OpenApi served over real HTTP on a loopback port, for samples and integration tests, with its data
/// in memory or in a SQLite file. Start one with <see cref="StartAsync"/>, point a client at
/// <see cref="BaseAddress"/> with <see cref="EngineCode"/> and <see cref="EngineSecret"/>, and dispose it to stop
/// the server: <c>await using var emulator = await H3YunEmulator.StartAsync(options);</c>
/// </summary>
public sealed class H3YunEmulator : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownGracePeriod = TimeSpan.FromSeconds(2);

    private readonly WebApplication _app;
    private readonly EmulatorServices _services;
    private int _disposed;

    private H3YunEmulator(WebApplication app, EmulatorServices services)
    {
        _app = app;
        _services = services;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:43127/</c>; clients post to <c>BaseAddress + "OpenApi/Invoke"</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The apps whose custom APIs this emulator answers.</summary>
    public IReadOnlyList<string> AppCodes => _services.CustomApis.AppCodes;

    /// <summary>The <c>EngineCode</c> header value this instance accepts.</summary>
    public string EngineCode => _services.EngineCode;

    /// <summary>The <c>EngineSecret</c> header value this instance accepts.</summary>
    public string EngineSecret => _services.EngineSecret;

    /// <summary>The full path of the SQLite data file, or <see langword="null"/> when the data is in memory.</summary>
    public string? DataFile => _services.Store.Path;

    /// <summary>A snapshot of every request received so far (or the latest <see cref="H3YunEmulatorOptions.RequestLogLimit"/>), in arrival order, faulted ones included.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _services.Log.Snapshot();

    /// <summary>Faults to inject into the next requests.</summary>
    public EmulatorFaults Faults => _services.Faults;

    /// <summary>The number of forms loaded from schema files; 0 means schema-less mode.</summary>
    internal int SchemaFormCount => _services.Schemas.FormCount;

    internal EmulatorServices Services => _services;

    /// <summary>Starts an emulator listening on a loopback port and returns once it accepts requests.</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults (schema-less, in memory, random secret, free port).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop the server.</returns>
    /// <exception cref="InvalidDataException">A schema file, seed file or data file is missing, unreadable or malformed.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static async Task<H3YunEmulator> StartAsync(H3YunEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new H3YunEmulatorOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.EngineCode, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options));
        var settings = EmulatorSettings.From(options);
        var schemas = SchemaRegistry.Load(options.SchemaFiles);
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

        options.ConfigureLogging?.Invoke(builder.Logging);

        var app = builder.Build();
        EmulatorServices? services = null;
        try
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("H3Yun.Emulator.Requests");
            var customApis = new CustomApis.CustomApiDispatcher(options.CustomApis, options.AppCodes, schemas);
            services = new EmulatorServices(settings, schemas, RecordStore.Open(options.DataFile), customApis, options.EngineCode, engineSecret, logger);
            foreach (var seed in options.SeedFiles)
            {
                await services.ImportSeedFileAsync(seed, cancellationToken).ConfigureAwait(false);
            }

            var emulator = new H3YunEmulator(app, services);
            services.CustomApis.Owner = emulator;
            app.Run(services.Router.HandleAsync);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            emulator.BaseAddress = new Uri(address.TrimEnd('/') + "/");
            return emulator;
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            services?.Dispose();
            throw;
        }
    }

    /// <summary>Writes the records and attachments of a data file as a seed file, without starting an emulator.</summary>
    /// <param name="dataFile">The SQLite data file (as given to <see cref="H3YunEmulatorOptions.DataFile"/>).</param>
    /// <param name="destination">Where to write the seed JSON.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>A task that completes when the seed is written.</returns>
    /// <exception cref="FileNotFoundException">There is no such data file.</exception>
    /// <exception cref="InvalidDataException">The file is not an emulator data file.</exception>
    public static async Task ExportDataFileAsync(string dataFile, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFile);
        ArgumentNullException.ThrowIfNull(destination);
        if (!File.Exists(dataFile))
        {
            throw new FileNotFoundException($"No emulator data file at '{Path.GetFullPath(dataFile)}'.", dataFile);
        }

        using var store = RecordStore.Open(dataFile);
        await SeedData.ExportAsync(store, destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Imports a seed file: its records (replacing stored ones with the same ObjectId) and attachments.</summary>
    /// <param name="seedFile">The seed file's path; a relative path is taken from the current directory.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>A task that completes when the seed is stored; a seed with any error stores nothing.</returns>
    /// <exception cref="InvalidDataException">The seed cannot be read, is not in the seed layout, or does not match the schemas.</exception>
    public Task ImportAsync(string seedFile, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(seedFile);
        return _services.ImportSeedFileAsync(seedFile, cancellationToken);
    }

    /// <summary>Imports seed JSON from a stream; see <see cref="ImportAsync(string, CancellationToken)"/>.</summary>
    /// <param name="seed">The seed JSON.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>A task that completes when the seed is stored.</returns>
    /// <exception cref="InvalidDataException">The seed is not in the seed layout, or does not match the schemas.</exception>
    public Task ImportAsync(Stream seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seed);
        return SeedData.ImportAsync(seed, "(stream)", _services.Store, _services.Schemas, cancellationToken);
    }

    /// <summary>Writes every record and attachment as seed JSON, which <see cref="ImportAsync(Stream, CancellationToken)"/> reads back.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>A task that completes when the seed is written.</returns>
    public Task ExportAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return SeedData.ExportAsync(_services.Store, destination, cancellationToken);
    }

    /// <summary>The number of records stored for a form.</summary>
    /// <param name="schemaCode">The form's SchemaCode.</param>
    /// <returns>The record count; 0 for a form never written to.</returns>
    public int Count(string schemaCode)
    {
        ArgumentNullException.ThrowIfNull(schemaCode);
        return _services.Store.Count(schemaCode);
    }

    /// <summary>
    /// A deep copy of a record as stored, for assertions. Unlike a LoadBizObject read, people fields hold ids
    /// (no display names, no <c>…Object</c> companions); field values are already normalised (with schemas),
    /// system times are <c>yyyy/M/d H:mm:ss</c> text, and attachments are not part of the record.
    /// </summary>
    /// <param name="schemaCode">The form's SchemaCode.</param>
    /// <param name="objectId">The record's ObjectId.</param>
    /// <returns>The record, or <see langword="null"/> when there is none.</returns>
    public JsonObject? Find(string schemaCode, string objectId)
    {
        ArgumentNullException.ThrowIfNull(schemaCode);
        ArgumentNullException.ThrowIfNull(objectId);
        return _services.Store.Find(schemaCode, objectId);
    }

    /// <summary>The files uploaded to a record or a child row, in upload order.</summary>
    /// <param name="schemaCode">The form's SchemaCode (the main form's, for a child row).</param>
    /// <param name="bizObjectId">The record's ObjectId, or the child row's.</param>
    /// <returns>The attachments; empty when there are none.</returns>
    public IReadOnlyList<EmulatorAttachment> Attachments(string schemaCode, string bizObjectId)
    {
        ArgumentNullException.ThrowIfNull(schemaCode);
        ArgumentNullException.ThrowIfNull(bizObjectId);
        return [.. _services.Store.AttachmentsOf(schemaCode, bizObjectId).Select(file =>
            new EmulatorAttachment(file.AttachmentId, file.SchemaCode, file.BizObjectId, file.ChildSchemaCode, file.PropertyName, file.FileName, file.ContentType, file.Size))];
    }

    /// <summary>The bytes of an uploaded file.</summary>
    /// <param name="attachmentId">The id UploadAttachment answered.</param>
    /// <returns>A copy of the content, or <see langword="null"/> when there is no such attachment.</returns>
    public byte[]? AttachmentContent(string attachmentId)
    {
        ArgumentNullException.ThrowIfNull(attachmentId);
        return _services.Store.FindAttachment(attachmentId)?.Content;
    }

    /// <summary>Forgets every record and attachment, the request log and any faults, for reuse between tests.</summary>
    public void Clear()
    {
        _services.Store.Clear();
        _services.Log.Clear();
        Faults.Clear();
    }

    /// <summary>Stops the server and closes the data file. Safe to call more than once.</summary>
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
            _services.Dispose();
        }
    }

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));
}
