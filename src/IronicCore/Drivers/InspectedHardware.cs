using System.Collections.Immutable;
using System.Text.Json;

namespace IronicCore.Drivers;

/// <summary>
/// What an out-of-band inspection found (<see cref="IInspectInterface.InspectHardware"/>): the
/// node's properties to set and the MAC addresses of its enabled NICs (a port is created for each
/// one no port has yet). Immutable.
/// </summary>
/// <param name="Properties">The properties to set, as a JSON object; keys the node has and this lacks are kept.</param>
/// <param name="Macs">The enabled NICs' MAC addresses, in the BMC's order.</param>
public sealed record InspectedHardware(JsonElement Properties, ImmutableArray<string> Macs)
{
    /// <summary>The inventory record the inspection stores (Ironic's <c>store_inspection_data</c>), replacing the node's; null when the interface stores none (21.4's redfish).</summary>
    public Nodes.NodeInventory? Inventory { get; init; }
}
