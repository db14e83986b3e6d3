using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;

namespace IronicCore.Cli.Commands.Scenario;

/// <summary>A scenario file, checked whole before anything runs (shared/spec/scenario-format.md).</summary>
internal sealed record Scenario(
    ConductorOptions Options,
    ulong Seed,
    ImmutableArray<ScenarioNode> Nodes,
    ImmutableArray<ScenarioStep> Steps);

/// <summary>A node of the file: its create request and what its agent reports.</summary>
internal sealed record ScenarioNode(string Name, NodeCreateRequest Request);

/// <summary>One step: its op and its fields, kept as parsed JSON for the runner.</summary>
internal sealed record ScenarioStep(int Number, string Op, string? Node, JsonElement Fields);
