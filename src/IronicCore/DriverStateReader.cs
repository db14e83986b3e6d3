using IronicCore.Drivers;
using MessagePack;

namespace IronicCore;

/// <summary>
/// What a <see cref="DriverPackage"/> is given while it restores its state on a conductor being
/// loaded: the conductor, the parts of the states restored before (<see cref="ReadReference{T}"/>),
/// and, once the nodes exist (<see cref="DriverState.NodesLoaded"/>), their tasks.
/// </summary>
public sealed class DriverStateReader
{
    private readonly IReadOnlyList<DriverState> restored;
    private readonly Func<int, DriverTask?> taskAt;

    internal DriverStateReader(Conductor conductor, IReadOnlyList<DriverState> restored, Func<int, DriverTask?> taskAt)
    {
        Conductor = conductor;
        this.restored = restored;
        this.taskAt = taskAt;
    }

    /// <summary>The conductor being loaded: its options and clock are in place; its nodes only from <see cref="DriverState.NodesLoaded"/> on.</summary>
    public Conductor Conductor { get; }

    /// <summary>Whether the loaded conductor's nodes exist yet (<see cref="GetTask"/> answers).</summary>
    internal bool NodesLoaded { get; set; }

    /// <summary>Reads what <see cref="DriverStateWriter.WriteReference"/> wrote: the restored part, or null.</summary>
    /// <typeparam name="T">What the part must be, e.g. <see cref="IBootInterface"/>.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <returns>The part of a state restored before this one, or null.</returns>
    /// <exception cref="MessagePackSerializationException">The reference names no such part, or one of another type.</exception>
    public T? ReadReference<T>(ref MessagePackReader reader)
        where T : class
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        Persistence.SnapshotCodec.Expect(ref reader, 2, "a reference to a driver state's part");
        var state = reader.ReadInt32();
        var index = reader.ReadInt32();
        if ((uint)state >= (uint)restored.Count)
        {
            throw new MessagePackSerializationException($"a reference names driver state {state}, which is not restored before it");
        }

        var part = restored[state].Parts.ElementAtOrDefault(index);
        return part as T ?? throw new MessagePackSerializationException(
            $"a reference names part {index} of driver package {restored[state].Package.Name}'s state, which is not a {typeof(T).Name}");
    }

    /// <summary>The task of the node in <paramref name="slot"/> (<see cref="DriverTask.Slot"/>), deleted nodes' slots included.</summary>
    /// <param name="slot">The slot.</param>
    /// <returns>The task, the one the loaded conductor hands its drivers.</returns>
    /// <exception cref="InvalidOperationException">Called before <see cref="DriverState.NodesLoaded"/>.</exception>
    /// <exception cref="MessagePackSerializationException">The snapshot has no such slot.</exception>
    public DriverTask GetTask(int slot)
    {
        if (!NodesLoaded)
        {
            throw new InvalidOperationException("The nodes are not loaded yet: ask for their tasks in DriverState.NodesLoaded.");
        }

        return taskAt(slot) ?? throw new MessagePackSerializationException($"a driver state names node slot {slot}, which the snapshot does not have");
    }
}
