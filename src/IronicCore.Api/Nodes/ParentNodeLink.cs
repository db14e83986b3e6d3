using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Versioning;
using IronicCore.Errors;

namespace IronicCore.Api.Nodes;

/// <summary>
/// Ironic master's check on a node's <c>parent_node</c> (1.83): the parent is found by UUID or
/// name and must have the child's owner; the UUID is stored. Both refusals read alike, so the
/// answer does not tell whether the parent exists.
/// </summary>
internal static class ParentNodeLink
{
    public static string Resolve(SimulationState simulation, string ident, string? childOwner, ApiVersion version)
    {
        string uuid;
        string? owner;
        try
        {
            var parent = NodeIdent.Find(simulation, ident, version);
            (uuid, owner) = (parent.Uuid, parent.Owner);
        }
        catch (Exception error) when (error is IronicException or ApiFault)
        {
            throw Refused(ident);
        }

        return owner == childOwner ? uuid : throw Refused(ident);
    }

    private static InvalidException Refused(string ident) =>
        new($"Unable to apply the requested parent_node '{ident}'. Requested value was invalid.");
}
