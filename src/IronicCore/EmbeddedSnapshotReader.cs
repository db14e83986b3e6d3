using IronicCore.Persistence;
using IronicCore.Simulation;
using MessagePack;

namespace IronicCore;

/// <summary>
/// Reads the state of a simulation built around a conductor, as its <see cref="SnapshotWriter"/>
/// wrote it, on the restored clock: the conductor (<see cref="Conductor.ReadEmbeddedState"/>) and the
/// simulation around it (<see cref="Conductor.ReadSnapshot"/>).
/// </summary>
/// <typeparam name="T">The simulation's type.</typeparam>
/// <param name="reader">Where the state starts.</param>
/// <param name="clock">The restored clock, for the conductor and the simulation.</param>
/// <returns>The conductor and the simulation; the clock's pending events go back to them.</returns>
public delegate (Conductor Conductor, T Owner) EmbeddedSnapshotReader<T>(ref MessagePackReader reader, SimulationClock clock)
    where T : class, ISimulationEventHandler;
