namespace IronicCore.Resources;

/// <summary>An allocation's <c>state</c>, as Ironic's <c>ironic.common.states</c> names them.</summary>
public enum AllocationState
{
    /// <summary><c>allocating</c>: created, its worker has not chosen a node yet.</summary>
    Allocating,

    /// <summary><c>active</c>: a node is reserved for it (<c>node_uuid</c>).</summary>
    Active,

    /// <summary><c>error</c>: no node could be given; <c>last_error</c> says why.</summary>
    Error,
}
