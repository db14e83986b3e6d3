using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace IronicCore.Configuration;

/// <summary>
/// The limits of a duration option, in whole seconds as Ironic declares them (oslo.config's
/// <c>min</c>/<c>max</c> on an integer option). It stays a <see cref="RangeAttribute"/> over
/// <see cref="TimeSpan"/>, so data-annotation validators read it too.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class SecondsRangeAttribute(long minimumSeconds, long maximumSeconds = long.MaxValue)
    : RangeAttribute(typeof(TimeSpan), Format(minimumSeconds), Format(maximumSeconds))
{
    /// <summary>The lowest value Ironic accepts, in seconds; <see cref="long.MinValue"/> when unbounded.</summary>
    public long MinimumSeconds { get; } = minimumSeconds;

    /// <summary>The highest value Ironic accepts, in seconds; <see cref="long.MaxValue"/> when unbounded.</summary>
    public long MaximumSeconds { get; } = maximumSeconds;

    private static string Format(long seconds)
    {
        var value = seconds switch
        {
            long.MinValue => TimeSpan.MinValue,
            long.MaxValue => TimeSpan.MaxValue,
            _ => TimeSpan.FromSeconds(seconds),
        };
        return value.ToString("c", CultureInfo.InvariantCulture);
    }
}
