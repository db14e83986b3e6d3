namespace IronicCore.Drivers.Ipmi;

/// <summary>Ironic's <c>ipmitool</c> management interface (<c>IPMIManagement</c>): the boot device.</summary>
internal sealed class IpmitoolManagement(Ipmitool ipmitool) : IManagementInterface
{
    public string Name => "ipmitool";

    public void Validate(DriverTask task) => ipmitool.InfoOf(task);

    public void SetBootDevice(DriverTask task, BootDevice device, bool persistent)
    {
        var info = ipmitool.InfoOf(task);

        // Without this raw command the BMC forgets the boot device after 60 s (IPMI spec).
        if (info.DisableBootTimeout ?? ipmitool.Options.DisableBootTimeout)
        {
            ipmitool.Execute(task, IpmiCommand.DisableBootTimeout, "raw 0x00 0x08 0x03 0x08");
        }

        var command = IpmiCommandExtensions.Bootdev(device, persistent);
        ipmitool.Execute(task, command, command.Text());
    }
}
