using System;
using System.Globalization;

namespace H3Yun.Emulator.Tests.TestSupport;

/// <summary>
/// Iteration counts of the random tests: quick by default, longer with <c>H3YUN_EMULATOR_TEST_SCALE=N</c> (N times
/// as many), e.g. <c>H3YUN_EMULATOR_TEST_SCALE=50 dotnet test tests/H3Yun.Emulator.Tests --filter "FullyQualifiedName~Fuzzing|FullyQualifiedName~ModelBased"</c>.
/// </summary>
internal static class LongRuns
{
    public static long Iterations(long quick) =>
        int.TryParse(Environment.GetEnvironmentVariable("H3YUN_EMULATOR_TEST_SCALE"), NumberStyles.None, CultureInfo.InvariantCulture, out var scale) && scale > 1
            ? quick * scale
            : quick;
}
