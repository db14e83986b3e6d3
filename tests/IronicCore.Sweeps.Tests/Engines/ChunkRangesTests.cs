using IronicCore.Sweeps.Engines;

namespace IronicCore.Sweeps.Tests.Engines;

public sealed class ChunkRangesTests
{
    [TestCase(new[] { 0 }, null, "0")]
    [TestCase(new[] { 0, 1, 2, 3 }, null, "0-3")]
    [TestCase(new[] { 5, 1, 2, 9 }, null, "1-2,5,9")]
    [TestCase(new[] { 0, 1, 2, 3 }, 2, "0-3%2")]
    public void ArraySpec_IsRunsOfConsecutiveChunks(int[] chunks, int? maxRunning, string expected) =>
        Assert.That(ChunkRanges.ToArraySpec(chunks, maxRunning), Is.EqualTo(expected));

    [Test]
    public void NoChunk_IsNoArray() =>
        Assert.That(() => ChunkRanges.ToArraySpec([]), Throws.ArgumentException);
}
