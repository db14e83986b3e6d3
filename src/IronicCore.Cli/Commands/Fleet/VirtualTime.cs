using System.Globalization;

namespace IronicCore.Cli.Commands.Fleet;

/// <summary>A span of virtual time as the command line gives it: a whole number and a unit, <c>12d</c>, <c>36h</c>, <c>90m</c> or <c>30s</c>.</summary>
internal static class VirtualTime
{
    /// <exception cref="FleetInputException">The text is not such a span, or not positive.</exception>
    public static TimeSpan Parse(string option, string text)
    {
        if (text.Length >= 2 && long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            switch (text[^1])
            {
                case 'd' when amount <= 36_500:
                    return TimeSpan.FromDays(amount);
                case 'h' when amount <= 876_000:
                    return TimeSpan.FromHours(amount);
                case 'm' when amount <= 52_560_000:
                    return TimeSpan.FromMinutes(amount);
                case 's' when amount <= 3_153_600_000:
                    return TimeSpan.FromSeconds(amount);
            }
        }

        throw new FleetInputException($"{option} takes a positive virtual time such as 12d, 36h, 90m or 30s (got \"{text}\")");
    }
}
