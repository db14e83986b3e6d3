namespace IronicCore.Nodes;

/// <summary>
/// A node's <c>driver</c> and <c>*_interface</c> fields: the names of the hardware type and of the
/// interfaces its driver was built from. Shared by every node with the same driver.
/// </summary>
internal sealed record NodeInterfaces(string Driver, string Power, string Management, string Boot, string Deploy, string Inspect, string Rescue);
