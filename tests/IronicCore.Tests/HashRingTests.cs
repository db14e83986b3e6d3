using IronicCore.Simulation;

namespace IronicCore.Tests;

[TestFixture]
public sealed class HashRingTests
{
    private static readonly (int, string)[] ThreeHosts = [(0, "conductor-0"), (1, "conductor-1"), (2, "conductor-2")];

    // Owners worked out with tooz's algorithm (md5 of the host name fed repeatedly, bisect_right).
    [TestCase("00000000-0000-0000-0000-000000000000", 0)]
    [TestCase("00000000-0123-4567-890a-bcdef1234567", 1)]
    [TestCase("00000000-0369-d036-9b20-369cd369d035", 2)]
    [TestCase("1be26c0b-03f2-4d2e-ae87-c02d7f33c123", 1)]
    public void HostOf_PlacesANodeAsIronicsRingDoes(string uuid, int host)
    {
        var ring = new HashRing(ThreeHosts, partitionsPerHost: 32);

        Assert.That(ring.HostOf(uuid), Is.EqualTo(host));
    }

    [Test]
    public void HostOf_SpreadsTenThousandNodesOverFiveConductors_EachWithinAThirdOfItsShare()
    {
        var ring = new HashRing(Enumerable.Range(0, 5).Select(i => (i, $"conductor-{i}")), partitionsPerHost: 32);
        var random = new SeededRandom(7);

        var counts = new int[5];
        for (var i = 0; i < 10_000; i++)
        {
            counts[ring.HostOf(random.NewUuid().ToString())]++;
        }

        Assert.That(counts, Has.All.InRange(2_000 * 2 / 3, 2_000 * 4 / 3));
    }

    [Test]
    public void RemovingAHost_MovesOnlyItsNodes()
    {
        var all = new HashRing(ThreeHosts, 32);
        var survivors = new HashRing(ThreeHosts.Where(h => h.Item1 != 1), 32);
        var random = new SeededRandom(11);

        var moved = Enumerable.Range(0, 3_000).Select(_ => random.NewUuid().ToString())
            .Where(uuid => all.HostOf(uuid) != survivors.HostOf(uuid))
            .Select(all.HostOf)
            .Distinct();

        Assert.That(moved, Is.EqualTo(new[] { 1 }));
    }

    [Test]
    public void HostOf_WithNoHost_Throws()
    {
        var ring = new HashRing([], 32);

        Assert.Throws<InvalidOperationException>(() => ring.HostOf("00000000-0000-0000-0000-000000000000"));
    }
}
