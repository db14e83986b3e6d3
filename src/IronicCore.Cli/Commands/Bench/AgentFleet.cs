using System.Collections.Immutable;
using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Pxe;
using IronicCore.Drivers.Redfish;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Cli.Commands.Bench;

/// <summary>
/// One conductor with N <c>ipmi</c> or <c>redfish</c> nodes (timed BMCs, PXE or virtual media
/// boot, direct deploy, agents on their own) on one provisioning network, powered off: what
/// <c>ironic-sim bench --hardware ipmi|redfish</c> and the agent lifecycle benchmarks enroll.
/// Each node has a BMC of its own.
/// </summary>
internal sealed class AgentFleet
{
    /// <summary>Where the conductor's HTTP server publishes iPXE scripts and virtual media ISOs (<c>[deploy] http_url</c>).</summary>
    public const string HttpUrl = "http://10.7.0.1:8080";

    private AgentFleet(Conductor conductor, PxeNetwork network, string[] names)
    {
        Conductor = conductor;
        Network = network;
        Names = names;
    }

    public Conductor Conductor { get; }

    public PxeNetwork Network { get; }

    /// <summary>The nodes' names, <c>node-0</c> onwards, in enrolment order.</summary>
    public string[] Names { get; }

    /// <summary>Enrolls <paramref name="nodes"/> ipmi nodes booting over PXE in <paramref name="state"/>, <paramref name="observer"/> subscribed first.</summary>
    public static AgentFleet Enroll(
        int nodes, ProvisionState state, ConductorOptions options, PxeNetworkOptions networkOptions, ITransitionObserver observer, ulong seed = 1) =>
        Enroll(AgentHardware.Ipmi, nodes, state, options, networkOptions, observer, seed);

    /// <summary>
    /// Enrolls <paramref name="nodes"/> nodes of <paramref name="hardware"/> in <paramref name="state"/>,
    /// <paramref name="observer"/> subscribed first. Virtual media and iPXE need <paramref name="options"/>'
    /// <c>[deploy] http_url</c> (e.g. <see cref="HttpUrl"/>).
    /// </summary>
    public static AgentFleet Enroll(
        AgentHardware hardware, int nodes, ProvisionState state, ConductorOptions options, PxeNetworkOptions networkOptions, ITransitionObserver observer, ulong seed = 1)
    {
        var conductor = new Conductor(options, seed: seed, agents: new AgentBehaviour());
        var network = conductor.AddPxeNetwork(networkOptions);
        var redfish = hardware.Type == RedfishConductorExtensions.HardwareTypeName;
        if (redfish)
        {
            conductor.AddRedfishHardwareType(network.Boot, network.ImageTransfer);
        }
        else
        {
            conductor.AddIpmiHardwareType(network.Boot, network.ImageTransfer);
        }

        conductor.Subscribe(observer);
        var names = new string[nodes];
        for (var i = 0; i < nodes; i++)
        {
            names[i] = $"node-{i}";
            var address = $"10.{8 + (i >> 16)}.{(i >> 8) & 255}.{i & 255}";
            conductor.CreateNode(new NodeCreateRequest
            {
                Name = names[i],
                Driver = hardware.Type,
                BootInterface = hardware.DefaultBoot ? null : hardware.BootInterface,
                ProvisionState = state,
                PowerState = PowerState.PowerOff,
                DriverInfo = redfish
                    ? ImmutableSortedDictionary<string, string>.Empty
                        .Add("redfish_address", $"https://{address}").Add("redfish_system_id", "/redfish/v1/Systems/1")
                        .Add("redfish_username", "admin").Add("redfish_password", "secret")
                    : ImmutableSortedDictionary<string, string>.Empty
                        .Add("ipmi_address", address).Add("ipmi_username", "admin").Add("ipmi_password", "secret"),
            });
        }

        return new AgentFleet(conductor, network, names);
    }
}
