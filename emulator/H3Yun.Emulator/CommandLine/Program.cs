using System.Threading.Tasks;

namespace H3Yun.Emulator.CommandLine;

/// <summary>Standalone mode: every flag is described by <c>--help</c> and in the emulator README.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => H3YunEmulatorCommandLine.RunAsync(args);
}
