namespace IronicCore.Sweeps.Tests;

/// <summary>Small plans for the tests: a 100-node fleet for two days runs in well under a second per policy.</summary>
internal static class SweepPlans
{
    /// <summary>2 BMC fault rates × 2 utilizations × 2 replications (8 cells) of hold and fail-fast.</summary>
    public const string Grid = """
        {
          "scenario": { "nodes": 100, "conductors": 1, "days": 2 },
          "parameters": [
            { "path": "faults[3].rate_per_node_year", "values": [0.06, 6] },
            { "path": "workload.utilization", "values": [0.5, 0.8] }
          ],
          "policies": ["hold", "fail-fast"],
          "replications": 2,
          "seed": 7
        }
        """;

    /// <summary>The same grid with another seed: another sweep.</summary>
    public static string OtherSeed => Grid.Replace("\"seed\": 7", "\"seed\": 8", StringComparison.Ordinal);

    public static SweepPlan Parse(string json) => SweepPlan.Parse(json, baseDirectory: null);

    /// <summary>A fresh empty directory under the test's temporary folder.</summary>
    public static string TemporaryDirectory() =>
        Directory.CreateTempSubdirectory("ironiccore-sweep-").FullName;
}
