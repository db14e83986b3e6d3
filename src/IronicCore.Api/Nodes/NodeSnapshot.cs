using IronicCore.Nodes;

namespace IronicCore.Api.Nodes;

/// <summary>
/// A node as one answer shows it: the conductor's view, the conductor's host, the served drivers
/// (for the interfaces not modelled). Immutable once made; it keeps its last rendering (the
/// bytes depend on nothing else than the rendering's arguments), so a node read again before it
/// changes costs a copy, not a rendering.
/// </summary>
internal sealed class NodeSnapshot(NodeView view, string host, Drivers.EnabledDrivers drivers)
{
    public NodeView View { get; } = view;

    public string Host { get; } = host;

    public Drivers.EnabledDrivers Drivers { get; } = drivers;

    /// <summary>The last rendering: written by whichever reader made it (any of them is right).</summary>
    internal RenderedNode? Rendered { get; set; }
}
