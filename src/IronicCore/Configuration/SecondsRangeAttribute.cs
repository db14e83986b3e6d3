using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace IronicCore.Configuration;

/// <summary>
/// The limits of a duration option, in whole seconds as Ironic declares them (oslo.config's
/// <c>min</c>/<c>max</c> on an integer option). It stays a <see cref="RangeAttribute"/> over
/// <see cref="TimeSpan"/>, so data-annotation validators read it too.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class SecondsRangeAttribute : RangeAttribute
{
    /// <summary>Declares the limits.</summary>
    /// <param name="minimumSeconds">The lowest value Ironic accepts, in seconds; <see cref="long.MinValue"/> when unbounded.</param>
    /// <param name="maximumSeconds">The highest value Ironic accepts, in seconds; <see cref="long.MaxValue"/> (the default) when unbounded.</param>
    public SecondsRangeAttribute(long minimumSeconds, long maximumSeconds = long.MaxValue)
        : base(typeof(TimeSpan), Format(minimumSeconds), Format(maximumSeconds))
    {
        MinimumSeconds = minimumSeconds;
        MaximumSeconds = maximumSeconds;
    }

    /// <summary>The lowest value Ironic accepts, in seconds; <see cref="long.MinValue"/> when unbounded.</summary>
    public long MinimumSeconds { get; }

    /// <summary>The highest value Ironic accepts, in seconds; <see cref="long.MaxValue"/> when unbounded.</summary>
    public long MaximumSeconds { get; }

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
