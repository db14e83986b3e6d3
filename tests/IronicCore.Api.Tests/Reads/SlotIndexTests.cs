using IronicCore.Api.Hosting;

namespace IronicCore.Api.Tests.Reads;

/// <summary>
/// The published lookups from UUID and name to slot: each version answers as of its own moment,
/// a key leaves only the slot that holds it, and folding the recent changes into a new table
/// changes no answer.
/// </summary>
public sealed class SlotIndexTests
{
    [Test]
    public void EachVersion_AnswersAsOfItsOwnMoment()
    {
        var first = SlotIndex.Empty(StringComparer.Ordinal).With([(null, "a", 0), (null, "b", 1)]);
        var second = first.With([("a", null, 0)]);

        Assert.That(first.TryGetSlot("a", out var slot) ? slot : -1, Is.EqualTo(0));
        Assert.That(second.TryGetSlot("a", out _), Is.False);
        Assert.That(second.TryGetSlot("b", out slot) ? slot : -1, Is.EqualTo(1));
    }

    // A name handed from one node to another in one batch, and a UUID created again after its node's deletion.
    [Test]
    public void AKeyTakenByAnotherSlot_IsNotRemovedByItsFormerSlot()
    {
        var index = SlotIndex.Empty(StringComparer.Ordinal).With([(null, "n", 3)]);

        var swapped = index.With([(null, "n", 2), ("n", "m", 3)]);

        Assert.That(swapped.TryGetSlot("n", out var slot) ? slot : -1, Is.EqualTo(2));
        Assert.That(swapped.TryGetSlot("m", out slot) ? slot : -1, Is.EqualTo(3));
    }

    [Test]
    public void UuidsCompareWithoutCase_AsTheConductorsLookupDoes()
    {
        var index = SlotIndex.Empty(StringComparer.OrdinalIgnoreCase).With([(null, "1be26c0b-03f2-4d2e-ae87-c02d7f33c123", 0)]);

        Assert.That(index.TryGetSlot("1BE26C0B-03F2-4D2E-AE87-C02D7F33C123", out _), Is.True);
    }

    [Test]
    public void FoldingManyChanges_KeepsEveryAnswer()
    {
        var index = SlotIndex.Empty(StringComparer.Ordinal);
        var expected = new Dictionary<string, int>();
        var random = new Random(7);
        for (var round = 0; round < 60; round++)
        {
            var moves = new List<(string? Before, string? After, int Slot)>();
            for (var i = 0; i < 100; i++)
            {
                var slot = random.Next(500);
                var before = expected.FirstOrDefault(p => p.Value == slot).Key;
                var after = random.Next(4) == 0 ? null : $"k{random.Next(800)}";
                if (after is not null && expected.ContainsKey(after) || moves.Any(m => m.Slot == slot))
                {
                    continue;
                }

                moves.Add((before, after, slot));
                if (before is not null)
                {
                    expected.Remove(before);
                }

                if (after is not null)
                {
                    expected[after] = slot;
                }
            }

            index = index.With([.. moves.OrderBy(m => m.Slot)]);
            foreach (var key in Enumerable.Range(0, 800).Select(k => $"k{k}"))
            {
                Assert.That(index.TryGetSlot(key, out var slot) ? slot : -1, Is.EqualTo(expected.GetValueOrDefault(key, -1)), $"{key} in round {round}");
            }
        }
    }
}
