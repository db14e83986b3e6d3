using System.Collections.Immutable;
using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Pxe;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Drivers.Tests;

/// <summary>A conductor with a provisioning network and the ipmi hardware type, and ipmi nodes on it.</summary>
internal sealed class DriverFixture
{
    public DriverFixture(
        BmcBehaviour? bmc = null, PxeNetworkOptions? network = null, ConductorOptions? options = null, AgentBehaviour? agents = null)
    {
        Conductor = new IronicCore.Conductor(options, seed: 7, agents: agents);
        Network = Conductor.AddPxeNetwork(network);
        Ipmi = Conductor.AddIpmiHardwareType(Network.Boot, Network.ImageTransfer, bmc ?? new BmcBehaviour { RecordCommands = true });
    }

    public IronicCore.Conductor Conductor { get; }

    public PxeNetwork Network { get; }

    public IpmiHardware Ipmi { get; }

    public NodeView Enroll(
        string name,
        ProvisionState state = ProvisionState.Manageable,
        PowerState? power = PowerState.PowerOff,
        ImmutableSortedDictionary<string, string>? driverInfo = null) =>
        Conductor.CreateNode(new NodeCreateRequest
        {
            Name = name,
            Driver = "ipmi",
            ProvisionState = state,
            PowerState = power,
            DriverInfo = driverInfo ?? ImmutableSortedDictionary<string, string>.Empty
                .Add("ipmi_address", $"10.9.0.{Conductor.Nodes.Length + 1}").Add("ipmi_username", "admin").Add("ipmi_password", "secret"),
        });

    public SimulatedBmc Bmc(string name) => Ipmi.GetBmc(Conductor.GetNode(name).Uuid);

    public NodeView Node(string name) => Conductor.GetNode(name);

    /// <summary>Moves the clock until nothing is due within <paramref name="limit"/>, or the limit has passed.</summary>
    public void RunFor(TimeSpan limit) => Conductor.Clock.Advance(limit);
}
