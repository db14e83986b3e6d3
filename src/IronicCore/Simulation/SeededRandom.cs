using System.Buffers.Binary;
using System.Numerics;

namespace IronicCore.Simulation;

/// <summary>
/// The simulation's source of randomness: xoshiro256** (Blackman and Vigna, 2018), its state
/// seeded from a <see cref="ulong"/> by SplitMix64 as its authors recommend. The same seed gives
/// the same sequence on every machine and runtime, and <see cref="GetState"/> captures the
/// sequence's position so a snapshot resumes it exactly.
/// </summary>
/// <remarks>
/// Not cryptographic. Not thread-safe: one simulation thread draws from it.
/// </remarks>
public sealed partial class SeededRandom
{
    private const double UnitScale = 1.0 / (1UL << 53);

    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    /// <summary>Starts the sequence of <paramref name="seed"/>.</summary>
    /// <param name="seed">Any value, zero included.</param>
    public SeededRandom(ulong seed)
    {
        s0 = SplitMix64(ref seed);
        s1 = SplitMix64(ref seed);
        s2 = SplitMix64(ref seed);
        s3 = SplitMix64(ref seed);
    }

    /// <summary>Resumes the sequence where <see cref="GetState"/> captured it.</summary>
    /// <param name="state">A state from <see cref="GetState"/>.</param>
    /// <exception cref="ArgumentException">All four words are zero: xoshiro256** never reaches that state.</exception>
    public SeededRandom(SeededRandomState state)
    {
        if ((state.S0 | state.S1 | state.S2 | state.S3) == 0)
        {
            throw new ArgumentException("A xoshiro256** state cannot be all zero; take it from GetState().", nameof(state));
        }

        (s0, s1, s2, s3) = state;
    }

    /// <summary>The current position in the sequence; draws made after it do not change the value returned.</summary>
    /// <returns>The four state words.</returns>
    public SeededRandomState GetState() => new(s0, s1, s2, s3);

    /// <summary>The next 64 random bits.</summary>
    /// <returns>A value uniform over all of <see cref="ulong"/>.</returns>
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = BitOperations.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>
    /// A uniform integer in [0, <paramref name="maxExclusive"/>), without modulo bias (Lemire's
    /// multiply-and-reject method on the high 32 bits of a draw).
    /// </summary>
    /// <param name="maxExclusive">The bound; at least 1.</param>
    /// <returns>An integer from 0 to <paramref name="maxExclusive"/> − 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxExclusive"/> is zero or negative.</exception>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        var bound = (uint)maxExclusive;
        var product = (NextUInt64() >> 32) * bound;
        if ((uint)product < bound)
        {
            // Low words below 2^32 mod bound belong to values drawn one time too many: draw again.
            var threshold = (0u - bound) % bound;
            while ((uint)product < threshold)
            {
                product = (NextUInt64() >> 32) * bound;
            }
        }

        return (int)(product >> 32);
    }

    /// <summary>A uniform double in [0, 1), from the high 53 bits of one draw.</summary>
    /// <returns>A multiple of 2^-53 from 0 to 1 − 2^-53.</returns>
    public double NextDouble() => (NextUInt64() >> 11) * UnitScale;

    /// <summary>
    /// An exponentially distributed value, e.g. the time to the next failure of something that fails
    /// at a constant rate: −mean · ln(u) for u uniform in (0, 1], from one draw. The logarithm is
    /// computed without the platform's math library, so the bits are the same on every machine.
    /// </summary>
    /// <param name="mean">The mean; positive and finite.</param>
    /// <returns>A value from 0 to about 36.7 × <paramref name="mean"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mean"/> is not positive and finite.</exception>
    public double NextExponential(double mean)
    {
        if (!double.IsFinite(mean) || mean <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "The mean must be positive and finite.");
        }

        // (0, 1] rather than [0, 1): ln(0) is not a number, ln(1) = 0 is a fine draw.
        var u = ((NextUInt64() >> 11) + 1) * UnitScale;
        return mean * (0.0 - DeterministicMath.Log(u));
    }

    /// <summary>
    /// A random RFC 4122 version-4 UUID from two draws, for node and port identifiers; its
    /// <see cref="Guid.ToString()"/> is the same on every machine.
    /// </summary>
    /// <returns>A UUID with version 4 and the RFC 4122 variant.</returns>
    public Guid NewUuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, NextUInt64());
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], NextUInt64());
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);

        // Big-endian, so the bytes appear in the string in the order they were written.
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>
    /// The seed of a stream of its own for <paramref name="name"/> (a hardware type, the runbooks'
    /// UUIDs), derived from the simulation's <paramref name="seed"/> by FNV-1a over the name: its
    /// draws leave the other streams where they were.
    /// </summary>
    internal static ulong StreamSeed(ulong seed, string name)
    {
        foreach (var c in name)
        {
            seed = (seed ^ c) * 1099511628211UL;
        }

        return seed;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E37_79B9_7F4A_7C15;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB;
        return z ^ (z >> 31);
    }
}
