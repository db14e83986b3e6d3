using System.Collections.Immutable;
using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Pxe;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Benchmarks.Drivers;

/// <summary>
/// One conductor with N <c>ipmi</c> nodes (timed BMCs, PXE boot, direct deploy, agents on their
/// own) on one provisioning network, powered off: what the ipmi benchmarks enroll, with the
/// memory the nodes hold once enrolled.
/// </summary>
internal sealed class IpmiPxeFleet
{
    private IpmiPxeFleet(IronicCore.Conductor conductor, PxeNetwork network, string[] names, long bytesPerNode)
    {
        Conductor = conductor;
        Network = network;
        Names = names;
        BytesPerNode = bytesPerNode;
    }

    public IronicCore.Conductor Conductor { get; }

    public PxeNetwork Network { get; }

    public string[] Names { get; }

    /// <summary>Heap held per node after enrolment (the conductor, network and agents' share included).</summary>
    public long BytesPerNode { get; }

    /// <summary>
    /// Enrolls <paramref name="nodes"/> nodes in <paramref name="state"/>. Call it with the previous
    /// fleet already released, so that the memory measured is this fleet's.
    /// </summary>
    public static IpmiPxeFleet Enroll(
        int nodes, ProvisionState state, ConductorOptions options, PxeNetworkOptions networkOptions, ITransitionObserver observer)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var conductor = new IronicCore.Conductor(options, seed: 1, agents: new AgentBehaviour());
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

        return new IpmiPxeFleet(conductor, network, names, (GC.GetTotalMemory(forceFullCollection: true) - before) / nodes);
    }
}
