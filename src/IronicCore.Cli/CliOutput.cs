namespace IronicCore.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, refusals of its input and progress lines to <see cref="Error"/>.</summary>
internal sealed record CliOutput(TextWriter Out, TextWriter Error)
{
    /// <summary>Off a terminal, how often a long run prints a progress line on <see cref="Error"/>. Default 10 seconds of wall time.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(10);
}
