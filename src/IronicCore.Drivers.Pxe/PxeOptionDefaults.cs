namespace IronicCore.Drivers.Pxe;

/// <summary>Ironic's <c>[pxe]</c> and <c>[dhcp]</c> defaults, in one place (master, commit <c>7bc6aba7</c>; 21.4 has the same).</summary>
internal static class PxeOptionDefaults
{
    // [pxe]
    public static readonly TimeSpan BootRetryCheckInterval = TimeSpan.FromSeconds(90);

    // [dhcp]
    public const DhcpProvider Dhcp = DhcpProvider.Neutron;
}
