namespace IronicCore.Persistence;

/// <summary>
/// Reads the state of a simulation built around a conductor, as its <see cref="SnapshotWriter"/>
/// wrote it, and makes the simulation around the restored conductor (<see cref="Conductor.ReadSnapshot"/>).
/// </summary>
/// <typeparam name="T">The simulation's type.</typeparam>
/// <param name="reader">Where its state starts.</param>
/// <param name="conductor">The restored conductor, on the restored clock (<see cref="Conductor.Clock"/>).</param>
/// <returns>The simulation; the clock's pending events for it are given back to it.</returns>
public delegate T EmbeddedSnapshotReader<out T>(ref MessagePack.MessagePackReader reader, Conductor conductor)
    where T : class, Simulation.ISimulationEventHandler;
