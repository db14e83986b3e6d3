using System.Collections.Immutable;
using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Configuration.Files;
using IronicCore.Drivers;
using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Pxe;
using IronicCore.Drivers.Redfish;
using IronicCore.Errors;
using IronicCore.Fleet;
using IronicCore.Nodes;
using IronicCore.Scenarios;
using IronicCore.Simulation;
using IronicCore.States;

namespace IronicCore.Cli.Commands.Serve;

/// <summary>
/// The conductors <c>serve</c> builds: empty, or a fleet scenario's nodes as the fleet starts.
/// Both enable fake-hardware, ipmi and redfish, their nodes on simulated BMCs behind one PXE network,
/// their agents acting on their own. A saved conductor (<c>--resume</c>) is served as it was
/// saved, its ipmi type and PXE network (if it had them) restored by their driver packages.
/// </summary>
internal static class ServeConductor
{
    /// <summary>
    /// The driver sections of the conductors served (ipmi's on a PXE network), at their defaults: a
    /// fleet file or snapshot may set their options.
    /// </summary>
    public static ImmutableArray<OptionSection> DriverSections => [new IpmiOptions(), new RedfishOptions(), new PxeOptions(), new DhcpOptions()];

    /// <summary>The driver packages of the conductors served, which restore a snapshot's PXE network and ipmi type.</summary>
    public static ImmutableArray<DriverPackage> Drivers => [PxeDriverPackage.Instance, IpmiDriverPackage.Instance, RedfishDriverPackage.Instance];

    /// <summary>
    /// A conductor saved with <see cref="Conductor.Save"/> (a harness's, or one of these with ipmi
    /// nodes), where it stood: with the hardware types and network it had, no more.
    /// </summary>
    /// <exception cref="Persistence.PersistenceFormatException">Not a conductor's snapshot, damaged, or it needs a driver package serve does not have.</exception>
    public static Conductor Resume(Stream stream) => Conductor.Load(stream, driverSections: DriverSections, drivers: Drivers);

    /// <summary>No nodes yet.</summary>
    public static Conductor Empty(ConductorOptions options, SimulationClock clock, ulong seed) =>
        Create(options, clock, seed, new AgentBehaviour());

    /// <summary>
    /// A fleet scenario's data centre at its start, without its tenants, faults, operators and
    /// policy (the API's clients play those parts): the nodes enrolled with the scenario's driver
    /// and interfaces, the utilisation's share <c>active</c> and powered on, the rest
    /// <c>available</c>; the scenario's Ironic options, agents and conductors.
    /// </summary>
    /// <param name="scenario">The scenario, already checked (<see cref="FleetScenario.Problems"/>).</param>
    /// <param name="clock">The clock to run on.</param>
    /// <returns>The conductor, and the host names of the conductor services that share its nodes (named as a fleet run names them).</returns>
    public static (Conductor Conductor, IReadOnlyList<string> Hosts) Fleet(FleetScenario scenario, SimulationClock clock)
    {
        var conductor = Create(scenario.Options, clock, scenario.Seed, scenario.Agents);
        if (scenario.Drivers is { } drivers)
        {
            conductor.EnableDrivers(drivers);
        }

        foreach (var request in scenario.NodeRequests())
        {
            conductor.CreateNode(request);
        }

        return (conductor, [.. Enumerable.Range(0, scenario.Conductors).Select(i => $"conductor-{i}")]);
    }

    /// <summary>
    /// A scenario file's conductor as its last step left it, its nodes created under the files'
    /// driver options (as the scenario command runs it), so they have the interfaces those give.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="files">The configuration files' values, or null.</param>
    /// <param name="notes">Where the driver options' notes go.</param>
    /// <returns>The conductor.</returns>
    /// <exception cref="ConfigFileException">Ironic would not start with the files' driver options.</exception>
    /// <exception cref="ScenarioException">A node of the file is refused.</exception>
    public static Conductor Scenario(Scenarios.Scenario scenario, ConfigFileValues? files, TextWriter notes)
    {
        ScenarioRunner? runner = null;
        if (files is not null)
        {
            EnabledDriverOptions.Apply(files, drivers => (runner = new ScenarioRunner(scenario, drivers)).DriverNotes, notes);
        }

        return (runner ?? new ScenarioRunner(scenario)).RunToEnd();
    }

    private static Conductor Create(ConductorOptions options, SimulationClock clock, ulong seed, AgentBehaviour agents)
    {
        var conductor = new Conductor(options, clock, seed: seed, agents: agents);
        var network = conductor.AddPxeNetwork();
        conductor.AddIpmiHardwareType(network.Boot, network.ImageTransfer);
        conductor.AddRedfishHardwareType(network.Boot, network.ImageTransfer);
        return conductor;
    }
}
