using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Fleet;

namespace IronicCore.Sweeps;

/// <summary>
/// The cells of a sweep merged: per point of the grid, policy and <see cref="FleetMetric"/>, the
/// mean over the point's replications with its 95 % confidence interval
/// (<see cref="FleetStatistics.Estimate(ReadOnlySpan{double})"/>, as <c>ironic-sim fleet</c>'s replications).
/// Made from the cells done so far; a point with fewer replications done has a wider interval.
/// Deterministic: the same cells give the same report, and the same text and CSV bytes.
/// </summary>
public sealed partial class SweepReport
{
    // [point][policy][metric]
    private readonly FleetEstimate?[][]?[] estimates;

    private SweepReport(SweepPlan plan, ImmutableArray<SweepCellResult> cells)
    {
        Plan = plan;
        Cells = cells;
        var done = new int[plan.PointCount];
        estimates = new FleetEstimate?[plan.PointCount][][];
        foreach (var group in cells.GroupBy(cell => cell.Index / plan.Replications))
        {
            var point = group.Key;
            done[point] = group.Count();
            estimates[point] = [.. plan.Policies.Select((_, policy) => FleetMetric.All.Select(metric => Estimate([.. group], policy, metric)).ToArray())];
        }

        Done = [.. done];
    }

    /// <summary>The plan.</summary>
    public SweepPlan Plan { get; }

    /// <summary>The results of the cells done, in the order of the cells.</summary>
    public ImmutableArray<SweepCellResult> Cells { get; }

    /// <summary>Per point, how many of its replications are done.</summary>
    public ImmutableArray<int> Done { get; }

    /// <summary>Reads every cell of <paramref name="sweep"/> that is done.</summary>
    /// <param name="sweep">The sweep directory.</param>
    /// <returns>The report.</returns>
    /// <exception cref="FormatException">A result file is not one of this plan's.</exception>
    /// <exception cref="IOException">A result file cannot be read.</exception>
    public static SweepReport Of(SweepDirectory sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var cells = ImmutableArray.CreateBuilder<SweepCellResult>();
        for (var cell = 0; cell < sweep.Plan.CellCount; cell++)
        {
            if (sweep.IsDone(cell))
            {
                var result = sweep.ReadCell(cell);
                cells.Add(result.Index == cell ? result : throw new FormatException($"{sweep.CellFile(cell)} holds cell {result.Index}"));
            }
        }

        return new SweepReport(sweep.Plan, cells.ToImmutable());
    }

    /// <summary>The report of <paramref name="cells"/>, results of <paramref name="plan"/>'s cells (each at most once).</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="cells">The results.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">A cell is out of the plan, or given twice.</exception>
    public static SweepReport Of(SweepPlan plan, IEnumerable<SweepCellResult> cells)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(cells);
        ImmutableArray<SweepCellResult> sorted = [.. cells.OrderBy(c => c.Index)];
        if (sorted.Any(c => c.Index < 0 || c.Index >= plan.CellCount) || sorted.Select(c => c.Index).Distinct().Count() != sorted.Length)
        {
            throw new ArgumentException("Each cell must be one of the plan's, given once.", nameof(cells));
        }

        return new SweepReport(plan, sorted);
    }

    /// <summary>The estimate of <paramref name="metric"/> under policy <paramref name="policy"/> at point <paramref name="point"/>.</summary>
    /// <param name="point">The point, from 0 to <see cref="SweepPlan.PointCount"/> − 1.</param>
    /// <param name="policy">The policy's index in the plan.</param>
    /// <param name="metric">The metric.</param>
    /// <returns>The mean over the point's replications done with its 95 % interval; null when none is done, or none has a value.</returns>
    public FleetEstimate? Estimate(int point, int policy, FleetMetric metric) =>
        estimates[point] is { } byPolicy ? byPolicy[policy][FleetMetric.All.IndexOf(metric)] : null;

    /// <summary>
    /// The paired difference <c>policy − baseline</c> of <paramref name="metric"/> at point
    /// <paramref name="point"/>: <see cref="FleetStatistics.PairedDifference"/> over the point's
    /// replications done where both have a value (in each, both policies met the same random numbers).
    /// </summary>
    /// <param name="point">The point.</param>
    /// <param name="policy">The policy's index.</param>
    /// <param name="baseline">The baseline policy's index.</param>
    /// <param name="metric">The metric.</param>
    /// <returns>The estimate of the mean difference; null without a pair.</returns>
    public FleetEstimate? Difference(int point, int policy, int baseline, FleetMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var pairs = Cells.Where(cell => cell.Index / Plan.Replications == point)
            .Select(cell => (Policy: cell.Value(policy, metric), Baseline: cell.Value(baseline, metric)))
            .Where(pair => pair is { Policy: not null, Baseline: not null })
            .ToList();
        return pairs.Count == 0 ? null : FleetStatistics.PairedDifference([.. pairs.Select(p => p.Policy!.Value)], [.. pairs.Select(p => p.Baseline!.Value)]);
    }

    /// <summary>
    /// Every slice along parameter <paramref name="parameter"/>: one per combination of the other
    /// parameters' values, in the order of the points.
    /// </summary>
    /// <param name="parameter">The parameter's index.</param>
    /// <returns>The slices.</returns>
    public ImmutableArray<SweepSlice> Slices(int parameter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(parameter);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(parameter, Plan.Parameters.Length);
        var stride = 1;
        for (var i = parameter + 1; i < Plan.Parameters.Length; i++)
        {
            stride *= Plan.Parameters[i].Values.Length;
        }

        var count = Plan.Parameters[parameter].Values.Length;
        return [.. Enumerable.Range(0, Plan.PointCount)
            .Where(point => point / stride % count == 0)
            .Select(first => new SweepSlice(parameter, [.. Enumerable.Range(0, count).Select(v => first + (v * stride))]))];
    }

    /// <summary>A parameter's value as the tables show it: a string without its quotes, anything else as JSON.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static FleetEstimate? Estimate(SweepCellResult[] replications, int policy, FleetMetric metric)
    {
        var values = replications.Select(cell => cell.Value(policy, metric)).OfType<double>().ToArray();
        return values.Length == 0 ? null : FleetStatistics.Estimate(values);
    }
}
