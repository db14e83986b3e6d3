using IronicCore.States;

namespace IronicCore.Nodes;

/// <summary>The wire names of <see cref="NodeFault"/>. Thread-safe.</summary>
public static class NodeFaultNames
{
    /// <summary>The wire name of a node's fault, e.g. <c>"power failure"</c>.</summary>
    public static string ToIronicName(this NodeFault value) => NameTable<NodeFault>.NameOf(value);
}
