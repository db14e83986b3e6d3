using System.Globalization;
using System.Text.Json;
using IronicCore.Fleet;

namespace IronicCore.Cli.Commands.Fleet;

/// <summary>
/// <c>--fault-rates</c>: fault kinds and their rates per node per year, <c>KIND=RATE</c> separated by
/// commas (<c>credentials_rejected=0.05,reset_fails=0.02</c>); each kind once, as a scenario file
/// spells it, each rate a plain decimal number. The scenario's checks then refuse rates out of
/// range and a Redfish BMC's kinds in a fleet without redfish nodes.
/// </summary>
internal static class FleetFaultRatesOption
{
    /// <exception cref="FleetInputException">The text is not a list of kinds and rates.</exception>
    public static FleetScenario Apply(FleetScenario scenario, string text)
    {
        var kinds = Enum.GetValues<HardwareFaultKind>().ToDictionary(k => JsonNamingPolicy.SnakeCaseLower.ConvertName(k.ToString()), StringComparer.Ordinal);
        var given = new HashSet<HardwareFaultKind>();
        foreach (var part in text.Split(','))
        {
            var pair = part.Split('=');
            if (pair.Length != 2)
            {
                throw Bad(text, $"\"{part}\" is not KIND=RATE");
            }

            if (!kinds.TryGetValue(pair[0], out var kind))
            {
                throw Bad(text, $"\"{pair[0]}\" is not a fault kind; the kinds are {string.Join(", ", kinds.Keys)}");
            }

            if (!double.TryParse(pair[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate))
            {
                throw Bad(text, $"the rate of {pair[0]} must be a decimal number such as 0.05, not \"{pair[1]}\"");
            }

            if (!given.Add(kind))
            {
                throw Bad(text, $"{pair[0]} is given twice");
            }

            scenario = scenario.WithFaultRate(kind, rate);
        }

        return scenario;
    }

    private static FleetInputException Bad(string text, string problem) =>
        new($"--fault-rates {text}: {problem} (e.g. credentials_rejected=0.05,reset_fails=0.02,insert_media_fails=0.02)");
}
