using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(PayrollPortal.Benchmarks.WithholdingBenchmarks).Assembly).Run(args);
