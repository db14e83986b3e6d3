namespace IronicCore.Drivers;

/// <summary>
/// Ironic's <c>noop</c> management interface: the machine's boot order was set up by hand so
/// that it boots what Ironic prepares (the ramdisk, or the instance on its disk); setting a
/// boot device always succeeds, and the simulated machine boots what was asked.
/// </summary>
internal sealed class NoopManagement : IManagementInterface
{
    public static readonly NoopManagement Instance = new();

    public string Name => "noop";

    public void Validate(DriverTask task)
    {
    }

    public void SetBootDevice(DriverTask task, BootDevice device, bool persistent) => task.Machine.BootDevice = device;
}
