namespace IronicCore.Persistence;

/// <summary>What a snapshot file holds; a file of another kind is refused as foreign.</summary>
internal enum SnapshotKind : byte
{
    /// <summary>One conductor with its clock (<see cref="Conductor.Save"/>).</summary>
    Conductor = 1,

    /// <summary>One fleet run (<see cref="Simulation.Fleet.FleetSimulation.Save"/>).</summary>
    Fleet = 2,

    /// <summary><c>ironic-sim fleet</c>: every policy's run side by side.</summary>
    FleetCommand = 3,
}
