using IronicCore.States;

namespace IronicCore.Drivers;

/// <summary>
/// Ironic's <c>noop</c> management interface: the machine's boot order was set up by hand so
/// that it boots what Ironic prepares (the ramdisk, or the instance on its disk); setting a
/// boot device to PXE or disk succeeds (the simulated machine boots what was asked), any other
/// is refused; it always reports PXE, persistent.
/// </summary>
internal sealed class NoopManagement : IManagementInterface
{
    public static readonly NoopManagement Instance = new();

    public string Name => "noop";

    public void Validate(DriverTask task)
    {
    }

    private static readonly BootDevice[] Supported = [BootDevice.Pxe, BootDevice.Disk];

    public IReadOnlyList<BootDevice> GetSupportedBootDevices(DriverTask task) => Supported;

    public BootDeviceSetting GetBootDevice(DriverTask task) => new(BootDevice.Pxe, true);

    public void SetBootDevice(DriverTask task, BootDevice device, bool persistent)
    {
        if (!Supported.Contains(device))
        {
            throw new Errors.InvalidParameterValueException(
                $"Invalid boot device {device.ToIronicName()} specified, supported are {string.Join(", ", Supported.Select(d => d.ToIronicName()))}.");
        }

        task.Machine.BootDevice = device;
    }
}
