namespace IronicCore.Tests.Cli;

/// <summary>A small sweep plan for the engine tests: 4 cells of a 100-node fleet for a day, about a second each here.</summary>
internal static class SweepPlanFiles
{
    public const string Small = """
        {
          "scenario": { "nodes": 100, "conductors": 1, "days": 1 },
          "parameters": [ { "path": "faults[3].rate_per_node_year", "values": [0.06, 6] } ],
          "policies": ["hold", "fail-fast"],
          "replications": 2,
          "seed": 7
        }
        """;

    /// <summary>Every cell result of the sweep in <paramref name="directory"/>: file name and bytes, by name.</summary>
    public static SortedDictionary<string, byte[]> Cells(string directory) =>
        new(Directory.GetFiles(Path.Combine(directory, "cells"), "*.json").ToDictionary(file => Path.GetFileName(file), File.ReadAllBytes), StringComparer.Ordinal);
}
