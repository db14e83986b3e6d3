using BenchmarkDotNet.Running;
using IronicCore.Benchmarks.Charts;

// `chart <results.csv> <chart.png>` draws the comparison chart; anything else is BenchmarkDotNet's.
if (args.Length > 0 && args[0] == "chart")
{
    return ThroughputChart.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(ThroughputChart).Assembly).Run(args);
return 0;
