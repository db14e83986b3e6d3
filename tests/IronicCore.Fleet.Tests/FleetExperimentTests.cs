using IronicCore.Fleet.Policies;
using IronicCore.Maintenance;

namespace IronicCore.Fleet.Tests;

/// <summary>
/// Replications with common random numbers (issue 20): the same seed gives the same numbers
/// whatever the thread count, a policy compared with itself differs by exactly zero, and every
/// policy of a replication meets the same environment.
/// </summary>
[TestFixture]
public sealed class FleetExperimentTests
{
    private static readonly Func<IFleetPolicy>[] BuiltIn = [() => new HoldPolicy(), () => new ReparoPolicy(), () => new FailFastPolicy()];

    private static FleetScenario Small => FleetSnapshotTests.FaultyFleet(days: 2);

    [Test]
    public void SameSeed_GivesTheSameResults_WhateverTheThreadCount()
    {
        var one = new FleetExperiment(Small, BuiltIn, 3) { MaxDegreeOfParallelism = 1 }.Run();
        var four = new FleetExperiment(Small, BuiltIn, 3) { MaxDegreeOfParallelism = 4 }.Run();

        Assert.Multiple(() =>
        {
            Assert.That(four.Seeds, Is.EqualTo(one.Seeds));
            for (var i = 0; i < one.Runs.Length; i++)
            {
                var (a, b) = (one.Runs[i].Result, four.Runs[i].Result);
                Assert.That(FleetReport.SummaryCsv([b]), Is.EqualTo(FleetReport.SummaryCsv([a])), $"run {i}");
                Assert.That(FleetReport.SamplesCsv(b), Is.EqualTo(FleetReport.SamplesCsv(a)), $"run {i}'s samples");
                Assert.That(b.TimesToRepair, Is.EqualTo(a.TimesToRepair), $"run {i}'s times to repair");
            }
        });
    }

    [Test]
    public void APolicyComparedWithItself_DiffersByExactlyZero()
    {
        var result = new FleetExperiment(Small, [() => new HoldPolicy(), () => new Renamed(new HoldPolicy(), "hold-again")], 3).Run();

        Assert.Multiple(() =>
        {
            foreach (var metric in FleetMetric.All)
            {
                var difference = result.Difference("hold-again", "hold", metric);
                if (difference is { } d)
                {
                    Assert.That((d.Mean, d.HalfWidth, d.ExcludesZero), Is.EqualTo((0.0, (double?)0.0, false)), metric.Name);
                }
                else
                {
                    Assert.That(result.Estimate("hold", metric), Is.Null, $"{metric.Name}: no difference only where neither has a value");
                }
            }

            Assert.That(result.Estimate("hold", FleetMetric.AvailableMean)!.Value.HalfWidth, Is.GreaterThan(0), "the replications do differ");
        });
    }

    [Test]
    public void EveryPolicyOfAReplication_MeetsTheSameConductorDeaths_AndReplicationsDiffer()
    {
        var result = new FleetExperiment(Small, BuiltIn, 4).Run();

        Assert.Multiple(() =>
        {
            for (var replication = 0; replication < result.Replications; replication++)
            {
                var deaths = result.Policies.Select(policy => result.Results(policy)[replication].ConductorDeaths).Distinct();
                Assert.That(deaths.Count(), Is.EqualTo(1), $"replication {replication}");
            }

            Assert.That(result.Results("hold").Select(r => r.AvailableMean).Distinct().Count(), Is.EqualTo(4), "each replication its own sample path");
        });
    }

    [Test]
    public void FirstReplication_IsTheRunOfTheScenariosOwnSeed()
    {
        var result = new FleetExperiment(Small, BuiltIn, 2).Run();
        var alone = new FleetSimulation(Small, new ReparoPolicy()).Run();

        Assert.Multiple(() =>
        {
            Assert.That(result.Seeds[0], Is.EqualTo(Small.Seed));
            Assert.That(FleetReport.SamplesCsv(result.Results("reparo")[0]), Is.EqualTo(FleetReport.SamplesCsv(alone)));
        });
    }

    [Test]
    public void ReplicationSeed_IsSplitMix64OfTheSeedPlusGammaTimesTheReplication()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FleetExperiment.ReplicationSeed(42, 0), Is.EqualTo(42UL));

            // SplitMix64's first output from state 42 (Vigna's reference splitmix64.c, next() once).
            Assert.That(FleetExperiment.ReplicationSeed(42, 1), Is.EqualTo(SplitMix64First(42)));
            Assert.That(Enumerable.Range(0, 1000).Select(i => FleetExperiment.ReplicationSeed(42, i)).Distinct().Count(), Is.EqualTo(1000));
        });
    }

    [Test]
    public void Band_GivesEachSamplesMeanAndRangeOverReplications()
    {
        var result = new FleetExperiment(Small, [() => new HoldPolicy()], 3).Run();

        var band = result.Band("hold", s => s.Available);
        var runs = result.Results("hold");

        Assert.Multiple(() =>
        {
            Assert.That(band, Has.Length.EqualTo(runs[0].Samples.Length));
            var last = band[^1];
            Assert.That(last.Elapsed, Is.EqualTo(runs[0].Samples[^1].Elapsed));
            Assert.That(last.Estimate.Mean, Is.EqualTo(runs.Average(r => r.Samples[^1].Available)).Within(1e-9));
            Assert.That(last.Estimate.Max, Is.EqualTo(runs.Max(r => r.Samples[^1].Available)));
            Assert.That(last.Estimate.HalfWidth, Is.Not.Null);
        });
    }

    [Test]
    public void Experiment_RefusesNoReplicationAndTwoPoliciesOfOneName()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new FleetExperiment(Small, BuiltIn, 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new FleetExperiment(Small, [() => new HoldPolicy(), () => new HoldPolicy()], 2), Throws.ArgumentException);
        });
    }

    /// <summary>The reference SplitMix64: add the increment to the state, then mix.</summary>
    private static ulong SplitMix64First(ulong state)
    {
        var z = state + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Another name for a policy: the same decisions under another row.</summary>
    private sealed class Renamed(IFleetPolicy inner, string name) : IFleetPolicy
    {
        public string Name => name;

        public IMaintenancePolicy MaintenancePolicy => inner.MaintenancePolicy;

        public TimeSpan Interval => inner.Interval;

        public void Run(IFleetApi fleet) => inner.Run(fleet);
    }
}
