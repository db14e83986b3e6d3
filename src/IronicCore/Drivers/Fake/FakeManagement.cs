using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Drivers.Fake;

/// <summary>
/// Ironic's <c>fake</c> management interface: it knows the PXE boot device only, so setting the
/// boot device to disk (a direct deploy's <c>prepare_instance_boot</c>) fails, as in Ironic 21.4;
/// it always reports PXE, not persistent, whatever was set.
/// </summary>
internal sealed class FakeManagement : IManagementInterface
{
    public static readonly FakeManagement Instance = new();

    public string Name => "fake";

    public void Validate(DriverTask task)
    {
    }

    public IReadOnlyList<BootDevice> GetSupportedBootDevices(DriverTask task) => [BootDevice.Pxe];

    public BootDeviceSetting GetBootDevice(DriverTask task) => new(BootDevice.Pxe, false);

    public void SetBootDevice(DriverTask task, BootDevice device, bool persistent)
    {
        if (device != BootDevice.Pxe)
        {
            throw new InvalidParameterValueException($"Invalid boot device {device.ToIronicName()} specified.");
        }
    }
}
