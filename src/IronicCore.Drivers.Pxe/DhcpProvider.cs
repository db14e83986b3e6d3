using IronicCore.States;

namespace IronicCore.Drivers.Pxe;

/// <summary>
/// Which DHCP provider receives the PXE boot options: the providers Ironic ships for
/// <c>[dhcp] dhcp_provider</c>.
/// </summary>
public enum DhcpProvider : byte
{
    /// <summary><c>neutron</c>: boot options go into every VIF's <c>extra_dhcp_opts</c> (the default).</summary>
    [IronicName("neutron")] Neutron,

    /// <summary><c>dnsmasq</c>: boot options are written for a local dnsmasq.</summary>
    [IronicName("dnsmasq")] Dnsmasq,

    /// <summary><c>none</c>: DHCP is managed outside Ironic; nothing is sent.</summary>
    [IronicName("none")] None,
}
