using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Versioning;
using IronicCore.Conductor;
using IronicCore.Nodes;

namespace IronicCore.Api.Nodes;

/// <summary>Ironic's <c>get_rpc_node</c>: a UUID-like ident is a UUID, otherwise a name (from 1.5).</summary>
internal static class NodeIdent
{
    public static NodeView Find(SimulationState simulation, string ident, ApiVersion version)
    {
        if (!Guid.TryParse(ident, out _))
        {
            if (!version.Allows(5))
            {
                throw new NodeNotFoundException(ident);
            }

            if (!NodeNames.IsValid(ident))
            {
                throw ApiFault.BadRequest($"Expected a logical name or UUID but received {ident}.");
            }
        }

        return simulation.Conductor.GetNode(ident);
    }

    public static NodeSnapshot Snapshot(SimulationState simulation, NodeView node) =>
        new(node, simulation.RecordOf(node), simulation.Hosts.HostOf(node.Uuid), simulation.Drivers);
}
