namespace IronicCore.Fleet.Tests;

/// <summary>The statistics over replications: Student t intervals and paired differences (docs/fleet.md, "Replications").</summary>
[TestFixture]
public sealed class FleetStatisticsTests
{
    // Student's t quantiles as printed in the usual tables (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
    [TestCase(0.975, 1, 12.706)]
    [TestCase(0.975, 2, 4.303)]
    [TestCase(0.975, 4, 2.776)]
    [TestCase(0.975, 9, 2.262)]
    [TestCase(0.975, 29, 2.045)]
    [TestCase(0.975, 100, 1.984)]
    [TestCase(0.95, 10, 1.812)]
    [TestCase(0.995, 5, 4.032)]
    [TestCase(0.90, 3, 1.638)]
    public void StudentTQuantile_IsThePublishedTablesValue(double probability, int degreesOfFreedom, double table)
    {
        Assert.That(FleetStatistics.StudentTQuantile(probability, degreesOfFreedom), Is.EqualTo(table).Within(0.0005));
    }

    [Test]
    public void StudentTQuantile_WithManyDegreesOfFreedom_IsTheNormalsQuantile()
    {
        Assert.That(FleetStatistics.StudentTQuantile(0.975, 100_000), Is.EqualTo(1.95996).Within(0.0001));
    }

    [Test]
    public void Estimate_IsTheMeanPlusMinusTTimesTheStandardError()
    {
        var estimate = FleetStatistics.Estimate([1, 2, 3, 4, 5]);

        Assert.Multiple(() =>
        {
            Assert.That(estimate.Count, Is.EqualTo(5));
            Assert.That(estimate.Mean, Is.EqualTo(3));
            Assert.That(estimate.StandardDeviation, Is.EqualTo(Math.Sqrt(2.5)).Within(1e-12));
            Assert.That(estimate.HalfWidth, Is.EqualTo(2.7764451 * Math.Sqrt(2.5) / Math.Sqrt(5)).Within(1e-6));
            Assert.That((estimate.Min, estimate.Max), Is.EqualTo((1.0, 5.0)));
            Assert.That(estimate.ExcludesZero, Is.True);
        });
    }

    [Test]
    public void Estimate_OfOneValue_HasNoInterval()
    {
        var estimate = FleetStatistics.Estimate([7]);

        Assert.Multiple(() =>
        {
            Assert.That(estimate.Mean, Is.EqualTo(7));
            Assert.That(estimate.HalfWidth, Is.Null);
            Assert.That(estimate.Lower, Is.Null);
            Assert.That(estimate.ExcludesZero, Is.False, "no interval, so nothing is excluded");
        });
    }

    [Test]
    public void PairedDifference_OfAValueWithItself_IsExactlyZero_WithAZeroWidthInterval()
    {
        double[] values = [2_044.1, 1_998.7, 2_030.2];

        var difference = FleetStatistics.PairedDifference(values, values);

        Assert.Multiple(() =>
        {
            Assert.That(difference.Mean, Is.Zero);
            Assert.That(difference.HalfWidth, Is.Zero);
            Assert.That(difference.ExcludesZero, Is.False);
        });
    }

    [Test]
    public void PairedDifference_RemovesWhatThePairsShare()
    {
        // Large swings shared by both (the fleet's luck), a constant effect of 1.5 with small noise.
        double[] baseline = [1_000, 1_300, 900, 1_150, 1_050];
        double[] policy = [1_001.4, 1_301.6, 901.5, 1_151.3, 1_051.7];

        var unpaired = FleetStatistics.Estimate(policy).HalfWidth!.Value + FleetStatistics.Estimate(baseline).HalfWidth!.Value;
        var paired = FleetStatistics.PairedDifference(policy, baseline);

        Assert.Multiple(() =>
        {
            Assert.That(paired.Mean, Is.EqualTo(1.5).Within(1e-9));
            Assert.That(paired.ExcludesZero, Is.True);
            Assert.That(paired.HalfWidth, Is.LessThan(unpaired / 100));
        });
    }

    [Test]
    public void IntervalWidth_OnASyntheticMetric_ShrinksAsOneOverSqrtN()
    {
        // A normal metric with standard deviation 10: the half-width tends to 1.96 · 10 / √N.
        const double sigma = 10;
        var random = new Simulation.SeededRandom(2024);
        double Draw() => 500 + (sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

        var widths = new[] { 400, 1_600, 6_400, 25_600 }.ToDictionary(n => n, n => FleetStatistics.Estimate([.. Enumerable.Range(0, n).Select(_ => Draw())]).HalfWidth!.Value);

        Assert.Multiple(() =>
        {
            foreach (var (n, width) in widths)
            {
                Assert.That(width * Math.Sqrt(n) / sigma, Is.EqualTo(1.96).Within(0.1), $"N = {n}: half-width × √N / σ");
            }

            Assert.That(widths[400] / widths[1_600], Is.EqualTo(2).Within(0.15), "four times the replications, half the width");
            Assert.That(widths[6_400] / widths[25_600], Is.EqualTo(2).Within(0.08));
        });
    }

    [Test]
    public void Estimate_RefusesNoValuesAndValuesNotFinite()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => FleetStatistics.Estimate([]), Throws.ArgumentException);
            Assert.That(() => FleetStatistics.Estimate([1, double.NaN]), Throws.ArgumentException);
            Assert.That(() => FleetStatistics.PairedDifference([1, 2], [1]), Throws.ArgumentException);
        });
    }
}
