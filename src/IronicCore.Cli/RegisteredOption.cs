using System.Collections.Immutable;

namespace IronicCore.Cli;

/// <summary>An option of a <see cref="RegisteredCommand"/>: its names (with dashes), the name of its value, and the .NET type its value binds to.</summary>
internal sealed record RegisteredOption(string Name, ImmutableArray<string> Aliases, string? ValueName, string? ClrType)
{
    public IEnumerable<string> Names => [Name, .. Aliases];

    /// <summary>What a value must be, for an option whose value did not convert; null for a text option (every value converts).</summary>
    public string? Expected => ClrType?.Replace("System.Nullable<", string.Empty, StringComparison.Ordinal).TrimEnd('>') switch
    {
        null or "System.String" or "System.String[]" or "System.Boolean" => null,
        "System.Int32" => "a whole number",
        "System.Int64" => "a whole number",
        "System.UInt64" => "a whole number from 0 to 18446744073709551615",
        "System.Double" => "a number such as 2.5",
        var other => $"a {ValueName ?? other} value",
    };
}
