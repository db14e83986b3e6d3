using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Fleet;

namespace IronicCore.Sweeps;

/// <summary>
/// What one cell gave (DIR/cells/NNNNNN.json): the cell, its point, replication and seed, and every
/// policy's value of each <see cref="FleetMetric"/>. Its file's bytes depend on the plan and the cell
/// only (no times, hosts or paths), so a cell run anywhere gives the same file.
/// </summary>
public sealed class SweepCellResult
{
    private readonly ImmutableArray<ImmutableArray<double?>> values;

    private SweepCellResult(int index, int replication, ulong seed, ImmutableArray<JsonElement> point, ImmutableArray<string> policies, ImmutableArray<ImmutableArray<double?>> values)
    {
        Index = index;
        Replication = replication;
        Seed = seed;
        Point = point;
        Policies = policies;
        this.values = values;
    }

    /// <summary>The cell's index.</summary>
    public int Index { get; }

    /// <summary>The replication, from 0.</summary>
    public int Replication { get; }

    /// <summary>The seed every policy ran on.</summary>
    public ulong Seed { get; }

    /// <summary>Each parameter's value, in the plan's order.</summary>
    public ImmutableArray<JsonElement> Point { get; }

    /// <summary>The policies, in the plan's order.</summary>
    public ImmutableArray<string> Policies { get; }

    /// <summary>Policy <paramref name="policy"/>'s value of <paramref name="metric"/>.</summary>
    /// <param name="policy">The policy's index in <see cref="Policies"/>.</param>
    /// <param name="metric">The metric.</param>
    /// <returns>The value; null when the run has none (a time to repair without repairs).</returns>
    public double? Value(int policy, FleetMetric metric) => values[policy][FleetMetric.All.IndexOf(metric)];

    /// <summary>The result of <paramref name="cell"/> from the fleet runs of its policies.</summary>
    internal static SweepCellResult Of(SweepCell cell, FleetExperimentResult result) =>
        new(cell.Index, cell.Replication, cell.Scenario.Seed, cell.Point, result.Policies,
            [.. result.Policies.Select(policy => result.Results(policy)[0]).Select(r => FleetMetric.All.Select(m => m.ValueOf(r)).ToImmutableArray())]);

    /// <summary>The result file's bytes: UTF-8 JSON, indented, one newline at the end.</summary>
    /// <param name="plan">The plan the cell belongs to (for the parameters' paths).</param>
    /// <returns>The bytes.</returns>
    public byte[] ToBytes(SweepPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var point = new JsonObject();
        for (var i = 0; i < Point.Length; i++)
        {
            point[plan.Parameters[i].Path] = JsonNode.Parse(Point[i].GetRawText());
        }

        var results = new JsonObject();
        for (var p = 0; p < Policies.Length; p++)
        {
            var metrics = new JsonObject();
            for (var m = 0; m < FleetMetric.All.Length; m++)
            {
                metrics[FleetMetric.All[m].Name] = values[p][m];
            }

            results[Policies[p]] = metrics;
        }

        var root = new JsonObject
        {
            ["cell"] = Index,
            ["replication"] = Replication,
            ["seed"] = Seed,
            ["point"] = point,
            ["results"] = results,
        };
        return Encoding.UTF8.GetBytes(root.ToJsonString(SweepJson.Indented) + "\n");
    }

    /// <summary>Reads a result file written by <see cref="ToBytes"/> for <paramref name="plan"/>.</summary>
    /// <param name="plan">The sweep's plan.</param>
    /// <param name="bytes">The file's bytes.</param>
    /// <returns>The result.</returns>
    /// <exception cref="FormatException">The file is not such a result.</exception>
    public static SweepCellResult Parse(SweepPlan plan, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(plan);
        try
        {
            var root = JsonNode.Parse(bytes) as JsonObject ?? throw new FormatException("not a JSON object");
            var point = Need(root, "point").AsObject();
            var results = Need(root, "results").AsObject();
            if (point.Count != plan.Parameters.Length || !results.Select(r => r.Key).SequenceEqual(plan.Policies))
            {
                throw new FormatException("its parameters or policies are not the plan's");
            }

            return new SweepCellResult(
                Need(root, "cell").GetValue<int>(),
                Need(root, "replication").GetValue<int>(),
                Need(root, "seed").GetValue<ulong>(),
                [.. plan.Parameters.Select(p => JsonSerializer.SerializeToElement(point[p.Path]))],
                plan.Policies,
                [.. results.Select(r => FleetMetric.All.Select(m => (r.Value as JsonObject ?? throw new FormatException($"not a sweep cell's result: {r.Key} is not an object"))[m.Name]?.GetValue<double>()).ToImmutableArray())]);
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            throw new FormatException($"not a sweep cell's result: {error.Message}", error);
        }
    }

    private static JsonNode Need(JsonObject node, string key) =>
        node[key] ?? throw new FormatException($"not a sweep cell's result: no {key}");
}
