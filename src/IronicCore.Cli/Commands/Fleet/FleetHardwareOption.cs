using System.Collections.Immutable;
using System.Globalization;

namespace IronicCore.Cli.Commands.Fleet;

/// <summary>
/// <c>--hardware</c>: the fleet's hardware types and their shares, <c>TYPE=SHARE</c> separated by
/// commas (<c>fake-hardware=0.5,ipmi=0.25,redfish=0.25</c>), or one type alone (<c>redfish</c>, a
/// share of 1). Each type once, each share a plain decimal number; the scenario's checks then
/// refuse types the fleet does not simulate, shares out of range and shares that do not add up to 1.
/// </summary>
internal static class FleetHardwareOption
{
    /// <exception cref="FleetInputException">The text is not a list of types and shares.</exception>
    public static ImmutableSortedDictionary<string, double> Parse(string text)
    {
        var shares = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        var parts = text.Split(',');
        foreach (var part in parts)
        {
            var pair = part.Split('=');
            var type = pair[0];
            if (type.Length == 0 || type.Trim() != type || pair.Length > 2 || (pair.Length == 1 && parts.Length > 1))
            {
                throw Bad(text, $"\"{part}\" is not TYPE=SHARE");
            }

            var share = 1.0;
            if (pair.Length == 2 && !double.TryParse(pair[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out share))
            {
                throw Bad(text, $"the share of {type} must be a decimal number such as 0.25, not \"{pair[1]}\"");
            }

            if (!shares.TryAdd(type, share))
            {
                throw Bad(text, $"{type} is given twice");
            }
        }

        return shares.ToImmutable();
    }

    private static FleetInputException Bad(string text, string problem) =>
        new($"--hardware {text}: {problem} (e.g. fake-hardware=0.5,ipmi=0.25,redfish=0.25, or one type: redfish)");
}
