using System.Globalization;

namespace IronicCore.Cli;

/// <summary>A count and its noun, in the singular for one: "1 conductor", "2 conductors", "10,000 nodes".</summary>
internal static class Plural
{
    public static string Of(long count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {noun}{(count == 1 ? string.Empty : "s")}");
}
