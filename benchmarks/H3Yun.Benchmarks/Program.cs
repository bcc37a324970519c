using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/H3Yun.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
