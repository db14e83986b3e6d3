using System.Text.RegularExpressions;
using IronicCore.Simulation;

namespace IronicCore.Tests.Simulation;

[TestFixture]
public sealed partial class SeededRandomTests
{
    [Test]
    public void Seed42_GivesXoshiro256StarStarSeededBySplitMix64()
    {
        // From the reference C algorithms (xoshiro256starstar.c, splitmix64.c), computed independently.
        var random = new SeededRandom(42);

        Assert.Multiple(() =>
        {
            Assert.That(random.GetState(), Is.EqualTo(new SeededRandomState(
                0xBDD732262FEB6E95, 0x28EFE333B266F103, 0x47526757130F9F52, 0x581CE1FF0E4AE394)));
            Assert.That(
                new[] { random.NextUInt64(), random.NextUInt64(), random.NextUInt64(), random.NextUInt64() },
                Is.EqualTo(new[] { 1546998764402558742UL, 6990951692964543102UL, 12544586762248559009UL, 17057574109182124193UL }));
        });
    }

    [Test]
    public void State1234_GivesXoshiro256StarStarsPublishedFirstOutputs()
    {
        var random = new SeededRandom(new SeededRandomState(1, 2, 3, 4));

        Assert.That(
            new[] { random.NextUInt64(), random.NextUInt64(), random.NextUInt64() },
            Is.EqualTo(new[] { 11520UL, 0UL, 1509978240UL }));
    }

    [Test]
    public void Seed42_Helpers_GiveFixedValues()
    {
        Assert.Multiple(() =>
        {
            var doubles = new SeededRandom(42);
            Assert.That(doubles.NextDouble(), Is.EqualTo(0.08386297105988216));
            Assert.That(doubles.NextDouble(), Is.EqualTo(0.3789802506626686));

            var dice = new SeededRandom(42);
            Assert.That(Enumerable.Range(0, 8).Select(_ => dice.Next(6)), Is.EqualTo(new[] { 0, 2, 4, 5, 5, 4, 4, 5 }));

            // Exact bits, the same on every machine; the true values are within 1 ulp of them.
            var exponential = new SeededRandom(42);
            Assert.That(exponential.NextExponential(1.0), Is.EqualTo(2.4785711090585885));
            Assert.That(exponential.NextExponential(10.0), Is.EqualTo(9.702711843269112));

            Assert.That(new SeededRandom(42).NewUuid().ToString(), Is.EqualTo("15780b2e-0c2e-4716-a104-d9866d113a7e"));
        });
    }

    [Test]
    public void SameSeed_SameSequence_OtherSeed_OtherSequence()
    {
        static ulong[] Draw(ulong seed)
        {
            var random = new SeededRandom(seed);
            return [.. Enumerable.Range(0, 100).Select(_ => random.NextUInt64())];
        }

        var first = Draw(2026);
        var second = Draw(2026);

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(Draw(2027), Is.Not.EqualTo(first));
            Assert.That(Draw(0), Has.None.EqualTo(0UL));
        });
    }

    [Test]
    public void State_RoundTrip_ResumesTheExactSequence()
    {
        var original = new SeededRandom(99);
        for (var i = 0; i < 1000; i++)
        {
            original.NextUInt64();
        }

        var state = original.GetState();
        var resumed = new SeededRandom(state);

        Assert.Multiple(() =>
        {
            Assert.That(
                Enumerable.Range(0, 100).Select(_ => resumed.Next(1000)),
                Is.EqualTo(Enumerable.Range(0, 100).Select(_ => original.Next(1000))));
            Assert.That(resumed.GetState(), Is.EqualTo(original.GetState()));
            Assert.That(resumed.GetState(), Is.Not.EqualTo(state));
        });
    }

    [Test]
    public void State_AllZero_IsRefused() =>
        Assert.That(() => new SeededRandom(default(SeededRandomState)), Throws.ArgumentException);

    [Test]
    public void Next_StaysWithinBounds_AndCoversThem()
    {
        var random = new SeededRandom(5);
        var counts = new int[7];
        for (var i = 0; i < 70_000; i++)
        {
            counts[random.Next(7)]++;
        }

        Assert.Multiple(() =>
        {
            Assert.That(counts, Is.All.InRange(9_600, 10_400));
            Assert.That(Enumerable.Range(0, 1000).Select(_ => random.Next(1)), Is.All.Zero);
            Assert.That(Enumerable.Range(0, 1000).Select(_ => random.Next(int.MaxValue)), Is.All.InRange(0, int.MaxValue - 1));
            Assert.That(() => random.Next(0), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => random.Next(-1), Throws.TypeOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void Next_WithALargeBound_IsUnbiased()
    {
        // With 2^31 - 1 as bound, a modulo reduction of 32 bits would land in the lower half two
        // times in three; rejection keeps it to one time in two.
        var random = new SeededRandom(11);
        var lowerHalf = Enumerable.Range(0, 100_000).Count(_ => random.Next(int.MaxValue) < int.MaxValue / 2);

        Assert.That(lowerHalf, Is.InRange(49_000, 51_000));
    }

    [Test]
    public void NextDouble_IsInTheUnitInterval_WithMeanOneHalf()
    {
        var random = new SeededRandom(3);
        var values = Enumerable.Range(0, 100_000).Select(_ => random.NextDouble()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(values.Min(), Is.GreaterThanOrEqualTo(0.0));
            Assert.That(values.Max(), Is.LessThan(1.0));
            Assert.That(values.Average(), Is.EqualTo(0.5).Within(0.005));
        });
    }

    [Test]
    public void NextExponential_HasTheRequestedMean_AndRefusesABadOne()
    {
        var random = new SeededRandom(13);
        var values = Enumerable.Range(0, 100_000).Select(_ => random.NextExponential(1800)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(values.Min(), Is.GreaterThanOrEqualTo(0.0));
            Assert.That(values.Average(), Is.EqualTo(1800.0).Within(1).Percent);
            Assert.That(() => random.NextExponential(0), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => random.NextExponential(-1), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => random.NextExponential(double.PositiveInfinity), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => random.NextExponential(double.NaN), Throws.TypeOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void NewUuid_IsARfc4122Version4Uuid_AndDistinct()
    {
        var random = new SeededRandom(1);
        var uuids = Enumerable.Range(0, 10_000).Select(_ => random.NewUuid()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(uuids.Select(u => u.ToString()), Is.All.Matches(Rfc4122Version4()));
            Assert.That(uuids.Select(u => u.Version), Is.All.EqualTo(4));
            Assert.That(uuids, Is.Unique);
        });
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex Rfc4122Version4();
}
