using IronicCore.Api.Hosting;
using IronicCore.Errors;

namespace IronicCore.Api.Ports;

/// <summary>
/// Ironic's <c>check_port_list_policy</c> for a port or portgroup list under a node
/// (<c>/v1/nodes/{node}/ports</c>, <c>/portgroups</c>) or a portgroup (<c>/v1/portgroups/{portgroup}/ports</c>):
/// before anything else of the list, the parent in the path is read by UUID only. So a parent named by
/// its name, or missing, is a 404 <c>PortgroupNotFound</c>: for a portgroup it names the portgroup, for a
/// node it names the request's (absent) portgroup, <c>None</c>. The same in 21.4, 29.0 and master.
/// </summary>
internal static class ListParent
{
    /// <exception cref="PortgroupNotFoundException">The parent is not a UUID of the published view.</exception>
    public static void Check(PublishedState published, string? node, string? portgroup)
    {
        if (portgroup is not null && published.Portgroups.WithUuid(portgroup) is null)
        {
            throw new PortgroupNotFoundException(portgroup);
        }

        if (node is not null && published.Nodes.WithUuid(node) is null)
        {
            throw new PortgroupNotFoundException("None");
        }
    }
}
