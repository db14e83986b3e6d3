namespace IronicCore.Sweeps.Engines;

/// <summary>What a scheduler command printed and how it exited.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    /// <summary>The first line of the error output, or of the output when that is empty: what a message quotes.</summary>
    public string FirstErrorLine =>
        (Error.Length > 0 ? Error : Output).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? $"exit code {ExitCode}";
}
