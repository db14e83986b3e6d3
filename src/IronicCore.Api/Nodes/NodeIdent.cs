using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Versioning;
using IronicCore.Errors;
using IronicCore.Nodes;

namespace IronicCore.Api.Nodes;

/// <summary>Ironic's <c>get_rpc_node</c>: a UUID-like ident is a UUID, otherwise a name (from 1.5).</summary>
internal static class NodeIdent
{
    public static NodeView Find(SimulationState simulation, string ident, ApiVersion version)
    {
        CheckIdent(ident, version);
        return simulation.Conductor.GetNode(ident);
    }

    /// <summary>The same lookup in the published view, off the conductor's loop.</summary>
    public static NodeSnapshot Find(PublishedNodes nodes, string ident, ApiVersion version, bool jsonSuffixStripped)
    {
        try
        {
            return Find(nodes, ident, version);
        }
        catch (NodeNotFoundException) when (jsonSuffixStripped)
        {
            return Find(nodes, ident + ".json", version);
        }
    }

    private static NodeSnapshot Find(PublishedNodes nodes, string ident, ApiVersion version)
    {
        CheckIdent(ident, version);
        return nodes.Find(ident) ?? throw new NodeNotFoundException(ident);
    }

    private static void CheckIdent(string ident, ApiVersion version)
    {
        // The controllers' args.validate(node_ident=uuid_or_name) runs before get_rpc_node looks at the version.
        if (!Guid.TryParse(ident, out _))
        {
            if (!NodeNames.IsValid(ident))
            {
                throw ApiFault.BadRequest($"Expected UUID or name for node_ident: {ident}");
            }

            if (!version.Allows(5))
            {
                throw new NodeNotFoundException(ident);
            }
        }
    }

    /// <summary>
    /// Ironic's <c>get_rpc_node_with_suffix</c>, for showing, updating and deleting a node and for
    /// heartbeats: when the request's path lost a <c>.json</c>, a node not found is looked for again
    /// with the suffix given back.
    /// </summary>
    public static NodeView Find(SimulationState simulation, string ident, ApiVersion version, bool jsonSuffixStripped)
    {
        try
        {
            return Find(simulation, ident, version);
        }
        catch (NodeNotFoundException) when (jsonSuffixStripped)
        {
            return Find(simulation, ident + ".json", version);
        }
    }

    /// <summary>Ironic's database id, which some of its messages name: nodes are numbered from 1 in creation order, as the conductor's slots are from 0.</summary>
    public static int DatabaseId(SimulationState simulation, string uuid) => simulation.Conductor.GetDriverTask(uuid).Slot + 1;

    public static NodeSnapshot Snapshot(SimulationState simulation, NodeView node) =>
        new(node, simulation.Hosts.HostOf(node.Uuid), simulation.Drivers);
}
