using IronicCore.Persistence;
using MessagePack;

namespace IronicCore;

/// <summary>
/// What a <see cref="DriverState"/> is given while it writes itself into a snapshot: references to
/// the parts of the states registered before it (a boot interface another package's network
/// offers), which the loader resolves to the restored objects (<see cref="DriverStateReader.ReadReference{T}"/>).
/// </summary>
public sealed class DriverStateWriter
{
    private readonly IReadOnlyList<DriverState> states;

    internal DriverStateWriter(IReadOnlyList<DriverState> states) => this.states = states;

    /// <summary>The position of the state being written among the conductor's states.</summary>
    internal int Current { get; set; }

    /// <summary>
    /// Writes a reference to <paramref name="part"/>, one of the <see cref="DriverState.Parts"/> of a state
    /// registered before the one being written, or nil for null.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="part">The part, or null.</param>
    /// <exception cref="SnapshotUnsupportedException">No state registered before this one offers <paramref name="part"/>: what it is cannot be saved.</exception>
    public void WriteReference(ref MessagePackWriter writer, object? part)
    {
        if (part is null)
        {
            writer.WriteNil();
            return;
        }

        for (var state = 0; state < Current; state++)
        {
            var index = 0;
            foreach (var offered in states[state].Parts)
            {
                if (ReferenceEquals(offered, part))
                {
                    writer.WriteArrayHeader(2);
                    writer.Write(state);
                    writer.Write(index);
                    return;
                }

                index++;
            }
        }

        throw new SnapshotUnsupportedException(
            $"The state of driver package {states[Current].Package.Name} refers to a {part.GetType().Name} that no driver state registered before it offers: " +
            "only the parts of driver states can be saved (docs/drivers.md).");
    }
}
