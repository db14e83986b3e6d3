using System.Collections.Immutable;
using IronicCore.Drivers.Fake;

namespace IronicCore.Drivers;

/// <summary>
/// The interface implementations a hardware type supports in the simulation, per interface type,
/// default first (Ironic's <c>supported_&lt;type&gt;_interfaces</c> as enabled here): fake-hardware
/// lets a node choose deploy <c>fake</c> or <c>direct</c>, management <c>fake</c> or <c>noop</c>,
/// rescue <c>fake</c>, <c>agent</c> or <c>no-rescue</c>, and shows storage <c>fake</c> or (Ironic's
/// <c>default_storage_interface</c>) <c>noop</c>, neither of which does anything here; any other type runs the direct deploy through
/// its own boot (and the others of its boot interface's <see cref="IBootInterface.Family"/>, e.g. a PXE
/// network's <c>pxe</c> and <c>ipxe</c>), management and power interfaces, with Ironic's no-op names for
/// what the simulation does not model. Firmware is not among them: every node has Ironic's <c>no-firmware</c> or
/// fake-hardware's <c>fake</c>, with no component to show.
/// </summary>
public static class SupportedInterfaces
{
    /// <summary>The interface types listed, in Ironic's order.</summary>
    public static ImmutableArray<string> InterfaceTypes { get; } =
        ["bios", "boot", "console", "deploy", "inspect", "management", "network", "power", "raid", "rescue", "storage", "vendor"];

    private static readonly ImmutableArray<KeyValuePair<string, ImmutableArray<string>>> FakeHardwareInterfaces =
    [
        new("bios", ["fake"]),
        new("boot", ["fake"]),
        new("console", ["fake"]),
        new("deploy", ["fake", "direct"]),
        new("inspect", ["fake"]),
        new("management", ["fake", "noop"]),
        new("network", ["flat"]),
        new("power", ["fake"]),
        new("raid", ["fake"]),
        new("rescue", ["fake", "agent", "no-rescue"]),
        new("storage", ["fake", "noop"]),
        new("vendor", ["fake"]),
    ];

    /// <summary>The type's implementations of each of <see cref="InterfaceTypes"/>, in that order, its default first.</summary>
    /// <param name="type">A hardware type the conductor runs.</param>
    /// <returns>Interface type and implementations.</returns>
    public static ImmutableArray<KeyValuePair<string, ImmutableArray<string>>> Of(HardwareType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Name == FakeHardware.Name
            ? FakeHardwareInterfaces
            :
            [
                new("bios", type.Bios is { } bios ? [bios.Name, "no-bios"] : ["no-bios"]),
                new("boot", [type.Boot.Name, .. type.Boot.Family.Select(boot => boot.Name).Where(name => name != type.Boot.Name)]),
                new("console", ["no-console"]),
                new("deploy", ["direct"]),
                new("inspect", type.Inspect is { } inspect ? [inspect.Name, "no-inspect"] : ["no-inspect"]),
                new("management", [type.Management.Name]),
                new("network", ["flat"]),
                new("power", [type.Power.Name]),
                new("raid", ["no-raid"]),
                new("rescue", ["no-rescue", "agent"]),
                new("storage", ["noop"]),
                new("vendor", type.Vendor is { } vendor ? [vendor.Name, "no-vendor"] : ["no-vendor"]),
            ];
    }

    /// <summary>The type's implementations of one interface type, its default first; none for an interface type not listed.</summary>
    /// <param name="type">A hardware type the conductor runs.</param>
    /// <param name="interfaceType">One of <see cref="InterfaceTypes"/>.</param>
    /// <returns>The implementations' names.</returns>
    public static ImmutableArray<string> Names(HardwareType type, string interfaceType)
    {
        foreach (var (name, implementations) in Of(type))
        {
            if (name == interfaceType)
            {
                return implementations;
            }
        }

        return [];
    }
}
