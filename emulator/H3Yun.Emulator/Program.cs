using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace H3Yun.Emulator;

/// <summary>
/// Standalone mode: <c>dotnet run --project emulator/H3Yun.Emulator -- --urls http://127.0.0.1:5080 --schemas schemas</c>
/// serves until Ctrl+C and prints the credentials to use.
/// </summary>
internal static class Program
{
    private const string SecretVariable = "H3YUN_EMULATOR_ENGINE_SECRET";

    private const string Usage = """
        Usage: H3Yun.Emulator [--urls http://127.0.0.1:PORT] [--schemas PATH]... [--engine-code CODE]

          --urls         loopback address to listen on (127.0.0.1 or localhost only); default: a free port
          --schemas      a *.h3form.json file or a folder searched for them; repeatable; none: schema-less mode
          --engine-code  the EngineCode to accept (default: emulator-engine)

        The EngineSecret is random per run unless the H3YUN_EMULATOR_ENGINE_SECRET environment variable sets it.
        """;

    public static async Task<int> Main(string[] args)
    {
        H3YunEmulatorOptions? options;
        try
        {
            options = ParseArguments(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}{Environment.NewLine}{Environment.NewLine}{Usage}").ConfigureAwait(false);
            return 2;
        }

        if (options is null)
        {
            Console.WriteLine(Usage);
            return 0;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        H3YunEmulator emulator;
        try
        {
            emulator = await H3YunEmulator.StartAsync(options, stop.Token).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 1;
        }

        await using (emulator.ConfigureAwait(false))
        {
            Console.WriteLine($"H3Yun emulator listening on {emulator.BaseAddress}");
            Console.WriteLine($"  endpoint:     POST {emulator.BaseAddress}OpenApi/Invoke");
            Console.WriteLine($"  EngineCode:   {emulator.EngineCode}");
            Console.WriteLine($"  EngineSecret: {emulator.EngineSecret}");
            Console.WriteLine(emulator.SchemaFormCount == 0
                ? "  schemas:      none (schema-less mode: any SchemaCode, values stored as sent)"
                : $"  schemas:      {emulator.SchemaFormCount} form(s)");
            Console.WriteLine("Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopping.");
            }
        }

        return 0;
    }

    /// <summary>The options to run with, or null when help was asked for.</summary>
    private static H3YunEmulatorOptions? ParseArguments(string[] args)
    {
        var options = new H3YunEmulatorOptions { EngineSecret = Environment.GetEnvironmentVariable(SecretVariable) };
        for (var i = 0; i < args.Length; i++)
        {
            var (name, inlineValue) = SplitArgument(args[i]);
            switch (name)
            {
                case "-h" or "--help" or "-?":
                    return null;
                case "--urls":
                    options.Port = ParseLoopbackPort(inlineValue ?? ValueAfter(args, ref i, name));
                    break;
                case "--schemas":
                    AddSchemas(options.SchemaFiles, inlineValue ?? ValueAfter(args, ref i, name));
                    break;
                case "--engine-code":
                    options.EngineCode = inlineValue ?? ValueAfter(args, ref i, name);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        return options;
    }

    private static (string Name, string? Value) SplitArgument(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static string ValueAfter(string[] args, ref int i, string name) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{name} needs a value.");

    /// <summary>Only loopback: the emulator accepts any data and prints its secret, so it must not be reachable from the network.</summary>
    private static int ParseLoopbackPort(string urls)
    {
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [var url, ..] ? url : urls;
        if (!Uri.TryCreate(first, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"--urls must be an http URL such as http://127.0.0.1:5080, got '{urls}'.");
        }

        if (uri.Host is not ("127.0.0.1" or "localhost"))
        {
            throw new ArgumentException($"--urls must name 127.0.0.1 (the emulator listens on loopback only), got '{uri.Host}'.");
        }

        return uri.Port;
    }

    private static void AddSchemas(ICollection<string> files, string path)
    {
        if (Directory.Exists(path))
        {
            var found = Directory.GetFiles(path, "*.h3form.json", SearchOption.AllDirectories);
            Array.Sort(found, StringComparer.Ordinal);
            foreach (var file in found)
            {
                files.Add(file);
            }
        }
        else if (File.Exists(path))
        {
            files.Add(path);
        }
        else
        {
            throw new ArgumentException($"--schemas: no such file or folder '{path}'.");
        }
    }
}
