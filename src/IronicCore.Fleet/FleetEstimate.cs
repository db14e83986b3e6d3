namespace IronicCore.Fleet;

/// <summary>
/// What replications say about one figure: their mean, spread, and the 95 % confidence interval
/// of the mean by Student's t (<see cref="FleetStatistics.Estimate(ReadOnlySpan{double})"/>); for a paired difference,
/// the same over the per-replication differences.
/// </summary>
/// <param name="Count">How many values (replications, or pairs) it is made of.</param>
/// <param name="Mean">Their mean.</param>
/// <param name="StandardDeviation">Their sample standard deviation (n − 1); 0 for one value.</param>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
/// <param name="HalfWidth">
/// Half the width of the 95 % confidence interval of the mean (t quantile × standard error); null
/// for a single value, where no interval exists.
/// </param>
public readonly record struct FleetEstimate(int Count, double Mean, double StandardDeviation, double Min, double Max, double? HalfWidth)
{
    /// <summary>The interval's lower end; null without an interval.</summary>
    public double? Lower => Mean - HalfWidth;

    /// <summary>The interval's upper end; null without an interval.</summary>
    public double? Upper => Mean + HalfWidth;

    /// <summary>
    /// Whether the interval lies wholly above or below zero: for a paired difference, the policy's
    /// effect is told apart from noise at the 95 % level. False without an interval.
    /// </summary>
    public bool ExcludesZero => HalfWidth is { } half && (Mean - half > 0 || Mean + half < 0);
}
