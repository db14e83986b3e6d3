namespace IronicCore.Drivers.Pxe;

/// <summary>
/// What the boot interface wrote for one node: the DHCP boot options and the boot configuration
/// (Ironic's per-node PXE config file with the agent's kernel and ramdisk).
/// </summary>
/// <param name="Address">The node's leased address on the provisioning network.</param>
/// <param name="NextServer">DHCP <c>next-server</c>: the TFTP server.</param>
/// <param name="BootFile">DHCP <c>bootfile-name</c>, by firmware and architecture (or the iPXE script for iPXE clients).</param>
/// <param name="Kernel">The agent's kernel, as the boot configuration names it.</param>
/// <param name="Ramdisk">The agent's ramdisk, as the boot configuration names it.</param>
public sealed record PxeBootConfig(string Address, string NextServer, string BootFile, string Kernel, string Ramdisk);
