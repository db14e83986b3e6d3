using IronicCore.Api.Hosting;
using IronicCore.States;

namespace IronicCore.Api.Tests.Reads;

/// <summary>
/// The published index of the slots in each provision state: from any slot, either way, it finds
/// the next slot in the state as a scan of every slot would, across chunks, and each version keeps
/// its own answers while the next one changes states.
/// </summary>
public sealed class StateSlotsTests
{
    [Test]
    public void Next_FindsWhatAScanFinds_AcrossChunks_BothWays()
    {
        const int slots = 1500;
        var random = new Random(11);
        var state = new ProvisionState?[slots];
        var index = StateSlots.Empty;
        for (var round = 0; round < 5; round++)
        {
            var moves = new List<(ProvisionState? Before, ProvisionState? After, int Slot)>();
            for (var slot = 0; slot < slots; slot++)
            {
                var after = random.Next(10) switch
                {
                    0 => ProvisionState.Active,
                    1 => (ProvisionState?)null,
                    _ => round == 0 ? ProvisionState.Available : state[slot],
                };
                if (after != state[slot])
                {
                    moves.Add((state[slot], after, slot));
                    state[slot] = after;
                }
            }

            index = index.With(moves, (slots + PublishedNodes.ChunkSize - 1) / PublishedNodes.ChunkSize);
            foreach (var wanted in new[] { ProvisionState.Active, ProvisionState.Available, ProvisionState.Manageable })
            {
                foreach (var step in new[] { 1, -1 })
                {
                    for (var from = 0; from < slots; from += 7)
                    {
                        Assert.That(index.Next(wanted, from, step, slots), Is.EqualTo(Scan(state, wanted, from, step)), $"{wanted} from {from} step {step} round {round}");
                    }
                }
            }
        }
    }

    [Test]
    public void AVersion_KeepsItsAnswers_WhileTheNextChangesStates()
    {
        var first = StateSlots.Empty.With([(null, ProvisionState.Active, 300)], 2);

        var second = first.With([(ProvisionState.Active, ProvisionState.Available, 300)], 2);

        Assert.That(first.Next(ProvisionState.Active, 0, 1, 512), Is.EqualTo(300));
        Assert.That(second.Next(ProvisionState.Active, 0, 1, 512), Is.EqualTo(-1));
        Assert.That(second.Next(ProvisionState.Available, 511, -1, 512), Is.EqualTo(300));
    }

    private static int Scan(ProvisionState?[] state, ProvisionState wanted, int from, int step)
    {
        for (var slot = from; slot >= 0 && slot < state.Length; slot += step)
        {
            if (state[slot] == wanted)
            {
                return slot;
            }
        }

        return -1;
    }
}
