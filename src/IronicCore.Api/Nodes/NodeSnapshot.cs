using IronicCore.Nodes;

namespace IronicCore.Api.Nodes;

/// <summary>
/// A node as one answer shows it: the conductor's view, the conductor's host, the served drivers
/// (for the interfaces not modelled). Immutable once made; it keeps its last renderings (the
/// bytes depend on nothing else than the rendering's arguments), so a node read again before it
/// changes costs a copy, not a rendering.
/// </summary>
internal sealed class NodeSnapshot(NodeView view, string host, Drivers.EnabledDrivers drivers)
{
    public NodeView View { get; } = view;

    public string Host { get; } = host;

    public Drivers.EnabledDrivers Drivers { get; } = drivers;

    /// <summary>The last rendering of every field: written by whichever reader made it (any of them is right).</summary>
    internal RenderedNode? RenderedAll { get; set; }

    /// <summary>The last rendering of a list's default fields, kept apart so that lists and node GETs do not undo each other's.</summary>
    internal RenderedNode? RenderedListed { get; set; }
}
