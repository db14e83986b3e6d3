using System.Collections.Immutable;
using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Pxe;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Cli.Commands.Bench;

/// <summary>
/// One conductor with N <c>ipmi</c> nodes (timed BMCs, PXE boot, direct deploy, agents on their
/// own) on one provisioning network, powered off: what <c>ironic-sim bench --hardware ipmi</c>
/// and the ipmi benchmarks enroll.
/// </summary>
internal sealed class IpmiPxeFleet
{
    private IpmiPxeFleet(Conductor conductor, PxeNetwork network, string[] names)
    {
        Conductor = conductor;
        Network = network;
        Names = names;
    }

    public Conductor Conductor { get; }

    public PxeNetwork Network { get; }

    /// <summary>The nodes' names, <c>node-0</c> onwards, in enrolment order.</summary>
    public string[] Names { get; }

    /// <summary>Enrolls <paramref name="nodes"/> nodes in <paramref name="state"/>, <paramref name="observer"/> subscribed first.</summary>
    public static IpmiPxeFleet Enroll(
        int nodes, ProvisionState state, ConductorOptions options, PxeNetworkOptions networkOptions, ITransitionObserver observer, ulong seed = 1)
    {
        var conductor = new Conductor(options, seed: seed, agents: new AgentBehaviour());
        var network = conductor.AddPxeNetwork(networkOptions);
        conductor.AddIpmiHardwareType(network.Boot, network.ImageTransfer);
        conductor.Subscribe(observer);
        var names = new string[nodes];
        for (var i = 0; i < nodes; i++)
        {
            names[i] = $"node-{i}";
            conductor.CreateNode(new NodeCreateRequest
            {
                Name = names[i],
                Driver = IpmiConductorExtensions.HardwareTypeName,
                ProvisionState = state,
                PowerState = PowerState.PowerOff,
                DriverInfo = ImmutableSortedDictionary<string, string>.Empty
                    .Add("ipmi_address", $"10.{8 + (i >> 16)}.{(i >> 8) & 255}.{i & 255}").Add("ipmi_username", "admin").Add("ipmi_password", "secret"),
            });
        }

        return new IpmiPxeFleet(conductor, network, names);
    }
}
