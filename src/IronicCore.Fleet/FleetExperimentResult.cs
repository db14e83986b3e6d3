using System.Collections.Immutable;

namespace IronicCore.Fleet;

/// <summary>
/// What a <see cref="FleetExperiment"/> found: every run's result by policy and replication, and
/// the statistics over replications a report shows: each metric's mean with its 95 % interval
/// (<see cref="Estimate"/>), each policy's paired difference to a baseline
/// (<see cref="Difference"/>), and time series with their band (<see cref="Band"/>).
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class FleetExperimentResult
{
    /// <summary>Gathers runs into a result; every policy must have run in every replication.</summary>
    /// <param name="scenario">The scenario (with the first replication's seed).</param>
    /// <param name="policies">The policies' names, in the order of the tables.</param>
    /// <param name="seeds">Each replication's seed.</param>
    /// <param name="runs">One run per policy and replication, in any order.</param>
    /// <exception cref="ArgumentException">A run missing, repeated, out of range, or whose result names another policy.</exception>
    public FleetExperimentResult(FleetScenario scenario, IEnumerable<string> policies, IEnumerable<ulong> seeds, IEnumerable<FleetExperimentRun> runs)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(runs);
        Scenario = scenario;
        Policies = [.. policies];
        Seeds = [.. seeds];
        if (Policies.IsEmpty || Seeds.IsEmpty)
        {
            throw new ArgumentException("A result needs one policy and one replication or more.", nameof(policies));
        }

        var grid = new FleetExperimentRun?[Policies.Length * Seeds.Length];
        foreach (var run in runs)
        {
            ArgumentNullException.ThrowIfNull(run, nameof(runs));
            if (run.Policy < 0 || run.Policy >= Policies.Length || run.Replication < 0 || run.Replication >= Seeds.Length
                || run.Result.Policy != Policies[run.Policy] || grid[Slot(run.Policy, run.Replication)] is not null)
            {
                throw new ArgumentException($"Run of {run.Result.Policy} in replication {run.Replication} is out of place or repeated.", nameof(runs));
            }

            grid[Slot(run.Policy, run.Replication)] = run;
        }

        Runs = [.. grid.Select(run => run ?? throw new ArgumentException("Every policy must have run in every replication.", nameof(runs)))];
    }

    /// <summary>The scenario the runs played, with the first replication's seed.</summary>
    public FleetScenario Scenario { get; }

    /// <summary>The policies' names, in the order of the tables.</summary>
    public ImmutableArray<string> Policies { get; }

    /// <summary>Each replication's seed.</summary>
    public ImmutableArray<ulong> Seeds { get; }

    /// <summary>How many replications.</summary>
    public int Replications => Seeds.Length;

    /// <summary>Every run: the first policy's replications in order, then the second's, and so on.</summary>
    public ImmutableArray<FleetExperimentRun> Runs { get; }

    /// <summary>The policy's result in each replication, in order.</summary>
    /// <param name="policy">The policy's name.</param>
    /// <returns>One result per replication.</returns>
    /// <exception cref="ArgumentException">No such policy.</exception>
    public ImmutableArray<FleetResult> Results(string policy)
    {
        var start = Slot(IndexOf(policy), 0);
        return [.. Runs.Skip(start).Take(Replications).Select(run => run.Result)];
    }

    /// <summary>
    /// The metric's mean over replications with its 95 % interval (Student t; no interval with
    /// one value). A replication where the run has no value (a time to repair without repairs)
    /// is left out.
    /// </summary>
    /// <param name="policy">The policy's name.</param>
    /// <param name="metric">The metric.</param>
    /// <returns>The estimate, or null when no replication has a value.</returns>
    /// <exception cref="ArgumentException">No such policy.</exception>
    public FleetEstimate? Estimate(string policy, FleetMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var values = Results(policy).Select(metric.ValueOf).OfType<double>().ToArray();
        return values.Length == 0 ? null : FleetStatistics.Estimate(values);
    }

    /// <summary>
    /// The paired difference <c>policy − baseline</c> of the metric over the replications where
    /// both have a value, with its 95 % interval (paired t). Zero, exactly, for two policies that
    /// act alike, since they ran on the same random numbers.
    /// </summary>
    /// <param name="policy">The policy's name.</param>
    /// <param name="baseline">The baseline policy's name.</param>
    /// <param name="metric">The metric.</param>
    /// <returns>The estimate of the difference, or null when no replication has both values.</returns>
    /// <exception cref="ArgumentException">No such policy.</exception>
    public FleetEstimate? Difference(string policy, string baseline, FleetMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var pairs = Results(policy).Zip(Results(baseline), (p, b) => (P: metric.ValueOf(p), B: metric.ValueOf(b)))
            .Where(pair => pair.P is not null && pair.B is not null)
            .ToArray();
        return pairs.Length == 0
            ? null
            : FleetStatistics.PairedDifference([.. pairs.Select(pair => pair.P!.Value)], [.. pairs.Select(pair => pair.B!.Value)]);
    }

    /// <summary>
    /// A time series over replications: at each sample, the mean, range and 95 % interval of
    /// <paramref name="value"/> across the policy's replications (which share their sample times).
    /// </summary>
    /// <param name="policy">The policy's name.</param>
    /// <param name="value">What to read from each sample (e.g. <c>s =&gt; s.Available</c>).</param>
    /// <returns>One point per sample, in time order; as many as the shortest replication has.</returns>
    /// <exception cref="ArgumentException">No such policy.</exception>
    public ImmutableArray<FleetBandPoint> Band(string policy, Func<FleetSample, double> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var results = Results(policy);
        var length = results.Min(result => result.Samples.Length);
        var points = ImmutableArray.CreateBuilder<FleetBandPoint>(length);
        var values = new double[results.Length];
        var quantile = values.Length > 1 ? FleetStatistics.IntervalQuantile(values.Length) : 0;
        for (var sample = 0; sample < length; sample++)
        {
            for (var replication = 0; replication < values.Length; replication++)
            {
                values[replication] = value(results[replication].Samples[sample]);
            }

            points.Add(new FleetBandPoint(results[0].Samples[sample].Elapsed, FleetStatistics.Estimate(values, quantile)));
        }

        return points.MoveToImmutable();
    }

    /// <summary>The policy's index in <see cref="Policies"/>.</summary>
    /// <param name="policy">The policy's name.</param>
    /// <returns>The index.</returns>
    /// <exception cref="ArgumentException">No such policy.</exception>
    public int IndexOf(string policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var index = Policies.IndexOf(policy);
        return index >= 0 ? index : throw new ArgumentException($"No policy {policy} in this experiment ({string.Join(", ", Policies)}).", nameof(policy));
    }

    private int Slot(int policy, int replication) => (policy * Seeds.Length) + replication;
}
