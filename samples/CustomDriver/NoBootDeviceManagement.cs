using IronicCore;
using IronicCore.Configuration;
using IronicCore.Drivers;
using IronicCore.Errors;

namespace CustomDriver;

/// <summary>
/// A PDU cannot choose the boot device: the machines' firmware tries the network first, then
/// the disk, so asking for either is fine and anything else is refused.
/// </summary>
public sealed class NoBootDeviceManagement : IManagementInterface
{
    public string Name => "noop";

    public void Validate(DriverTask task)
    {
    }

    public IReadOnlyList<BootDevice> GetSupportedBootDevices(DriverTask task) => [BootDevice.Pxe, BootDevice.Disk];

    // The firmware's order never changes: the network first, for every boot.
    public BootDeviceSetting GetBootDevice(DriverTask task) => new(BootDevice.Pxe, true);

    public void SetBootDevice(DriverTask task, BootDevice device, bool persistent)
    {
        if (device is not (BootDevice.Pxe or BootDevice.Disk))
        {
            throw new InvalidParameterValueException($"Invalid boot device {device} specified.");
        }
    }
}
