namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>InstanceRescueFailure</c> (HTTP 500): the rescue could not start.
/// </summary>
public sealed class InstanceRescueFailureException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="instance">The node's <c>instance_uuid</c>, which Ironic's message names (<c>None</c> when there is none).</param>
    /// <param name="node">The node's UUID.</param>
    /// <param name="reason">Why.</param>
    public InstanceRescueFailureException(string? instance, string node, string reason)
        : base("InstanceRescueFailure", 500, $"Failed to rescue instance {instance ?? "None"} for node {node}: {reason}")
    {
        Instance = instance;
        Node = node;
        Reason = reason;
    }

    /// <summary>The node's <c>instance_uuid</c>, or null.</summary>
    public string? Instance { get; }

    /// <summary>The node's UUID.</summary>
    public string Node { get; }

    /// <summary>Why.</summary>
    public string Reason { get; }
}
