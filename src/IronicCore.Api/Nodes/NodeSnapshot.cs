using IronicCore.Nodes;

namespace IronicCore.Api.Nodes;

/// <summary>A node as one answer shows it: the conductor's view, the conductor's host, the served drivers (for the interfaces not modelled).</summary>
internal sealed record NodeSnapshot(NodeView View, string Host, Drivers.EnabledDrivers Drivers);
