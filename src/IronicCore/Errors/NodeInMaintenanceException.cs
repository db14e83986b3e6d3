namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>NodeInMaintenance</c> (HTTP 400): the operation is not allowed while the node is in maintenance; nothing was changed.
/// </summary>
public sealed class NodeInMaintenanceException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="operation">What was refused, in Ironic's words: "cleaning", "providing", "provisioning", "rescuing", "unrescuing" or "service".</param>
    /// <param name="node">The node's UUID.</param>
    public NodeInMaintenanceException(string operation, string node)
        : base("NodeInMaintenance", 400, $"The {operation} operation can't be performed on node {node} because it's in maintenance mode.")
    {
        Operation = operation;
        Node = node;
    }

    /// <summary>What was refused, in Ironic's words: "cleaning", "providing", "provisioning", "rescuing", "unrescuing" or "service".</summary>
    public string Operation { get; }

    /// <summary>The node's UUID.</summary>
    public string Node { get; }
}
