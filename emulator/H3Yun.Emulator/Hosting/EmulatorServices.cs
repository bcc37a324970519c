using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using H3Yun.Emulator.Actions;
using H3Yun.Emulator.Schemas;
using H3Yun.Emulator.Storage;
using Microsoft.Extensions.Logging;

namespace H3Yun.Emulator.Hosting;

/// <summary>Everything one emulator instance is made of, wired once from its settings.</summary>
internal sealed class EmulatorServices : IDisposable
{
    public EmulatorServices(EmulatorSettings settings, SchemaRegistry schemas, RecordStore store, CustomApis.CustomApiDispatcher customApis, string engineCode, string engineSecret, ILogger requestLogger)
    {
        CustomApis = customApis;
        Settings = settings;
        Schemas = schemas;
        Store = store;
        EngineCode = engineCode;
        EngineSecret = engineSecret;
        Log = new RequestLog(settings.RequestLogLimit);
        Faults = new EmulatorFaults();
        RateGate = settings.RateLimit is { } rate ? new RateGate(rate, settings.RateLimitRefusal) : null;
        var pipeline = new RequestPipeline(Log, Faults, new SecretMask(engineSecret), RateGate, TimeProvider.System, requestLogger);
        var credentials = new Credentials(engineCode, engineSecret);
        var attachments = new AttachmentActions(store, schemas);
        Router = new EmulatorRouter(
            new InvokeEndpoint(new InvokeDispatcher(store, schemas, settings, customApis), pipeline, credentials),
            new UploadEndpoint(attachments, pipeline, credentials),
            new DownloadEndpoint(attachments, pipeline, credentials),
            new WebPage.EmulatorPage(this));
    }

    public EmulatorSettings Settings { get; }

    public CustomApis.CustomApiDispatcher CustomApis { get; }

    public SchemaRegistry Schemas { get; }

    public RecordStore Store { get; }

    public string EngineCode { get; }

    public string EngineSecret { get; }

    public RequestLog Log { get; }

    public EmulatorFaults Faults { get; }

    public RateGate? RateGate { get; }

    public EmulatorRouter Router { get; }

    public async Task ImportSeedFileAsync(string path, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        FileStream file;
        try
        {
            file = File.OpenRead(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"Cannot read seed file '{fullPath}': {ex.Message}", ex);
        }

        await using (file.ConfigureAwait(false))
        {
            await SeedData.ImportAsync(file, fullPath, Store, Schemas, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        RateGate?.Dispose();
        Store.Dispose();
    }
}
