using System.Collections.Immutable;

namespace IronicCore.Drivers.Ipmi;

/// <summary>Ironic's <c>[ipmi]</c> defaults, in one place (master, commit <c>7bc6aba7</c>; 21.4 has the same).</summary>
internal static class IpmiOptionDefaults
{
    public static readonly TimeSpan CommandRetryTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan MinCommandInterval = TimeSpan.FromSeconds(5);
    public const bool UseIpmitoolRetries = false;
    public const bool DisableBootTimeout = true;
    public static readonly ImmutableArray<string> AdditionalRetryableIpmiErrors = [];
}
