using System.Text.RegularExpressions;

namespace IronicCore.Sweeps.Engines;

/// <summary>
/// Slurm's time limit syntax (<c>sbatch --time</c>), as its manual documents it: <c>minutes</c>,
/// <c>minutes:seconds</c>, <c>hours:minutes:seconds</c>, <c>days-hours</c>,
/// <c>days-hours:minutes</c>, <c>days-hours:minutes:seconds</c>, or <c>INFINITE</c> /
/// <c>UNLIMITED</c>. sbatch 22.05 also takes a few undocumented spellings (<c>-1</c>, <c>1-</c>);
/// those are refused here, so a script never depends on them.
/// </summary>
internal static partial class SlurmTime
{
    /// <summary>The forms, for error messages.</summary>
    public const string Forms = "minutes, minutes:seconds, hours:minutes:seconds, days-hours, days-hours:minutes, days-hours:minutes:seconds, INFINITE or UNLIMITED";

    /// <summary>Whether <paramref name="value"/> is a time limit in one of Slurm's documented forms.</summary>
    public static bool IsValid(string value) =>
        TimeLimit().IsMatch(value)
        || string.Equals(value, "INFINITE", StringComparison.OrdinalIgnoreCase)
        || string.Equals(value, "UNLIMITED", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\A(?:[0-9]+(?::[0-9]+){0,2}|[0-9]+-[0-9]+(?::[0-9]+){0,2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex TimeLimit();
}
