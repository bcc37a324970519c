using BenchmarkDotNet.Running;
using H3Yun.Benchmarks;

// dotnet run -c Release --project benchmarks/H3Yun.Benchmarks -- --filter '*' --job short
// dotnet run -c Release --project benchmarks/H3Yun.Benchmarks -- --loop ClientOverheadBenchmarks.Generated 10   (for perf)
// dotnet run -c Release --project benchmarks/H3Yun.Benchmarks -- --alternate ClientOverheadBenchmarks BareHttpClient Generated 60
if (args is ["--alternate", var typeName, var baseline, var candidate, var duration])
{
    await BenchmarkLoop.CompareAsync(typeName, baseline, candidate, TimeSpan.FromSeconds(double.Parse(duration, System.Globalization.CultureInfo.InvariantCulture))).ConfigureAwait(false);
    return;
}

// dotnet run -c Release --project benchmarks/H3Yun.Benchmarks -- --sync 100000 20   (the database copy; see SyncCopyBenchmark)
if (args is ["--sync", var records, var rate])
{
    await SyncCopyBenchmark.RunAsync(int.Parse(records, System.Globalization.CultureInfo.InvariantCulture), double.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
    return;
}

// dotnet run -c Release --project benchmarks/H3Yun.Benchmarks -- --upsert 10000   (UpsertManyAsync's requests; see UpsertCostBenchmark)
if (args is ["--upsert", var items])
{
    await UpsertCostBenchmark.RunAsync(int.Parse(items, System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
    return;
}

// dotnet run -c Release --project benchmarks/H3Yun.Benchmarks -- --import 10000 100000   (h3yun import's memory; see ImportMemoryBenchmark)
if (args is ["--import", .. var rows] && rows.Length > 0)
{
    await ImportMemoryBenchmark.RunAsync([.. rows.Select(size => int.Parse(size, System.Globalization.CultureInfo.InvariantCulture))]).ConfigureAwait(false);
    return;
}

// dotnet run -c Release --project benchmarks/H3Yun.Benchmarks -- --export 10000 100000   (h3yun export's writing; see ExportWriteBenchmark)
if (args is ["--export", .. var sizes] && sizes.Length > 0)
{
    await ExportWriteBenchmark.RunAsync([.. sizes.Select(size => int.Parse(size, System.Globalization.CultureInfo.InvariantCulture))]).ConfigureAwait(false);
    return;
}

if (args is ["--loop", var benchmark, var seconds])
{
    await BenchmarkLoop.RunAsync(benchmark, TimeSpan.FromSeconds(double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture))).ConfigureAwait(false);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
