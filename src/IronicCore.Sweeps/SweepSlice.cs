using System.Collections.Immutable;

namespace IronicCore.Sweeps;

/// <summary>
/// A line through the grid: the points where one parameter takes each of its values in turn and
/// every other parameter keeps one value. A chart of a metric against that parameter draws one.
/// </summary>
/// <param name="Parameter">The index of the parameter that varies along the slice.</param>
/// <param name="Points">The points, in the order of that parameter's values.</param>
public sealed record SweepSlice(int Parameter, ImmutableArray<int> Points);
