namespace IronicCore.Fleet;

/// <summary>One run of a <see cref="FleetExperiment"/>: one policy in one replication.</summary>
/// <param name="Policy">The policy's index in the experiment's policies.</param>
/// <param name="Replication">The replication's index, from 0.</param>
/// <param name="Seed">The replication's seed (<see cref="FleetExperiment.ReplicationSeed"/>).</param>
/// <param name="Result">What the policy achieved (deterministic).</param>
/// <param name="WallTime">How long the run took on the machine (not deterministic).</param>
public sealed record FleetExperimentRun(int Policy, int Replication, ulong Seed, FleetResult Result, TimeSpan WallTime);
