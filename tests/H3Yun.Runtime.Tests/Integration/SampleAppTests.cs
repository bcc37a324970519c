using System.Diagnostics;
using H3Yun.Emulator;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// The sample, run as a user runs it against "the real H3Yun" (credentials in the environment), here an emulator
/// that answers a missing record either way H3Yun might: the sample's last step must hold for both.
/// </summary>
public class SampleAppTests
{
    [Theory]
    [InlineData(MissingRecordAnswer.NullBizObject, true)]
    [InlineData(MissingRecordAnswer.NotFoundError, true)]
    [InlineData(MissingRecordAnswer.NullBizObject, false)]
    public async Task The_sample_succeeds_whichever_way_H3Yun_answers_a_missing_record_and_lists_attachments(MissingRecordAnswer answer, bool listsAttachments)
    {
        var options = new H3YunEmulatorOptions { MissingRecord = answer, ListAttachmentsInReads = listsAttachments };
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Schemas"), "*.h3form.json"))
        {
            options.SchemaFiles.Add(file);
        }

        await using var emulator = await H3YunEmulator.StartAsync(options);
        var sample = Process.Start(new ProcessStartInfo("dotnet", [SampleAssembly()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                [H3YunClientOptions.EngineCodeVariable] = emulator.EngineCode,
                [H3YunClientOptions.EngineSecretVariable] = emulator.EngineSecret,
                [H3YunClientOptions.BaseAddressVariable] = emulator.BaseAddress.ToString(),
            },
        })!;
        var output = sample.StandardOutput.ReadToEndAsync();
        var errors = sample.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await sample.WaitForExitAsync(timeout.Token);

        Assert.True(sample.ExitCode == 0, $"exit {sample.ExitCode}\n{await output}\n{await errors}");
        Assert.Contains("a query for the order now finds nothing", await output, StringComparison.Ordinal);
        Assert.Contains($"attachments listed by the loaded record: {(listsAttachments ? 1 : 0)}", await output, StringComparison.Ordinal);
        Assert.Contains("attachment 验收单.txt (text/plain): 验收单：螺丝 100 个。", await output, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.EngineSecret, await output + await errors, StringComparison.Ordinal);
    }

    // The sample is built with this project (see the csproj); its output sits beside ours, under sample-app.
    private static string SampleAssembly()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "H3Yun.Generators.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? throw new InvalidOperationException("The repository root was not found.");
        }

        var path = Path.Combine(root, "sample-app", "bin", configuration, "net10.0", "H3Yun.Sample.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build sample-app first.", path);
    }
}
