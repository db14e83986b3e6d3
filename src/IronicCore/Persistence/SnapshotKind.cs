namespace IronicCore.Persistence;

/// <summary>
/// What a snapshot file holds, in its header; a file of another kind is refused as foreign.
/// The numbers of simulations built on the core (IronicCore.Fleet) are kept here so that no two
/// kinds share one.
/// </summary>
public enum SnapshotKind : byte
{
    /// <summary>One conductor with its clock (<see cref="Conductor.Save"/>).</summary>
    Conductor = 1,

    /// <summary>One fleet run (IronicCore.Fleet's <c>FleetSimulation.Save</c>).</summary>
    Fleet = 2,

    /// <summary>Several fleet runs side by side, one per policy (IronicCore.Fleet's <c>FleetComparison.Save</c>, <c>ironic-sim fleet --save</c>).</summary>
    FleetComparison = 3,
}
