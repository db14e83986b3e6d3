using IronicCore.Api.Hosting;

namespace IronicCore.Api.Tests.Reads;

/// <summary>
/// The published value indexes (one set of slots per value of a field): from any slot, either
/// way, a value's next slot is the one a scan of every slot finds, across sets that grow from a
/// sorted array into a bitmap and back; and each version keeps its answers while the next changes.
/// </summary>
public sealed class ValueIndexTests
{
    [TestCase(300, 3)]
    [TestCase(9000, 4)]
    [TestCase(20000, 40)]
    public void Next_FindsWhatAScanFinds_BothWays(int slots, int values)
    {
        var random = new Random(slots + values);
        var value = new string?[slots];
        var index = ValueIndex.Empty;
        for (var round = 0; round < 6; round++)
        {
            // Rounds alternate between many changes (sets grow into bitmaps) and few (they shrink back).
            var changeOneIn = round % 2 == 0 ? 2 : 50;
            var moves = new List<(string? Before, string? After, int Slot)>();
            for (var slot = 0; slot < slots; slot++)
            {
                if (random.Next(changeOneIn) != 0)
                {
                    continue;
                }

                var after = round == 5 ? (random.Next(40) == 0 ? "v0" : null) : random.Next(values + 1) is var v && v == values ? null : $"v{v}";
                if (after != value[slot])
                {
                    moves.Add((value[slot], after, slot));
                    value[slot] = after;
                }
            }

            var before = index;
            index = index.With(moves);
            for (var v = 0; v <= values; v++)
            {
                var wanted = $"v{v}";
                Assert.That(index.Of(wanted).Count, Is.EqualTo(value.Count(x => x == wanted)), $"{wanted} round {round}");
                foreach (var step in new[] { 1, -1 })
                {
                    for (var from = 0; from < slots + 10; from += 1 + random.Next(97))
                    {
                        Assert.That(index.Of(wanted).Next(from, step), Is.EqualTo(Scan(value, wanted, from, step)), $"{wanted} from {from} step {step} round {round}");
                    }
                }
            }

            Assert.That(before.Of("never").Count, Is.Zero);
        }
    }

    [Test]
    public void AVersion_KeepsItsAnswers_WhileTheNextChanges()
    {
        var first = ValueIndex.Empty.With([.. Enumerable.Range(0, 5000).Select(s => ((string?)null, (string?)"a", s))]);

        var second = first.With([("a", "b", 300), ("a", null, 4999)]);

        Assert.That(first.Of("a").Next(300, 1), Is.EqualTo(300));
        Assert.That(first.Of("a").Count, Is.EqualTo(5000));
        Assert.That(second.Of("a").Next(300, 1), Is.EqualTo(301));
        Assert.That(second.Of("a").Next(5100, -1), Is.EqualTo(4998));
        Assert.That(second.Of("b").Next(0, 1), Is.EqualTo(300));
    }

    [Test]
    public void AUnion_WalksTheSlotsOfAnyOfItsSets()
    {
        var index = ValueIndex.Empty.With([(null, "a", 3), (null, "b", 5), (null, "a", 9), (null, "c", 7)]);
        var union = new SlotUnion([index.Of("a"), index.Of("b")]);

        Assert.That(union.Next(0, 1), Is.EqualTo(3));
        Assert.That(union.Next(4, 1), Is.EqualTo(5));
        Assert.That(union.Next(6, 1), Is.EqualTo(9));
        Assert.That(union.Next(8, -1), Is.EqualTo(5));
        Assert.That(union.Next(10, 1), Is.EqualTo(-1));
        Assert.That(union.Count, Is.EqualTo(3));
    }

    private static int Scan(string?[] values, string wanted, int from, int step)
    {
        for (var slot = step > 0 ? from : Math.Min(from, values.Length - 1); slot >= 0 && slot < values.Length; slot += step)
        {
            if (values[slot] == wanted)
            {
                return slot;
            }
        }

        return -1;
    }
}
