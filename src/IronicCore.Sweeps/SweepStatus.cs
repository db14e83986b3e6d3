using System.Collections.Immutable;

namespace IronicCore.Sweeps;

/// <summary>Where a sweep stands: its cells done, failed (a <c>.failed</c> file and no result) and not yet run.</summary>
/// <param name="Cells">How many cells the plan makes.</param>
/// <param name="Done">The cells with a result file.</param>
/// <param name="Failed">The cells whose last run failed, in order.</param>
public sealed record SweepStatus(int Cells, int Done, ImmutableArray<int> Failed)
{
    /// <summary>Cells with no result, failed or never run.</summary>
    public int Missing => Cells - Done;

    /// <summary>Cells with no result that have not failed either: never run, or still running.</summary>
    public int NotRun => Missing - Failed.Length;
}
