namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>PortgroupNotEmpty</c> (HTTP 400): the portgroup still has ports, so it can be
/// neither deleted nor moved to another node.
/// </summary>
public sealed class PortgroupNotEmptyException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="portgroup">The portgroup: its database id when it is deleted (Ironic's database names it so), else its UUID.</param>
    /// <param name="node">The node it was to move to; null when it was to be deleted.</param>
    public PortgroupNotEmptyException(string portgroup, string? node = null)
        : base("PortgroupNotEmpty", 400, node is null
            ? $"Cannot complete the requested action because portgroup {portgroup} contains ports."
            : $"Portgroup {portgroup} can not be associated with node {node} because there are ports associated with this portgroup.")
    {
        Portgroup = portgroup;
        Node = node;
    }

    /// <summary>The portgroup, as the message names it.</summary>
    public string Portgroup { get; }

    /// <summary>The node it was to move to, or null.</summary>
    public string? Node { get; }
}
