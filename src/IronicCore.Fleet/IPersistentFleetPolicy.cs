using System.Buffers;

namespace IronicCore.Fleet;

/// <summary>
/// A fleet policy whose state a snapshot can hold: what it remembers between calls (nodes it
/// is cleaning, when it last returned each) in bytes of its own format. A fleet run can only
/// be saved when its policy implements this; a policy without state implements it with
/// nothing to write.
/// </summary>
public interface IPersistentFleetPolicy : IFleetPolicy
{
    /// <summary>Writes the policy's state. Called between the policy's runs, on the simulation's thread.</summary>
    /// <param name="output">Where to write it.</param>
    void SaveState(IBufferWriter<byte> output);

    /// <summary>Takes back a state <see cref="SaveState"/> wrote, on a fresh instance, before the run resumes.</summary>
    /// <param name="state">The bytes written.</param>
    /// <exception cref="FormatException">The bytes are not a state this policy wrote.</exception>
    void LoadState(ReadOnlyMemory<byte> state);
}
