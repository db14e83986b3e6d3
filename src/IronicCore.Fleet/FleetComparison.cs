using System.Buffers;
using System.Collections.Immutable;
using IronicCore.Persistence;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Fleet;

/// <summary>
/// One scenario run once per policy, side by side (what <c>ironic-sim fleet</c> does): every
/// run meets the same tenants, faults and conductor deaths from the scenario's seed, so the
/// differences between results are the policies'. Save it part-way and resume it in another
/// process with <see cref="Save"/> and <see cref="Load"/>.
/// </summary>
/// <remarks>Runs share nothing; <see cref="Run"/> runs them on parallel threads. Not thread-safe otherwise.</remarks>
public sealed class FleetComparison
{
    /// <summary>Builds one run of <paramref name="scenario"/> per policy, at the scenario's start.</summary>
    /// <param name="scenario">The data centre.</param>
    /// <param name="policies">The policies to compare, each a fresh instance, with distinct names.</param>
    /// <exception cref="ArgumentException">No policy, two with one name, a scenario with problems, or a policy's interval not positive.</exception>
    public FleetComparison(FleetScenario scenario, IEnumerable<IFleetPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(policies);
        var chosen = policies.ToList();
        if (chosen.Count == 0 || chosen.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() != chosen.Count)
        {
            throw new ArgumentException("A comparison needs one policy or more, with distinct names.", nameof(policies));
        }

        Scenario = scenario;
        Runs = [.. chosen.Select(policy => new FleetSimulation(scenario, policy))];
    }

    private FleetComparison(ImmutableArray<FleetSimulation> runs, ImmutableArray<string> policyAssemblies)
    {
        Scenario = runs[0].Scenario;
        Runs = runs;
        PolicyAssemblies = policyAssemblies;
    }

    /// <summary>The scenario every run plays.</summary>
    public FleetScenario Scenario { get; }

    /// <summary>One run per policy, in the order the policies were given.</summary>
    public ImmutableArray<FleetSimulation> Runs { get; }

    /// <summary>
    /// Paths of the assemblies the policies come from (e.g. <c>--policy-assembly</c>), kept in
    /// the snapshot so that <see cref="Load"/> can have the policies made again. The comparison
    /// does not load them itself. Default empty.
    /// </summary>
    public ImmutableArray<string> PolicyAssemblies { get; init; } = [];

    /// <summary>Runs every run to its end, in parallel, and returns the results.</summary>
    /// <returns>One result per run, in the order of <see cref="Runs"/>.</returns>
    public ImmutableArray<FleetResult> Run()
    {
        var results = new FleetResult[Runs.Length];
        Parallel.For(0, Runs.Length, i => results[i] = Runs[i].Run());
        return [.. results];
    }

    /// <summary>
    /// Writes every run, with <see cref="PolicyAssemblies"/>, to <paramref name="stream"/>.
    /// Call it between advances of the runs' clocks.
    /// </summary>
    /// <param name="stream">Where to write; written at its current position.</param>
    /// <exception cref="SnapshotUnsupportedException">A policy does not implement <see cref="IPersistentFleetPolicy"/>. Nothing was written.</exception>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var body = new ArrayBufferWriter<byte>(1 << 16);
        var writer = new MessagePackWriter(body);
        writer.WriteArrayHeader(2);
        writer.WriteArrayHeader(PolicyAssemblies.Length);
        foreach (var assembly in PolicyAssemblies)
        {
            writer.Write(assembly);
        }

        writer.WriteArrayHeader(Runs.Length);
        foreach (var run in Runs)
        {
            run.Write(ref writer);
        }

        writer.Flush();
        SnapshotFile.Write(stream, SnapshotKind.FleetComparison, body.WrittenSpan);
    }

    /// <summary>Reads a comparison <see cref="Save"/> wrote: every run as it stood, each on a new clock.</summary>
    /// <param name="stream">The snapshot, from its first byte.</param>
    /// <param name="policies">
    /// Given the saved <see cref="PolicyAssemblies"/>, returns what makes a fresh instance of a
    /// policy by its name (code is not saved); each run's policy state is then loaded from the snapshot.
    /// </param>
    /// <returns>The comparison; continue its runs with <see cref="Run"/> or each run's <see cref="FleetSimulation.RunUntil"/>.</returns>
    /// <exception cref="PersistenceFormatException">Not a comparison's snapshot, a newer format, truncated or corrupted.</exception>
    /// <exception cref="ArgumentException">A policy made is not the one saved.</exception>
    public static FleetComparison Load(Stream stream, Func<ImmutableArray<string>, Func<string, IFleetPolicy>> policies)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(policies);
        return SnapshotFile.Read(stream, SnapshotKind.FleetComparison, (ref MessagePackReader reader, int format) =>
        {
            Expect(ref reader, 2, "a fleet comparison");
            var assemblies = ImmutableArray.CreateBuilder<string>();
            for (var count = reader.ReadArrayHeader(); count > 0; count--)
            {
                assemblies.Add(ReadText(ref reader, "a policy assembly"));
            }

            var make = policies(assemblies.ToImmutable());
            var runs = ImmutableArray.CreateBuilder<FleetSimulation>();
            for (var count = reader.ReadArrayHeader(); count > 0; count--)
            {
                runs.Add(FleetSimulation.Read(ref reader, make, format));
            }

            return runs.Count == 0
                ? throw new MessagePackSerializationException("a fleet comparison has no run")
                : new FleetComparison(runs.ToImmutable(), assemblies.ToImmutable());
        });
    }
}
