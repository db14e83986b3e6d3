using MathNet.Numerics.Distributions;

namespace IronicCore.Fleet;

/// <summary>
/// The statistics of an experiment: the mean of independent replications with its confidence
/// interval by Student's t, and the paired difference of two policies under common random
/// numbers (docs/fleet.md, "Replications"). Deterministic: the same values, in the same order,
/// give the same bits.
/// </summary>
public static class FleetStatistics
{
    /// <summary>The confidence level of every interval: 95 %.</summary>
    public const double Confidence = 0.95;

    /// <summary>
    /// The mean of <paramref name="values"/> with the two-sided 95 % confidence interval
    /// <c>mean ± t(0.975, n − 1) · s / √n</c>, each value one replication's (independent, so the
    /// interval is exact for normal values and good for the sums and means a run produces).
    /// </summary>
    /// <param name="values">One value per replication, at least one, all finite.</param>
    /// <returns>The estimate; its <see cref="FleetEstimate.HalfWidth"/> is null for a single value.</returns>
    /// <exception cref="ArgumentException">No value, or one not finite.</exception>
    public static FleetEstimate Estimate(ReadOnlySpan<double> values) =>
        Estimate(values, values.Length > 1 ? IntervalQuantile(values.Length) : 0);

    /// <summary>The t quantile of a 95 % two-sided interval on <paramref name="count"/> values (two or more).</summary>
    internal static double IntervalQuantile(int count) => StudentTQuantile(0.5 + (Confidence / 2), count - 1);

    /// <summary><see cref="Estimate(ReadOnlySpan{double})"/> with its t quantile given (<see cref="IntervalQuantile"/>), for many estimates of one count.</summary>
    internal static FleetEstimate Estimate(ReadOnlySpan<double> values, double quantile)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("An estimate needs one value or more.", nameof(values));
        }

        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var value in values)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"Value {value} is not finite.", nameof(values));
            }

            sum += value;
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        var n = values.Length;
        var mean = sum / n;
        if (n == 1)
        {
            return new FleetEstimate(1, mean, 0, min, max, null);
        }

        // Two passes: the squares of deviations, not of values, so large means lose no precision.
        double squares = 0;
        foreach (var value in values)
        {
            squares += (value - mean) * (value - mean);
        }

        var deviation = Math.Sqrt(squares / (n - 1));
        return new FleetEstimate(n, mean, deviation, min, max, quantile * deviation / Math.Sqrt(n));
    }

    /// <summary>
    /// The paired difference <c>policy − baseline</c>: <see cref="Estimate(ReadOnlySpan{double})"/> over the
    /// per-replication differences <c>policy[i] − baseline[i]</c> (paired t). Replication i of
    /// both ran on the same random numbers, so the pairs share the fleet's luck and their
    /// difference varies far less than either value.
    /// </summary>
    /// <param name="policy">One value per replication.</param>
    /// <param name="baseline">The baseline's value in the same replications, in the same order.</param>
    /// <returns>The estimate of the mean difference.</returns>
    /// <exception cref="ArgumentException">The two differ in length, are empty, or hold a value not finite.</exception>
    public static FleetEstimate PairedDifference(ReadOnlySpan<double> policy, ReadOnlySpan<double> baseline)
    {
        if (policy.Length != baseline.Length)
        {
            throw new ArgumentException($"Pairs need as many values on each side ({policy.Length} and {baseline.Length}).", nameof(baseline));
        }

        var differences = new double[policy.Length];
        for (var i = 0; i < differences.Length; i++)
        {
            differences[i] = policy[i] - baseline[i];
        }

        return Estimate(differences);
    }

    /// <summary>
    /// The quantile of Student's t distribution: the value below which a t variable with
    /// <paramref name="degreesOfFreedom"/> falls with probability <paramref name="probability"/>
    /// (Math.NET Numerics' <c>StudentT.InvCDF</c>). t(0.975, 4) = 2.776.
    /// </summary>
    /// <param name="probability">Strictly between 0 and 1.</param>
    /// <param name="degreesOfFreedom">One or more.</param>
    /// <returns>The quantile.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument out of its range.</exception>
    public static double StudentTQuantile(double probability, int degreesOfFreedom)
    {
        if (!(probability is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability strictly between 0 and 1.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        return StudentT.InvCDF(0, 1, degreesOfFreedom, probability);
    }
}
