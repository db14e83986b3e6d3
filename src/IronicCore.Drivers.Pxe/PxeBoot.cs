using System.Collections.Immutable;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Persistence;
using MessagePack;

namespace IronicCore.Drivers.Pxe;

/// <summary>
/// Ironic's <c>pxe</c> or <c>ipxe</c> boot interface (<c>pxe_base.PXEBaseMixin</c>, with
/// <c>ipxe_enabled</c> for <c>ipxe</c>): preparing the ramdisk leases an address and writes the DHCP
/// boot options and the node's boot configuration; cleaning up removes both. Preparing the
/// instance (local boot) removes the ramdisk's configuration; the management interface then sets
/// the boot device to disk. A network's two interfaces share its leases and boot configurations
/// (<paramref name="sibling"/>): they differ in the boot file DHCP names and in iPXE's need for
/// <c>[deploy] http_url</c>, which <see cref="Validate"/> checks.
/// </summary>
internal sealed class PxeBoot(PxeNetworkOptions options, Conductor conductor, bool ipxe, PxeBoot? sibling = null) : IBootInterface
{
    private readonly List<bool> prepared = sibling?.prepared ?? [];

    public DhcpLeasePool Leases { get; } = sibling?.Leases ?? new(options);

    public string Name => ipxe ? "ipxe" : "pxe";

    public bool SupportsRescue => true;

    /// <summary>The network's <c>ipxe</c> and <c>pxe</c> interfaces, in Ironic's order; set by the network.</summary>
    public ImmutableArray<IBootInterface> Family { get; set; }

    /// <summary>
    /// Ironic's <c>validate</c> as far as the simulation carries it: the boot mode, and for iPXE
    /// <c>_validate_common</c>'s check that the conductor has an HTTP server to serve the iPXE
    /// script from (Ironic's <c>http_root</c> defaults to <c>/httpboot</c>, so <c>http_url</c>
    /// decides). The port Ironic requires is not checked (the oracle stubs PXE validation).
    /// </summary>
    public void Validate(DriverTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (ipxe && string.IsNullOrEmpty(conductor.Options.Deploy.HttpUrl))
        {
            throw new MissingParameterValueException("iPXE boot is enabled but no HTTP URL or HTTP root was specified");
        }

        ValidateBootMode(task);
    }

    public void PrepareRamdisk(DriverTask task)
    {
        // pxe_base.prepare_ramdisk does not call validate: only the boot mode matters here.
        ValidateBootMode(task);
        Leases.Acquire(task.Slot, task.Now);
        while (prepared.Count <= task.Slot)
        {
            prepared.Add(false);
        }

        prepared[task.Slot] = true;
    }

    public void CleanUpRamdisk(DriverTask task)
    {
        if (task.Slot < prepared.Count)
        {
            prepared[task.Slot] = false;
        }

        Leases.Release(task.Slot);
    }

    public void PrepareInstance(DriverTask task) => CleanUpRamdisk(task);

    public void CleanUpInstance(DriverTask task)
    {
    }

    /// <summary>In a snapshot: which slots have their ramdisk prepared, then the leases.</summary>
    public void Write(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(2);
        writer.WriteArrayHeader(prepared.Count);
        foreach (var ready in prepared)
        {
            writer.Write(ready);
        }

        Leases.Write(ref writer);
    }

    /// <summary>What <see cref="Write"/> wrote, into this new boot interface.</summary>
    public void Read(ref MessagePackReader reader)
    {
        SnapshotCodec.Expect(ref reader, 2, "a PXE boot interface");
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            prepared.Add(reader.ReadBoolean());
        }

        Leases.Read(ref reader);
    }

    /// <summary>The node's boot configuration while its ramdisk is prepared, else null.</summary>
    public PxeBootConfig? ConfigOf(DriverTask task)
    {
        if (task.Slot >= prepared.Count || !prepared[task.Slot] || Leases.AddressOf(task.Slot) is not { } address)
        {
            return null;
        }

        var directory = $"/tftpboot/{task.NodeUuid}";
        return new PxeBootConfig(
            address.ToString(),
            options.NextServer,
            BootFile(ipxe, BootMode(task), task.DriverInfo.GetValueOrDefault("cpu_arch", "x86_64")),
            task.DriverInfo.GetValueOrDefault("deploy_kernel", $"{directory}/deploy_kernel"),
            task.DriverInfo.GetValueOrDefault("deploy_ramdisk", $"{directory}/deploy_ramdisk"));
    }

    /// <summary>
    /// Ironic's boot file defaults (<c>[pxe] pxe_bootfile_name</c>, <c>uefi_pxe_bootfile_name</c>,
    /// <c>ipxe_bootfile_name</c>, <c>uefi_ipxe_bootfile_name</c>) for a plain PXE client; with iPXE
    /// that binary then fetches the script at <c>[deploy] http_url</c>.
    /// </summary>
    private static string BootFile(bool ipxe, string mode, string arch) => (ipxe, mode, arch) switch
    {
        (true, "bios", _) => "undionly.kpxe",
        (true, _, _) => "snponly.efi",
        (false, "bios", _) => "pxelinux.0",
        (false, _, "aarch64") => "grubaa64.efi",
        _ => "bootx64.efi",
    };

    private static void ValidateBootMode(DriverTask task)
    {
        var mode = BootMode(task);
        if (mode is not ("uefi" or "bios"))
        {
            throw new InvalidParameterValueException("boot_mode", mode, ["bios", "uefi"]);
        }
    }

    /// <summary>The node's firmware: <c>driver_info.boot_mode</c> here (the simulator keeps no properties), else Ironic's <c>[deploy] default_boot_mode</c>, uefi.</summary>
    private static string BootMode(DriverTask task) => task.DriverInfo.GetValueOrDefault("boot_mode", "uefi");
}
