namespace IronicCore.Simulation;

// Resuming a stream in place, for a snapshot's streams that others already hold.
public sealed partial class SeededRandom
{
    /// <summary>Moves the sequence to <paramref name="state"/> (from <see cref="GetState"/>).</summary>
    internal void Restore(SeededRandomState state) => (s0, s1, s2, s3) = state;
}
