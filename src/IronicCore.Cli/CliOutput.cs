namespace IronicCore.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, refusals of its input to <see cref="Error"/>.</summary>
internal sealed record CliOutput(TextWriter Out, TextWriter Error);
