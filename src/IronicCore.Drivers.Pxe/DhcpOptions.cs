using IronicCore.Configuration;

namespace IronicCore.Drivers.Pxe;

/// <summary>
/// Ironic's <c>[dhcp]</c> section, a driver section of <see cref="ConductorOptions.DriverSections"/>.
/// It holds no option IronicCore simulates: carried, it makes <see cref="ConductorOptions.FromNames"/>
/// refuse the DHCP provider by name as not simulated rather than as unknown.
/// </summary>
[NotSimulatedOption("dhcp_provider", "it picks whom Ironic sends the PXE boot options to (neutron, dnsmasq, none), and the simulated PXE network answers every client from its own lease pool whatever the provider.")]
[IronicSection("dhcp")]
public sealed class DhcpOptions : OptionSection;
