namespace IronicCore.Cli;

/// <summary>The command line was refused before anything ran (exit <see cref="IronicSim.BadInput"/>); the message says why, in one line.</summary>
internal sealed class InputRefusedException(string message) : Exception(message);
