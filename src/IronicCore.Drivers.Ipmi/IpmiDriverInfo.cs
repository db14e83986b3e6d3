using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using IronicCore.Configuration;
using IronicCore.Drivers;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Drivers.Ipmi;

/// <summary>
/// A node's <c>driver_info</c> as the ipmitool interfaces read it (Ironic's
/// <c>ipmitool._parse_driver_info</c>), checked with Ironic's errors and wording. Only what the
/// simulation uses is kept; the rest is checked and dropped.
/// </summary>
internal sealed record IpmiDriverInfo(string Address, bool? DisableBootTimeout)
{
    private static readonly ImmutableArray<string> PrivilegeLevels = ["ADMINISTRATOR", "CALLBACK", "OPERATOR", "USER"];
    private static readonly ImmutableArray<string> ProtocolVersions = ["2.0", "1.5"];
    private static readonly ImmutableArray<string> BridgingTypes = ["single", "dual"];

    /// <summary>Parses and checks <paramref name="info"/>; the BMC is not contacted.</summary>
    /// <exception cref="MissingParameterValueException">ipmi_address, or a bridging field the bridging type needs, is missing.</exception>
    /// <exception cref="InvalidParameterValueException">A value is not one Ironic accepts.</exception>
    public static IpmiDriverInfo Parse(ImmutableSortedDictionary<string, string> info, IronicRelease release)
    {
        var address = info.GetValueOrDefault("ipmi_address");
        if (string.IsNullOrEmpty(address))
        {
            throw new MissingParameterValueException("Missing the following IPMI credentials in node's driver_info: ['ipmi_address'].");
        }

        // Master checks the address; 21.4 hands anything to ipmitool.
        if (release == IronicRelease.Master && !IPAddress.TryParse(address, out _) && !IsSafeHostName(address))
        {
            throw new InvalidParameterValueException($"Invalid IPMI address {address}: not an IP address or a valid host name.");
        }

        var protocol = info.GetValueOrDefault("ipmi_protocol_version", "2.0");
        if (!ProtocolVersions.Contains(protocol))
        {
            throw new InvalidParameterValueException(
                $"Invalid IPMI protocol version value {protocol}, the valid value can be one of {string.Join(", ", ProtocolVersions)}");
        }

        CheckPort(info, "ipmi_terminal_port");
        CheckPort(info, "ipmi_port");
        CheckBridging(info);
        var privilege = info.GetValueOrDefault("ipmi_priv_level", "ADMINISTRATOR");
        if (!PrivilegeLevels.Contains(privilege))
        {
            throw new InvalidParameterValueException(
                $"Invalid privilege level value:{privilege}, the valid value can be one of {string.Join(", ", PrivilegeLevels)}");
        }

        if (info.GetValueOrDefault("ipmi_hex_kg_key") is { Length: > 0 } key && key.Length % 2 != 0)
        {
            throw new InvalidParameterValueException("Number of ipmi_hex_kg_key characters is not even");
        }

        if (info.GetValueOrDefault("ipmi_cipher_suite") is { } cipherSuite)
        {
            if (!int.TryParse(cipherSuite, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                throw new InvalidParameterValueException($"Invalid cipher suite {cipherSuite}, expected a number");
            }

            if (protocol == "1.5")
            {
                throw new InvalidParameterValueException("Cipher suites cannot be used with IPMI 1.5");
            }
        }

        bool? disableBootTimeout = info.GetValueOrDefault("ipmi_disable_boot_timeout") is { } idt ? OsloBool.FromString(idt) : null;
        return new IpmiDriverInfo(address, disableBootTimeout);
    }

    private static void CheckPort(ImmutableSortedDictionary<string, string> info, string name)
    {
        if (info.GetValueOrDefault(name) is { } port
            && !(int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 0 and <= 65535))
        {
            throw new InvalidParameterValueException($"{name} \"{port}\" is not a valid port.");
        }
    }

    private static void CheckBridging(ImmutableSortedDictionary<string, string> info)
    {
        var bridging = info.GetValueOrDefault("ipmi_bridging", "no");
        if (bridging == "no")
        {
            return;
        }

        if (!BridgingTypes.Contains(bridging))
        {
            throw new InvalidParameterValueException(
                $"Invalid value for ipmi_bridging: {bridging}, the valid value can be one of: ['single', 'dual', 'no']");
        }

        string[] required = bridging == "dual"
            ? ["ipmi_target_channel", "ipmi_target_address", "ipmi_transit_channel", "ipmi_transit_address"]
            : ["ipmi_target_channel", "ipmi_target_address"];
        var missing = required.Where(r => !info.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            throw new MissingParameterValueException($"[{string.Join(", ", missing.Select(m => $"'{m}'"))}] not provided");
        }
    }

    /// <summary>Ironic's <c>is_hostname_safe</c>: RFC 952/1123 labels of letters, digits and inner hyphens.</summary>
    private static bool IsSafeHostName(string name) =>
        name.Length <= 255
        && name.TrimEnd('.').Split('.').All(label =>
            label.Length is > 0 and <= 63 && char.IsAsciiLetterOrDigit(label[0]) && char.IsAsciiLetterOrDigit(label[^1])
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
}
