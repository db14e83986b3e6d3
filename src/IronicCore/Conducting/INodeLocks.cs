using IronicCore.Nodes;

namespace IronicCore.Conducting;

/// <summary>
/// What the operations on a node's ports, portgroups, VIFs, traits and fields need of the node
/// table and the task manager: finding a node, and Ironic's exclusive lock on it.
/// </summary>
internal interface INodeLocks
{
    /// <summary>The current time on the conductor's clock.</summary>
    DateTimeOffset Now { get; }

    /// <summary>The node with this UUID or name.</summary>
    /// <exception cref="Errors.NodeNotFoundException">No node has it.</exception>
    Node Find(string ident);

    /// <summary>Ironic's <c>task_manager.acquire</c> without <c>shared</c>: a node another task holds is refused.</summary>
    /// <exception cref="Errors.NodeLockedException">The node is locked.</exception>
    void EnsureUnlocked(Node node);
}
