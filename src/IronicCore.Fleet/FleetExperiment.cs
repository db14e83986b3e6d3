using System.Collections.Immutable;
using System.Diagnostics;

namespace IronicCore.Fleet;

/// <summary>
/// A scenario run once per policy in each of several replications: replication i gives every
/// policy the same seed (<see cref="ReplicationSeed"/>), so all of them meet the same arrivals,
/// leases, hardware faults and conductor deaths (common random numbers), and replications
/// differ only in their seeds. <see cref="Run"/> spreads the policy × replication runs over
/// <see cref="MaxDegreeOfParallelism"/> threads; the result does not depend on how many.
/// </summary>
/// <remarks>
/// Each run gets a fresh policy from its factory and shares nothing with the others. Not
/// thread-safe otherwise.
/// </remarks>
public sealed class FleetExperiment
{
    // SplitMix64's increment (the golden ratio in 64 bits): consecutive replications' inputs to
    // the mixer are spread over the whole 64-bit range.
    private const ulong Gamma = 0x9E37_79B9_7F4A_7C15;

    private readonly ImmutableArray<Func<IFleetPolicy>> factories;

    /// <summary>Sets up <paramref name="replications"/> replications of <paramref name="scenario"/> under each policy.</summary>
    /// <param name="scenario">The data centre; its <see cref="FleetScenario.Seed"/> is the first replication's seed.</param>
    /// <param name="policies">What makes a fresh instance of each policy to compare (called once here to read the names, then once per run).</param>
    /// <param name="replications">How many replications; one or more.</param>
    /// <exception cref="ArgumentException">No policy, two with one name, or a scenario with problems.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="replications"/> is below one.</exception>
    public FleetExperiment(FleetScenario scenario, IEnumerable<Func<IFleetPolicy>> policies, int replications)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentOutOfRangeException.ThrowIfLessThan(replications, 1);
        factories = [.. policies];
        var names = factories.Select(make => make().Name).ToImmutableArray();
        if (names.IsEmpty || names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            throw new ArgumentException("An experiment needs one policy or more, with distinct names.", nameof(policies));
        }

        if (scenario.Problems() is { Length: > 0 } problems)
        {
            throw new ArgumentException($"The fleet scenario cannot run: {string.Join("; ", problems)}.", nameof(scenario));
        }

        Scenario = scenario;
        Policies = names;
        Seeds = [.. Enumerable.Range(0, replications).Select(i => ReplicationSeed(scenario.Seed, i))];
    }

    /// <summary>The scenario; each replication plays it with its own seed.</summary>
    public FleetScenario Scenario { get; }

    /// <summary>The policies' names, in the order given.</summary>
    public ImmutableArray<string> Policies { get; }

    /// <summary>Each replication's seed (<see cref="ReplicationSeed"/>), the first being the scenario's.</summary>
    public ImmutableArray<ulong> Seeds { get; }

    /// <summary>How many runs go at once. Default <see cref="Environment.ProcessorCount"/>; the results are the same for any value.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// The seed of replication <paramref name="replication"/> (from 0): the scenario's own seed for
    /// replication 0, so one replication is the run <c>--seed</c> always gave; for the others,
    /// SplitMix64's output function applied to <c>seed + replication × 0x9E3779B97F4A7C15</c>
    /// (mod 2^64). Any replication can be rerun alone with <c>--seed</c> set to its seed.
    /// </summary>
    /// <param name="seed">The experiment's seed.</param>
    /// <param name="replication">The replication's index; zero or more.</param>
    /// <returns>The replication's seed.</returns>
    public static ulong ReplicationSeed(ulong seed, int replication)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replication);
        if (replication == 0)
        {
            return seed;
        }

        var z = unchecked(seed + ((ulong)replication * Gamma));
        z = unchecked((z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9);
        z = unchecked((z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB);
        return z ^ (z >> 31);
    }

    /// <summary>
    /// Runs every policy in every replication to the scenario's end, at most
    /// <see cref="MaxDegreeOfParallelism"/> at once, and collects the results.
    /// </summary>
    /// <param name="observer">Told of each run's start and progress, from the runs' threads; null for none.</param>
    /// <returns>The results, one per policy and replication.</returns>
    public FleetExperimentResult Run(IFleetExperimentObserver? observer = null)
    {
        var runs = new FleetExperimentRun[Policies.Length * Seeds.Length];
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism };

        // Replication-major, so the first replication's policies finish first and a run's memory
        // is let go as soon as its result is read.
        Parallel.For(0, runs.Length, options, item =>
        {
            var (replication, policy) = Math.DivRem(item, Policies.Length);
            var scenario = Scenario with { Seed = Seeds[replication] };
            var simulation = new FleetSimulation(scenario, Made(policy));
            observer?.Started(policy, replication, simulation);
            var watch = Stopwatch.StartNew();
            for (var until = simulation.Clock.GetUtcNow(); until < simulation.End;)
            {
                until = until.AddHours(6) < simulation.End ? until.AddHours(6) : simulation.End;
                simulation.RunUntil(until);
                observer?.Advanced(policy, replication, simulation.Progress);
            }

            runs[(policy * Seeds.Length) + replication] = new FleetExperimentRun(policy, replication, Seeds[replication], simulation.Result(), watch.Elapsed);
        });

        return new FleetExperimentResult(Scenario, Policies, Seeds, [.. runs]);
    }

    private IFleetPolicy Made(int policy)
    {
        var made = factories[policy]();
        return made.Name == Policies[policy]
            ? made
            : throw new InvalidOperationException($"The factory of policy {Policies[policy]} made one named {made.Name}.");
    }
}
