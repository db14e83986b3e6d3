using System.Text.Json;
using IronicCore.Nodes;

namespace IronicCore.Tests.Conductor;

/// <summary>Ports, portgroups and locks for the network rule tests.</summary>
internal static class NetworkFixture
{
    public static PortView Port(this IronicCore.Conductor conductor, string node, string mac, string? portgroup = null, bool? pxe = null, string? physnet = null) =>
        conductor.CreatePort(new PortRequest { Node = node, Address = mac, PortgroupUuid = portgroup, PxeEnabled = pxe, PhysicalNetwork = physnet });

    public static PortgroupView Portgroup(this IronicCore.Conductor conductor, string node, string? name = null, string? mac = null, bool standalone = true) =>
        conductor.CreatePortgroup(new PortgroupRequest { Node = node, Name = name, Address = mac, StandalonePortsSupported = standalone });

    /// <summary>Another conductor holds the node's lock (its <c>reservation</c>) until released.</summary>
    public static void ReserveElsewhere(this IronicCore.Conductor conductor, string node) =>
        conductor.NodeAt(conductor.GetDriverTask(node).Slot)!.Reservation = "conductor-2";

    public static JsonElement Json(string text) => JsonElement.Parse(text);
}
