using IronicCore.Api.Conductors;
using IronicCore.Api.Drivers;

namespace IronicCore.Api.Hosting;

/// <summary>
/// Everything the API reads and writes: the conductor (which keeps every node field, port,
/// portgroup, trait, runbook and inspection rule), and what the API reports of it. Owned by
/// <see cref="ConductorLoop"/>: touched on its turn only.
/// </summary>
internal sealed class SimulationState
{
    public SimulationState(Conductor conductor, ConductorHosts? hosts = null)
    {
        Conductor = conductor;
        Hosts = hosts ?? ConductorHosts.Single(conductor.Host);
        Drivers = new EnabledDrivers(conductor);
    }

    public Conductor Conductor { get; }

    /// <summary>The conductor services the API reports, and which one manages each node.</summary>
    public ConductorHosts Hosts { get; }

    /// <summary>The hardware types served, with their interfaces.</summary>
    public EnabledDrivers Drivers { get; }

    public DateTimeOffset Now => Conductor.Clock.GetUtcNow();
}
