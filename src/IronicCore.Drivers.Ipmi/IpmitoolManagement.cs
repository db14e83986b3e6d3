using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Drivers.Ipmi;

/// <summary>
/// Ironic's <c>ipmitool</c> management interface (<c>IPMIManagement</c>): the boot device and NMI;
/// like Ironic's it has no boot mode or secure boot calls, so those keep the base refusal.
/// </summary>
internal sealed class IpmitoolManagement(Ipmitool ipmitool) : IManagementInterface
{
    public string Name => "ipmitool";

    public void Validate(DriverTask task) => ipmitool.InfoOf(task);

    /// <summary>Ironic's <c>BOOT_DEVICE_HEXA_MAP</c>: what <c>chassis bootdev</c> can set.</summary>
    private static readonly BootDevice[] Supported = [BootDevice.Pxe, BootDevice.Disk, BootDevice.Cdrom, BootDevice.Bios, BootDevice.Safe];

    public IReadOnlyList<BootDevice> GetSupportedBootDevices(DriverTask task) => Supported;

    /// <summary>The boot flags parameter (5) as the BMC holds it: no device until one was set ("No override").</summary>
    public BootDeviceSetting GetBootDevice(DriverTask task)
    {
        ipmitool.Execute(task, IpmiCommand.BootparamGetBootFlags, IpmiCommand.BootparamGetBootFlags.Text());
        var bmc = ipmitool.BmcOf(task.NodeUuid);
        return new BootDeviceSetting(bmc.BootDevice, bmc.BootDevice is not null && bmc.BootDevicePersistent);
    }

    public void SetBootDevice(DriverTask task, BootDevice device, bool persistent)
    {
        if (!Supported.Contains(device))
        {
            throw new InvalidParameterValueException($"Invalid boot device {device.ToIronicName()} specified.");
        }

        var info = ipmitool.InfoOf(task);

        // Without this raw command the BMC forgets the boot device after 60 s (IPMI spec).
        if (info.DisableBootTimeout ?? ipmitool.Options.DisableBootTimeout)
        {
            ipmitool.Execute(task, IpmiCommand.DisableBootTimeout, "raw 0x00 0x08 0x03 0x08");
        }

        var command = IpmiCommandExtensions.Bootdev(device, persistent);
        ipmitool.Execute(task, command, command.Text());
    }

    /// <summary>Ironic's <c>inject_nmi</c>: <c>power diag</c>, whose failure is <c>IPMIFailure</c> naming it. The machine's state does not change (the NMI reaches its OS, which is not simulated).</summary>
    public void InjectNmi(DriverTask task) => ipmitool.Execute(task, IpmiCommand.PowerDiag, IpmiCommand.PowerDiag.Text());
}
