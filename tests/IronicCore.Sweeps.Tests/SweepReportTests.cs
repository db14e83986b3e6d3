using IronicCore.Fleet;

namespace IronicCore.Sweeps.Tests;

/// <summary>The merge of a sweep's cells: the per-cell numbers, FleetStatistics' intervals, the same bytes from the same cells.</summary>
[TestFixture]
public sealed class SweepReportTests
{
    private static readonly SweepPlan Plan = SweepPlans.Parse(SweepPlans.Grid);

    private string work = string.Empty;
    private SweepDirectory sweep = null!;

    [OneTimeSetUp]
    public void RunTheGrid()
    {
        work = SweepPlans.TemporaryDirectory();
        sweep = SweepDirectory.Create(Path.Combine(work, "sweep"), Plan);
        sweep.Run(Enumerable.Range(0, Plan.CellCount), threads: 2);
    }

    [OneTimeTearDown]
    public void RemoveWork() => Directory.Delete(work, recursive: true);

    [Test]
    public void Report_Merge_HoldsEveryCellsNumbers()
    {
        var report = SweepReport.Of(sweep);

        Assert.Multiple(() =>
        {
            Assert.That(report.Cells.Select(c => c.Index), Is.EqualTo(Enumerable.Range(0, Plan.CellCount)));
            foreach (var cell in report.Cells)
            {
                var alone = SweepCellResult.Parse(Plan, File.ReadAllBytes(sweep.CellFile(cell.Index)));
                foreach (var metric in FleetMetric.All)
                {
                    Assert.That(cell.Value(1, metric), Is.EqualTo(alone.Value(1, metric)), $"cell {cell.Index} {metric}");
                }
            }
        });
    }

    [Test]
    public void Report_Estimates_AreFleetStatisticsOverThePointsReplications()
    {
        var report = SweepReport.Of(sweep);

        Assert.Multiple(() =>
        {
            for (var point = 0; point < Plan.PointCount; point++)
            {
                for (var policy = 0; policy < Plan.Policies.Length; policy++)
                {
                    foreach (var metric in new[] { FleetMetric.AvailableMean, FleetMetric.Transitions, FleetMetric.Events })
                    {
                        double[] values = [.. Enumerable.Range(0, Plan.Replications).Select(r => sweep.ReadCell((point * Plan.Replications) + r).Value(policy, metric)!.Value)];

                        Assert.That(report.Estimate(point, policy, metric), Is.EqualTo(FleetStatistics.Estimate(values)), $"point {point} {Plan.Policies[policy]} {metric}");
                    }
                }
            }

            Assert.That(report.Done, Is.EqualTo(new[] { 2, 2, 2, 2 }));
        });
    }

    [Test]
    public void Report_Differences_AreFleetStatisticsPairedDifferences_OverThePointsReplications()
    {
        var report = SweepReport.Of(sweep);

        Assert.Multiple(() =>
        {
            for (var point = 0; point < Plan.PointCount; point++)
            {
                foreach (var metric in new[] { FleetMetric.AvailableMean, FleetMetric.Transitions, FleetMetric.HumanTickets })
                {
                    double[] Values(int policy) => [.. Enumerable.Range(0, Plan.Replications).Select(r => sweep.ReadCell((point * Plan.Replications) + r).Value(policy, metric)!.Value)];

                    Assert.That(report.Difference(point, 1, 0, metric), Is.EqualTo(FleetStatistics.PairedDifference(Values(1), Values(0))), $"point {point} {metric}");
                }
            }

            Assert.That(report.Markdown([FleetMetric.HumanTickets], "hold"), Does.Contain("human tickets, paired differences to hold (policy − hold in each replication; * marks an interval that excludes zero):\n\n| faults[3].rate_per_node_year | workload.utilization | n | fail-fast − hold |"));
            Assert.Throws<ArgumentException>(() => report.Markdown([FleetMetric.HumanTickets], "reparo"));
        });
    }

    [Test]
    public void Report_OfTheSameCells_IsTheSameText_WhateverOrderTheyComeIn()
    {
        var once = SweepReport.Of(sweep);
        var again = SweepReport.Of(Plan, once.Cells.Reverse());

        Assert.Multiple(() =>
        {
            Assert.That(again.Markdown(FleetMetric.All, "hold"), Is.EqualTo(once.Markdown(FleetMetric.All, "hold")));
            Assert.That(again.CellsCsv(), Is.EqualTo(once.CellsCsv()));
            Assert.That(again.EstimatesCsv(), Is.EqualTo(once.EstimatesCsv()));
        });
    }

    [Test]
    public void Report_OfSomeCells_CountsThePointsReplicationsDone()
    {
        var full = SweepReport.Of(sweep);

        var partial = SweepReport.Of(Plan, full.Cells.Where(c => c.Index != 1 && c.Index is < 6));

        Assert.Multiple(() =>
        {
            Assert.That(partial.Done, Is.EqualTo(new[] { 1, 2, 2, 0 }));
            Assert.That(partial.Estimate(0, 0, FleetMetric.AvailableMean)!.Value.HalfWidth, Is.Null, "one replication: no interval");
            Assert.That(partial.Estimate(3, 0, FleetMetric.AvailableMean), Is.Null, "no replication: no estimate");
            Assert.That(partial.Markdown([FleetMetric.AvailableMean]), Does.Contain("(5 of 8 cells done)"));
        });
    }

    [Test]
    public void CellsCsv_HasARowPerCellAndPolicy_WithTheParametersValues()
    {
        var lines = SweepReport.Of(sweep).CellsCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.StartWith("cell,replication,seed,faults[3].rate_per_node_year,workload.utilization,policy,available_mean,"));
            Assert.That(lines, Has.Length.EqualTo(1 + (Plan.CellCount * Plan.Policies.Length)));
            Assert.That(lines[^1], Does.StartWith($"7,1,{FleetExperiment.ReplicationSeed(7, 1)},6,0.8,fail-fast,"));
        });
    }

    [Test]
    public void Slices_HoldTheOtherParameters_AndRunAlongOne()
    {
        var report = SweepReport.Of(sweep);

        Assert.Multiple(() =>
        {
            Assert.That(report.Slices(0).Select(s => s.Points), Is.EqualTo(new[] { new[] { 0, 2 }, new[] { 1, 3 } }));
            Assert.That(report.Slices(1).Select(s => s.Points), Is.EqualTo(new[] { new[] { 0, 1 }, new[] { 2, 3 } }));
        });
    }
}
