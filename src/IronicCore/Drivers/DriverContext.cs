using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Simulation;

namespace IronicCore.Drivers;

/// <summary>
/// What a hardware type's factory gets from the conductor it is registered with: the clock,
/// the options (the driver's own section among <see cref="ConductorOptions.DriverSections"/>) and a random stream of its own,
/// seeded from the conductor's seed and the type's name, so drivers draw jitter and faults
/// deterministically without disturbing the conductor's other draws.
/// </summary>
public sealed class DriverContext
{
    internal DriverContext(SimulationClock clock, ConductorOptions options, SeededRandom random)
    {
        Clock = clock;
        Options = options;
        Random = random;
    }

    /// <summary>The conductor's virtual clock: schedule driver events on it.</summary>
    public SimulationClock Clock { get; }

    /// <summary>The conductor's validated options.</summary>
    public ConductorOptions Options { get; }

    /// <summary>The hardware type's own seeded random stream.</summary>
    public SeededRandom Random { get; }
}
