using IronicCore.Nodes;

namespace IronicCore.Scenarios;

/// <summary>A node of the file: its name and create request (what its agent reports included).</summary>
internal sealed record ScenarioNode(string Name, NodeCreateRequest Request);
