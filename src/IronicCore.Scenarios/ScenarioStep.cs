using System.Text.Json;

namespace IronicCore.Scenarios;

/// <summary>One step: its number (from 1), op and node, and its fields kept as parsed JSON for the runner.</summary>
internal sealed record ScenarioStep(int Number, string Op, string? Node, JsonElement Fields);
