using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Nodes;
using IronicCore.Api.Versioning;
using IronicCore.Errors;
using IronicCore.Nodes;

namespace IronicCore.Api.Ports;

/// <summary>The node a port or portgroup belongs to, looked up as Ironic does when one is created or moved.</summary>
internal static class OwnerNode
{
    /// <summary>The node named in a create body: a missing one is 400 (not 404: the request is not about the node).</summary>
    /// <param name="simulation">The state.</param>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="shownAs">What the error names (Ironic names the body's <c>node_uuid</c>, even when absent).</param>
    /// <param name="version">The request's version.</param>
    public static NodeView ForCreate(SimulationState simulation, string ident, string shownAs, ApiVersion version)
    {
        try
        {
            return NodeIdent.Find(simulation, ident, version);
        }
        catch (NodeNotFoundException)
        {
            throw ApiFault.BadRequest($"Node {shownAs} could not be found.");
        }
    }

    /// <summary>Ironic's <c>authorize_node_link</c>: a patched <c>node_uuid</c> must name a node of the same owner, or it is 400 without saying which.</summary>
    public static NodeView ForMove(SimulationState simulation, string? ident, string currentNode, ApiVersion version)
    {
        var invalid = ApiFault.BadRequest($"Unable to apply the requested node_uuid '{ident ?? "None"}'. Requested value was invalid.");
        NodeView node;
        try
        {
            node = NodeIdent.Find(simulation, ident ?? throw invalid, version);
        }
        catch (Exception error) when (error is NodeNotFoundException or ApiFault)
        {
            throw invalid;
        }

        return node.Owner == simulation.Conductor.GetNode(currentNode).Owner ? node : throw invalid;
    }
}
