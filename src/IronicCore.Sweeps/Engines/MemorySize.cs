using System.Globalization;
using System.Text.RegularExpressions;

namespace IronicCore.Sweeps.Engines;

/// <summary>
/// A memory size as Slurm's <c>sbatch --mem</c> documents it: a whole number with an optional
/// unit K, M, G or T (either case, powers of 1024, megabytes without one). Written back to Slurm as
/// given, and to Kubernetes as the same number of bytes in its binary units (<c>Ki</c>, <c>Mi</c>,
/// <c>Gi</c>, <c>Ti</c>: Kubernetes' <c>G</c> means 10^9, not 2^30).
/// </summary>
public sealed partial record MemorySize
{
    /// <summary>The accepted form, for error messages.</summary>
    public const string Form = "a whole number with an optional unit K, M, G or T (megabytes without one), e.g. 2048 or 2G";

    private MemorySize(long amount, char unit)
    {
        Amount = amount;
        Unit = unit;
    }

    /// <summary>The number as written.</summary>
    public long Amount { get; }

    /// <summary>The unit as an upper-case letter: K, M, G or T.</summary>
    public char Unit { get; }

    /// <summary>Parses <paramref name="value"/>.</summary>
    /// <param name="value">A size such as <c>2048</c>, <c>512K</c> or <c>2G</c>.</param>
    /// <returns>The size; null when <paramref name="value"/> is not in Slurm's documented form.</returns>
    public static MemorySize? TryParse(string value)
    {
        var match = Size().Match(value);
        if (!match.Success || !long.TryParse(match.Groups["amount"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        var unit = match.Groups["unit"].Success ? char.ToUpperInvariant(match.Groups["unit"].Value[0]) : 'M';
        return new MemorySize(amount, unit);
    }

    /// <summary>The value for <c>#SBATCH --mem=</c>.</summary>
    public string ToSlurm() => string.Create(CultureInfo.InvariantCulture, $"{Amount}{Unit}");

    /// <summary>The value for a Kubernetes resource quantity: the same bytes in binary units.</summary>
    public string ToKubernetes() => string.Create(CultureInfo.InvariantCulture, $"{Amount}{Unit}i");

    [GeneratedRegex(@"\A(?<amount>[0-9]{1,15})(?<unit>[KMGTkmgt])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Size();
}
