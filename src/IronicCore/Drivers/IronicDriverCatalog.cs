using System.Collections.Frozen;
using System.Collections.Immutable;
using IronicCore.States;

namespace IronicCore.Drivers;

/// <summary>
/// What each release of Ironic knows of drivers, read from its packages (entry points of
/// <c>setup.cfg</c>/<c>pyproject.toml</c>, <c>conf/default.py</c>, <c>drivers/generic.py</c>,
/// <c>ipmi.py</c>, <c>fake_hardware.py</c>): every hardware type and interface name it can load
/// (sorted, as stevedore lists them), the <c>[DEFAULT] enabled_*</c> and <c>default_*_interface</c>
/// defaults, and for the hardware types IronicCore simulates the order in which they support
/// implementations, which <c>driver_factory.default_interface</c> follows.
/// </summary>
internal static class IronicDriverCatalog
{
    private static readonly FrozenDictionary<string, string> EntryPoints21 = Table(
        "types fake-hardware ibmc idrac ilo ilo5 intel-ipmi ipmi irmc manual-management redfish snmp xclarity",
        "bios fake idrac-redfish idrac-wsman ilo irmc no-bios redfish",
        "boot fake idrac-redfish-virtual-media ilo-ipxe ilo-pxe ilo-uefi-https ilo-virtual-media ipxe irmc-pxe irmc-virtual-media pxe redfish-virtual-media",
        "console fake ilo ipmitool-shellinabox ipmitool-socat no-console",
        "deploy anaconda ansible custom-agent direct fake ramdisk",
        "inspect fake idrac idrac-redfish idrac-wsman ilo inspector irmc no-inspect redfish",
        "management fake ibmc idrac idrac-redfish idrac-wsman ilo ilo5 intel-ipmitool ipmitool irmc noop redfish xclarity",
        "network flat neutron noop",
        "power agent fake ibmc idrac idrac-redfish idrac-wsman ilo ipmitool irmc redfish snmp xclarity",
        "raid agent fake ibmc idrac idrac-redfish idrac-wsman ilo5 irmc no-raid redfish",
        "rescue agent fake no-rescue",
        "storage cinder external fake noop",
        "vendor fake ibmc idrac idrac-redfish idrac-wsman ilo ipmitool irmc no-vendor redfish");

    private static readonly FrozenDictionary<string, string> EntryPoints2025 = Table(
        "types fake-hardware idrac ilo ilo5 intel-ipmi ipmi irmc manual-management redfish snmp",
        "bios fake idrac-redfish ilo irmc no-bios redfish",
        "boot fake http http-ipxe idrac-redfish-virtual-media ilo-ipxe ilo-pxe ilo-uefi-https ilo-virtual-media ipxe irmc-pxe irmc-virtual-media pxe redfish-https redfish-virtual-media",
        "console fake fake-graphical ilo ipmitool-shellinabox ipmitool-socat no-console redfish-graphical",
        "deploy anaconda ansible bootc custom-agent direct fake ramdisk",
        "inspect agent fake idrac-redfish ilo inspector irmc no-inspect redfish",
        "management fake idrac-redfish ilo ilo5 intel-ipmitool ipmitool irmc noop redfish",
        "network flat neutron noop",
        "power agent fake idrac-redfish ilo ipmitool irmc redfish snmp",
        "raid agent fake idrac-redfish ilo5 irmc no-raid redfish",
        "rescue agent fake no-rescue",
        "storage cinder external fake noop",
        "vendor fake idrac-redfish ilo ipmitool irmc no-vendor redfish");

    private static readonly FrozenDictionary<string, string> EntryPointsMaster = Table(
        "types fake-hardware idrac intel-ipmi ipmi manual-management redfish",
        "bios fake idrac-redfish no-bios redfish",
        "boot fake http http-ipxe idrac-redfish-virtual-media ipxe pxe redfish-https redfish-virtual-media",
        "console fake fake-graphical ipmitool-socat no-console redfish-graphical",
        "deploy anaconda ansible autodetect bootc custom-agent direct fake noop ramdisk",
        "inspect agent fake idrac-redfish no-inspect redfish",
        "management fake idrac-redfish intel-ipmitool ipmitool noop redfish",
        "network flat ironic-networking neutron noop",
        "power agent fake idrac-redfish ipmitool redfish",
        "raid agent fake idrac-redfish no-raid redfish",
        "rescue agent fake no-rescue",
        "storage cinder external fake noop",
        "vendor fake idrac-redfish ipmitool no-vendor redfish");

    // conf/default.py; management and power have no default list (Ironic computes one).
    private static readonly FrozenDictionary<string, string> Defaults21 = Table(
        "types ipmi redfish",
        "bios no-bios redfish",
        "boot ipxe pxe redfish-virtual-media",
        "console no-console",
        "deploy direct ramdisk",
        "inspect no-inspect redfish",
        "network flat noop",
        "raid agent no-raid redfish",
        "rescue no-rescue",
        "storage cinder noop",
        "vendor ipmitool redfish no-vendor");

    private static readonly FrozenDictionary<string, string> DefaultsMaster = With(
        Defaults21,
        "deploy autodetect direct ramdisk bootc");

