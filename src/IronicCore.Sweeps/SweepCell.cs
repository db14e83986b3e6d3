using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Fleet;

namespace IronicCore.Sweeps;

/// <summary>
/// One fleet run of a sweep: a point of the parameter grid in one replication, every policy of the
/// plan run on the same scenario and seed (common random numbers).
/// </summary>
/// <param name="Index">The cell's index, from 0, in the plan's order (<see cref="SweepPlan.Cell"/>).</param>
/// <param name="Point">Each parameter's value at this point, in the plan's order of parameters.</param>
/// <param name="Replication">The replication, from 0.</param>
/// <param name="Scenario">The base scenario with the point's values set, seeded with <see cref="FleetExperiment.ReplicationSeed"/> of the plan's seed and the replication.</param>
public sealed record SweepCell(int Index, ImmutableArray<JsonElement> Point, int Replication, FleetScenario Scenario);
