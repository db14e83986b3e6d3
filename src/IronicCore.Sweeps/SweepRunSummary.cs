using System.Collections.Immutable;

namespace IronicCore.Sweeps;

/// <summary>What a run of some of a sweep's cells did.</summary>
/// <param name="Ran">Cells run to a result now.</param>
/// <param name="Skipped">Cells that had a result already.</param>
/// <param name="Failed">Cells that failed now (each has its <c>.failed</c> file), in order.</param>
public sealed record SweepRunSummary(int Ran, int Skipped, ImmutableArray<int> Failed);
