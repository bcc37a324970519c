using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace H3Yun.Benchmarks;

/// <summary>
/// Runs one benchmark method in a loop for a while, after its class's setup, and prints the time per call: a steady
/// load for a profiler (<c>perf record</c>, <c>perf stat</c>), which BenchmarkDotNet's short runs are not.
/// </summary>
internal static class BenchmarkLoop
{
    public static async Task RunAsync(string benchmark, TimeSpan duration)
    {
        var (typeName, methodName) = benchmark.Split(".") is [var className, var name]
            ? (className, name)
            : throw new ArgumentException($"'{benchmark}' should be Class.Method, e.g. ClientOverheadBenchmarks.Generated.", nameof(benchmark));
        var type = typeof(BenchmarkLoop).Assembly.GetType($"H3Yun.Benchmarks.{typeName}")
            ?? throw new ArgumentException($"There is no benchmark class {typeName}.", nameof(benchmark));
        var method = type.GetMethod(methodName) ?? throw new ArgumentException($"{typeName} has no method {methodName}.", nameof(benchmark));
        var instance = Activator.CreateInstance(type)!;
        Invoke<GlobalSetupAttribute>(type, instance);
        try
        {
            var watch = Stopwatch.StartNew();
            long calls = 0;
            while (watch.Elapsed < duration)
            {
                if (method.Invoke(instance, null) is Task task)
                {
                    await task.ConfigureAwait(false);
                }

                calls++;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{benchmark}: {calls} calls, {watch.Elapsed.TotalMicroseconds / calls:F2} µs per call"));
        }
        finally
        {
            Invoke<GlobalCleanupAttribute>(type, instance);
        }
    }

    /// <summary>
    /// Calls two benchmark methods of one class in turn for a while and prints the median and mean time of each and
    /// their ratio: on a shared machine whose speed drifts from minute to minute, only calls that alternate compare.
    /// </summary>
    public static async Task CompareAsync(string typeName, string baseline, string candidate, TimeSpan duration)
    {
        var type = typeof(BenchmarkLoop).Assembly.GetType($"H3Yun.Benchmarks.{typeName}")
            ?? throw new ArgumentException($"There is no benchmark class {typeName}.", nameof(typeName));
        var methods = new[] { baseline, candidate }
            .Select(name => type.GetMethod(name) ?? throw new ArgumentException($"{typeName} has no method {name}.", nameof(typeName)))
            .ToArray();
        var instance = Activator.CreateInstance(type)!;
        Invoke<GlobalSetupAttribute>(type, instance);
        try
        {
            var times = new[] { new List<double>(), new List<double>() };
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < duration)
            {
                for (var i = 0; i < 2; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    if (methods[i].Invoke(instance, null) is Task task)
                    {
                        await task.ConfigureAwait(false);
                    }

                    // From the timestamps themselves: a TimeSpan would round each call to a tenth of a microsecond.
                    times[i].Add((Stopwatch.GetTimestamp() - started) * 1e6 / Stopwatch.Frequency);
                }
            }

            var medians = times.Select(static t => t.Order().ElementAt(t.Count / 2)).ToArray();
            var means = times.Select(static t => t.Average()).ToArray();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{times[0].Count} calls each. {baseline}: median {medians[0]:F2} µs, mean {means[0]:F2} µs. {candidate}: median {medians[1]:F2} µs, mean {means[1]:F2} µs. Ratio: median {medians[1] / medians[0]:F3}, mean {means[1] / means[0]:F3}."));
        }
        finally
        {
            Invoke<GlobalCleanupAttribute>(type, instance);
        }
    }

    private static void Invoke<TAttribute>(Type type, object instance)
        where TAttribute : Attribute
    {
        foreach (var method in type.GetMethods().Where(static m => m.GetCustomAttribute<TAttribute>() is not null))
        {
            method.Invoke(instance, null);
        }
    }
}
