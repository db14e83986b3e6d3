namespace IronicCore.Simulation;

/// <summary>
/// The whole state of a <see cref="SeededRandom"/>: the four 64-bit words of xoshiro256**.
/// <see cref="SeededRandom(SeededRandomState)"/> resumes the exact sequence from it.
/// </summary>
/// <param name="S0">The first word.</param>
/// <param name="S1">The second word.</param>
/// <param name="S2">The third word.</param>
/// <param name="S3">The fourth word.</param>
public readonly record struct SeededRandomState(ulong S0, ulong S1, ulong S2, ulong S3);
