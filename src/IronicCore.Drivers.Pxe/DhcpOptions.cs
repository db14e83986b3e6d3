using IronicCore.Configuration;

namespace IronicCore.Drivers.Pxe;

/// <summary>
/// Ironic's <c>[dhcp]</c> options, a driver section of <see cref="ConductorOptions.DriverSections"/>.
/// Immutable once built; <see cref="ConductorOptions.Validate"/> checks them.
/// </summary>
[IronicSection("dhcp")]
public sealed class DhcpOptions : OptionSection
{
    /// <summary>
    /// <c>[dhcp] dhcp_provider</c>: which provider receives the boot options when a PXE or iPXE boot is
    /// prepared. Ironic takes any installed provider's name; IronicCore knows the three it ships.
    /// </summary>
    /// <value>Default: <c>"neutron"</c>. Limits: none.</value>
    [IronicOption("dhcp_provider")]
    public DhcpProvider DhcpProvider { get; init; } = PxeOptionDefaults.Dhcp;
}
