using IronicCore.States;

namespace IronicCore.Nodes;

/// <summary>The wire names of <see cref="NodeHealth"/>. Thread-safe.</summary>
public static class NodeHealthNames
{
    /// <summary>The wire name of a node's health, e.g. <c>"Warning"</c>.</summary>
    public static string ToIronicName(this NodeHealth value) => NameTable<NodeHealth>.NameOf(value);
}
