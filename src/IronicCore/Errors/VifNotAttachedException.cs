namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>VifNotAttached</c> (HTTP 400): none of the node's ports or portgroups holds the VIF.
/// </summary>
public sealed class VifNotAttachedException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="vif">The VIF's id.</param>
    /// <param name="node">The node's UUID.</param>
    public VifNotAttachedException(string vif, string node)
        : base("VifNotAttached", 400, $"Unable to detach VIF {vif} from node {node} because it is not attached to it.")
    {
        Vif = vif;
        Node = node;
    }

    /// <summary>The VIF's id.</summary>
    public string Vif { get; }

    /// <summary>The node's UUID.</summary>
    public string Node { get; }
}
