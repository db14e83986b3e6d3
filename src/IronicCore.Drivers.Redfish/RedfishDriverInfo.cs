using System.Collections.Immutable;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// A node's <c>driver_info</c> as the redfish interfaces read it (Ironic's
/// <c>redfish.utils.parse_driver_info</c>), checked with Ironic's errors and wording.
/// </summary>
/// <param name="Address">The BMC's address, <c>scheme://authority</c>, as sushy connects to it.</param>
/// <param name="SystemId">The system's id at the BMC (the last segment of <c>redfish_system_id</c>), or null when the node names none.</param>
/// <param name="AuthType">How Ironic authenticates.</param>
internal sealed record RedfishDriverInfo(string Address, string? SystemId, RedfishAuthType AuthType)
{
    /// <summary>The BMC a node's address names: scheme, host in lower case, and port (the scheme's default when none).</summary>
    public string BmcKey => HasHost ? BmcKeyOf(Address) : Address;

    /// <summary>Whether the address names a host; rfc3986 lets one without pass, and every request to it fails.</summary>
    public bool HasHost { get; init; } = true;

    /// <summary>Parses and checks <paramref name="info"/>; the BMC is not contacted.</summary>
    /// <exception cref="MissingParameterValueException"><c>redfish_address</c> is missing or empty.</exception>
    /// <exception cref="InvalidParameterValueException">A value is not one Ironic accepts.</exception>
    public static RedfishDriverInfo Parse(string nodeUuid, ImmutableSortedDictionary<string, string> info, RedfishOptions options, IronicRelease release)
    {
        var address = info.GetValueOrDefault("redfish_address");
        if (string.IsNullOrEmpty(address))
        {
            throw new MissingParameterValueException(
                $"Missing the following Redfish properties in node {nodeUuid} driver_info: ['redfish_address']");
        }

        // rfc3986: without a scheme and an authority the address is taken as https.
        if (!address.Contains("://", StringComparison.Ordinal))
        {
            address = "https://" + address;
        }

        // rfc3986 takes an authority without a host (https://:8443); only the request fails then.
        var rest = address[(address.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var authority = rest[..(rest.IndexOfAny(['/', '?', '#']) is var end and >= 0 ? end : rest.Length)];
        var host = authority[(authority.LastIndexOf('@') + 1)..];
        if (host.Length == 0 || host[0] == ':')
        {
            return new RedfishDriverInfo(address[..(address.IndexOf("://", StringComparison.Ordinal) + 3)] + authority, null, AuthTypeOf(nodeUuid, info, options)) { HasHost = false };
        }

        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Host.Length == 0 || uri.Scheme is not ("http" or "https"))
        {
            throw new InvalidParameterValueException($"Invalid Redfish address {address} set in driver_info/redfish_address on node {nodeUuid}");
        }

        if (info.TryGetValue("redfish_verify_ca", out var verifyCa) && !IsStrictBool(verifyCa))
        {
            // A path to a CA bundle on the conductor: the simulated conductor has no file system to find it in.
            throw new InvalidParameterValueException(
                $"Invalid value type set in driver_info/redfish_verify_ca on node {nodeUuid}. The value should be a Boolean or the path to a file/directory, not \"{verifyCa}\"");
        }

        var authType = AuthTypeOf(nodeUuid, info, options);

        if (release == IronicRelease.Master && info.TryGetValue("redfish_tls_minimum_version", out var tls) && tls.Length > 0 && tls is not ("1.1" or "1.2" or "1.3"))
        {
            throw new InvalidParameterValueException(
                $"Invalid value \"{tls}\" set in driver_info/redfish_tls_minimum_version on node {nodeUuid}. The value should be one of \"1.1\", \"1.2\", or \"1.3\".");
        }

        var systemId = info.GetValueOrDefault("redfish_system_id") is { } path ? LastSegment(path) : null;
        return new RedfishDriverInfo($"{uri.Scheme}://{uri.Authority}", systemId, authType);
    }

    private static RedfishAuthType AuthTypeOf(string nodeUuid, ImmutableSortedDictionary<string, string> info, RedfishOptions options)
    {
        if (!info.TryGetValue("redfish_auth_type", out var auth))
        {
            return options.AuthType;
        }

        return IronicNames.TryParse(auth, out RedfishAuthType authType)
            ? authType
            : throw new InvalidParameterValueException(
                $"Invalid value \"{auth}\" set in driver_info/redfish_auth_type on node {nodeUuid}. The value should be one of \"basic\", \"session\" or \"auto\".");
    }

    /// <summary>oslo's <c>bool_from_string(strict=True)</c> accepts it.</summary>
    private static bool IsStrictBool(string value) =>
        value.Trim().ToLowerInvariant() is "1" or "t" or "true" or "on" or "y" or "yes" or "0" or "f" or "false" or "off" or "n" or "no";

    private static string LastSegment(string path)
    {
        var trimmed = path.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        var last = slash < 0 ? trimmed : trimmed[(slash + 1)..];
        return last.Length == 0 ? "1" : last;
    }

    public static string BmcKeyOf(string address)
    {
        var uri = new Uri(address);
        return $"{uri.Scheme}://{uri.Host.ToLowerInvariant()}:{uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
