using System.Collections.Immutable;
using System.Text.Json;

namespace IronicCore.Sweeps;

/// <summary>One parameter a sweep varies: the scenario field it sets, and the values it takes, in order.</summary>
/// <param name="Path">
/// The field, by its path in the fleet scenario file: keys joined by dots, a list's element by
/// its index or by one of its keys' value (<c>workload.utilization</c>, <c>faults[3].rate_per_node_year</c>,
/// <c>faults[kind=bmc].rate_per_node_year</c>), Ironic's options as
/// <c>options.</c> and the option's name (<c>options.conductor.max_concurrent_clean</c>).
/// </param>
/// <param name="Values">The values, each as the scenario file would spell it; one or more, distinct.</param>
public sealed record SweepParameter(string Path, ImmutableArray<JsonElement> Values);
