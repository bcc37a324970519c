using H3Yun;
using H3Yun.Emulator;
using H3Yun.Sample;

// Talks to H3Yun when H3YUN_ENGINE_CODE and H3YUN_ENGINE_SECRET are set; otherwise to an emulator started here.
var options = H3YunClientOptions.FromEnvironment();
H3YunEmulator? emulator = null;
if (options is null)
{
    var emulatorOptions = new H3YunEmulatorOptions();
    foreach (var schema in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "schemas"), "*.h3form.json"))
    {
        emulatorOptions.SchemaFiles.Add(schema);
    }

    emulator = await H3YunEmulator.StartAsync(emulatorOptions);
    options = new H3YunClientOptions
    {
        BaseAddress = emulator.BaseAddress,
        EngineCode = emulator.EngineCode,
        EngineSecret = emulator.EngineSecret,
        RequestsPerSecond = 10,
    };
    Console.WriteLine($"No {H3YunClientOptions.EngineCodeVariable}/{H3YunClientOptions.EngineSecretVariable} set: using the embedded H3Yun emulator at {emulator.BaseAddress}");
}
else
{
    Console.WriteLine($"Using H3Yun at {options.BaseAddress} with EngineCode {options.EngineCode} (the forms in schemas/ must exist there).");
}

try
{
    using var client = new H3YunClient(options);
    await new SalesWalkthrough(client, Console.Out).RunAsync();
    return 0;
}
catch (H3YunException error)
{
    Console.Error.WriteLine($"H3Yun call failed: {error.Message}");
    Console.Error.WriteLine("If the form does not exist in your H3Yun, export your own forms' schemas into schemas/ and adapt SalesWalkthrough.cs.");
    return 1;
}
finally
{
    if (emulator is not null)
    {
        await emulator.DisposeAsync();
    }
}
