using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Fleet;

namespace IronicCore.Sweeps;

/// <summary>
/// A sweep: a base fleet scenario, the parameters to vary with their values, the policies to
/// compare, how many replications of every point, and the seed. It expands into
/// <see cref="CellCount"/> cells in a fixed order (<see cref="Cell"/>), each one fleet run of
/// every policy. Read from a plan file (docs/sweeps.md) with <see cref="Parse"/> or <see cref="Load"/>;
/// immutable and thread-safe.
/// </summary>
public sealed class SweepPlan
{
    /// <summary>The most replications a plan takes, as <c>ironic-sim fleet --replications</c>.</summary>
    public const int MaxReplications = 1_000;

    /// <summary>The most cells a plan makes: the result files are numbered with six digits.</summary>
    public const int MaxCells = 1_000_000;

    private readonly JsonObject scenarioJson;
    private readonly ImmutableArray<Func<IFleetPolicy>> factories;

    internal SweepPlan(FleetScenario scenario, JsonObject scenarioJson, ImmutableArray<SweepParameter> parameters, ImmutableArray<string> policies, int replications, ulong seed, int cellCount)
    {
        Scenario = scenario;
        this.scenarioJson = scenarioJson;
        Parameters = parameters;
        Policies = policies;
        Replications = replications;
        Seed = seed;
        CellCount = cellCount;
        factories = [.. policies.Select(name => SweepPolicies.Factory(name)!)];
    }

    /// <summary>The base scenario, its seed the plan's.</summary>
    public FleetScenario Scenario { get; }

    /// <summary>The parameters, in the plan's order (the first varies slowest).</summary>
    public ImmutableArray<SweepParameter> Parameters { get; }

    /// <summary>The policies' names, in the plan's order.</summary>
    public ImmutableArray<string> Policies { get; }

    /// <summary>How many replications of every point.</summary>
    public int Replications { get; }

    /// <summary>The seed: replication i of every point runs on <see cref="FleetExperiment.ReplicationSeed"/>(seed, i).</summary>
    public ulong Seed { get; }

    /// <summary>How many cells: the product of the parameters' value counts, times <see cref="Replications"/>.</summary>
    public int CellCount { get; }

    /// <summary>How many points of the grid: <see cref="CellCount"/> / <see cref="Replications"/>.</summary>
    public int PointCount => CellCount / Replications;

    /// <summary>Reads a plan file's text.</summary>
    /// <param name="json">The plan (JSON; docs/sweeps.md).</param>
    /// <param name="baseDirectory">Where a scenario given as a path is looked up; null to accept inline scenarios only.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="FormatException">The first problem, with its JSON path (<c>$.parameters[0].path: ...</c>).</exception>
    public static SweepPlan Parse(string json, string? baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(json);
        return SweepPlanFile.Parse(json, baseDirectory);
    }

    /// <summary>Reads the plan file at <paramref name="path"/>; a scenario path in it is relative to the file.</summary>
    /// <param name="path">The plan file.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="FormatException">The first problem, with its JSON path.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static SweepPlan Load(string path) =>
        Parse(File.ReadAllText(path), Path.GetDirectoryName(Path.GetFullPath(path)));

    /// <summary>
    /// Cell <paramref name="index"/>: parameters in the plan's order, values in their order, the
    /// replication innermost, so cells <c>r·R .. r·R + R − 1</c> are the replications of point r.
    /// </summary>
    /// <param name="index">From 0 to <see cref="CellCount"/> − 1.</param>
    /// <returns>The cell, its scenario ready to run.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    /// <exception cref="FormatException">The point's values together do not make a scenario that can run.</exception>
    public SweepCell Cell(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, CellCount);
        var (point, replication) = Math.DivRem(index, Replications);
        var values = Point(point);
        var json = (JsonObject)scenarioJson.DeepClone();
        for (var i = 0; i < values.Length; i++)
        {
            if (SweepPath.TrySet(json, Parameters[i].Path, JsonNode.Parse(values[i].GetRawText())) is { } problem)
            {
                throw new FormatException($"{Parameters[i].Path} {problem}");
            }
        }

        var scenario = FleetScenario.Parse(json.ToJsonString()) with { Seed = FleetExperiment.ReplicationSeed(Seed, replication) };
        if (scenario.Problems() is { Length: > 0 } problems)
        {
            throw new FormatException($"cell {index}: the scenario cannot run: {string.Join("; ", problems)}");
        }

        return new SweepCell(index, values, replication, scenario);
    }

    /// <summary>Point <paramref name="point"/>'s value of each parameter (the last parameter varies fastest).</summary>
    /// <param name="point">From 0 to <see cref="PointCount"/> − 1.</param>
    /// <returns>One value per parameter.</returns>
    public ImmutableArray<JsonElement> Point(int point)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(point);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(point, PointCount);
        var values = new JsonElement[Parameters.Length];
        for (var i = Parameters.Length - 1; i >= 0; i--)
        {
            var count = Parameters[i].Values.Length;
            values[i] = Parameters[i].Values[point % count];
            point /= count;
        }

        return [.. values];
    }

    /// <summary>A fresh instance of each policy, in the plan's order.</summary>
    internal IEnumerable<Func<IFleetPolicy>> PolicyFactories => factories;

    /// <summary>
    /// The plan normalized: the scenario inline and in full (every field, defaults included, keys
    /// sorted; <c>seed</c> the plan's), then parameters, policies, replications and seed. Read back with
    /// <see cref="Parse"/> it gives the same plan, and the same text: two plans are the same sweep when
    /// their normalized texts are equal.
    /// </summary>
    /// <returns>The JSON object.</returns>
    public JsonObject ToJson() => new()
    {
        ["scenario"] = scenarioJson.DeepClone(),
        ["parameters"] = new JsonArray([.. Parameters.Select(p => new JsonObject
        {
            ["path"] = p.Path,
            ["values"] = new JsonArray([.. p.Values.Select(v => JsonNode.Parse(v.GetRawText()))]),
        })]),
        ["policies"] = new JsonArray([.. Policies.Select(name => JsonValue.Create(name))]),
        ["replications"] = Replications,
        ["seed"] = Seed,
    };
}
