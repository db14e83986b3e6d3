using IronicCore.Simulation;
using MessagePack;

namespace IronicCore.Persistence;

/// <summary>Reads a simulation's state onto its restored clock; returns the clock's event handlers in the order the snapshot numbers them.</summary>
internal delegate IReadOnlyList<ISimulationEventHandler> SimulationStateReader(ref MessagePackReader reader, SimulationClock clock);