    // The order each simulated type supports implementations in (its supported_*_interfaces).
    private static readonly FrozenDictionary<string, string> Ipmi21 = Table(
        "bios no-bios",
        "boot ipxe pxe",
        "console ipmitool-socat ipmitool-shellinabox no-console",
        "deploy direct ansible ramdisk anaconda custom-agent",
        "inspect inspector no-inspect",
        "management ipmitool noop",
        "network flat neutron noop",
        "power ipmitool",
        "raid no-raid agent",
        "rescue no-rescue agent",
        "storage noop cinder external",
        "vendor ipmitool no-vendor");

    private static readonly FrozenDictionary<string, string> Ipmi2025 = With(
        Ipmi21,
        "boot ipxe pxe http-ipxe http",
        "deploy direct ansible ramdisk anaconda bootc custom-agent",
        "inspect inspector agent no-inspect");

    private static readonly FrozenDictionary<string, string> IpmiMaster = With(
        Ipmi2025,
        "console ipmitool-socat no-console fake-graphical",
        "deploy autodetect direct ansible ramdisk anaconda bootc custom-agent",
        "inspect agent no-inspect",
        "network flat neutron ironic-networking noop");

    private static readonly FrozenDictionary<string, string> Fake21 = Table(
        "bios fake no-bios",
        "boot fake ipxe pxe",
        "console fake no-console",
        "deploy fake direct ansible ramdisk anaconda custom-agent",
        "inspect fake inspector no-inspect",
        "management fake",
        "network flat neutron noop",
        "power fake",
        "raid fake no-raid agent",
        "rescue fake no-rescue agent",
        "storage fake noop cinder external",
        "vendor fake no-vendor");

    private static readonly FrozenDictionary<string, string> Fake2025 = With(
        Fake21,
        "boot fake ipxe pxe http-ipxe http",
        "console fake fake-graphical no-console",
        "deploy fake direct ansible ramdisk anaconda bootc custom-agent",
        "inspect fake inspector agent no-inspect");

    private static readonly FrozenDictionary<string, string> FakeMaster = With(
        Fake2025,
        "console fake no-console fake-graphical",
        "deploy fake autodetect direct ansible ramdisk anaconda bootc custom-agent",
        "inspect fake agent no-inspect",
        "network flat neutron ironic-networking noop");

    /// <summary>
    /// The names Ironic can load for hardware types (<paramref name="kind"/> <c>types</c>) or an
    /// interface type, sorted; another name in an <c>enabled_*</c> option stops Ironic's conductor.
    /// </summary>
    public static ImmutableArray<string> EntryPoints(IronicRelease release, string kind) => Split(release switch
    {
        IronicRelease.Release21_4 => EntryPoints21,
        IronicRelease.Release2025_1 => EntryPoints2025,
        _ => EntryPointsMaster,
    }, kind);

    /// <summary>The default of <c>enabled_hardware_types</c> (<c>types</c>) or <c>enabled_&lt;type&gt;_interfaces</c>; null where Ironic computes it (management, power).</summary>
    public static ImmutableArray<string>? DefaultEnabled(IronicRelease release, string kind)
    {
        var table = release == IronicRelease.Master ? DefaultsMaster : Defaults21;
        return table.ContainsKey(kind) ? Split(table, kind) : null;
    }

    /// <summary>The default of <c>default_&lt;type&gt;_interface</c>: <c>noop</c> for storage, else none.</summary>
    public static string? DefaultInterface(string interfaceType) => interfaceType == "storage" ? "noop" : null;

    /// <summary>The order in which Ironic's <paramref name="hardwareType"/> supports implementations of an interface type; null for a type not listed here.</summary>
    public static ImmutableArray<string>? Supported(IronicRelease release, string hardwareType, string interfaceType)
    {
        var table = (hardwareType, release) switch
        {
            ("ipmi", IronicRelease.Release21_4) => Ipmi21,
            ("ipmi", IronicRelease.Release2025_1) => Ipmi2025,
            ("ipmi", _) => IpmiMaster,
            ("fake-hardware", IronicRelease.Release21_4) => Fake21,
            ("fake-hardware", IronicRelease.Release2025_1) => Fake2025,
            ("fake-hardware", _) => FakeMaster,
            _ => null,
        };
        return table is null ? null : Split(table, interfaceType);
    }

    private static ImmutableArray<string> Split(FrozenDictionary<string, string> table, string kind) =>
        table.TryGetValue(kind, out var names) ? [.. names.Split(' ', StringSplitOptions.RemoveEmptyEntries)] : [];

    private static FrozenDictionary<string, string> Table(params string[] lines) =>
        lines.ToFrozenDictionary(line => line[..line.IndexOf(' ', StringComparison.Ordinal)], line => line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal);

    private static FrozenDictionary<string, string> With(FrozenDictionary<string, string> table, params string[] lines)
    {
        var changed = table.ToDictionary(StringComparer.Ordinal);
        foreach (var (kind, names) in Table(lines))
        {
            changed[kind] = names;
        }

        return changed.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
