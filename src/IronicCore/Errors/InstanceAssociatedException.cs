namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>InstanceAssociated</c> (HTTP 409): another node already has this <c>instance_uuid</c>.
/// </summary>
public sealed class InstanceAssociatedException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="instanceUuid">The instance UUID.</param>
    /// <param name="node">The node it was to go to.</param>
    public InstanceAssociatedException(string instanceUuid, string node)
        : base("InstanceAssociated", 409, $"Instance {instanceUuid} is already associated with a node, it cannot be associated with this other node {node}")
    {
        InstanceUuid = instanceUuid;
    }

    /// <summary>The instance UUID.</summary>
    public string InstanceUuid { get; }
}
