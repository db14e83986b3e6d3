using IronicCore.Simulation;

namespace IronicCore.Tests.Simulation;

[TestFixture]
public sealed class DeterministicMathTests
{
    [Test]
    public void Log_AgreesWithTheRuntimesLog_WithinOneUlp()
    {
        var random = new SeededRandom(17);
        var inputs = new List<double> { 1.0, 0.5, 2.0, Math.E, Math.Sqrt(2), Math.Sqrt(0.5), 1.0 - Math.Pow(2, -53), Math.Pow(2, -53) };
        for (var i = 0; i < 100_000; i++)
        {
            inputs.Add(((random.NextUInt64() >> 11) + 1) * Math.Pow(2, -53));
            inputs.Add(Math.Exp((random.NextDouble() - 0.5) * 1400));
        }

        Assert.Multiple(() =>
        {
            foreach (var x in inputs)
            {
                Assert.That(DeterministicMath.Log(x), Is.EqualTo(Math.Log(x)).Within(1).Ulps, $"ln({x:R})");
            }
        });
    }

    [Test]
    public void Log_OfOne_IsPositiveZero() =>
        Assert.That(double.IsPositive(DeterministicMath.Log(1.0)) && DeterministicMath.Log(1.0) == 0, Is.True);
}
