using IronicCore.Conducting;
using IronicCore.Configuration;
using IronicCore.Drivers;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore;

/// <summary>
/// The boot device through the node's management interface (Ironic's <c>set_boot_device</c>,
/// <c>get_boot_device</c>, <c>get_supported_boot_devices</c> RPCs). Ironic's API waits for these
/// calls; here they are answered at once, the BMC's time charged to no worker.
/// </summary>
public sealed partial class Conductor
{
    /// <summary>Sets the boot device (<c>PUT /v1/nodes/{ident}/management/boot_device</c>): exclusive lock, the interface's validation, then the interface.</summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="device">Ironic's name of the device, e.g. <c>pxe</c>.</param>
    /// <param name="persistent">For every boot rather than the next one.</param>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="NodeLockedException">The node is reserved.</exception>
    /// <exception cref="InvalidParameterValueException">The device is unknown or not supported, or <c>driver_info</c> is invalid.</exception>
    /// <exception cref="MissingParameterValueException"><c>driver_info</c> lacks what the interface needs.</exception>
    /// <exception cref="IronicException">The BMC did not answer: the management interface's own error, e.g. ipmitool's <c>IPMIFailure</c>.</exception>
    public void SetBootDevice(string ident, string device, bool persistent)
    {
        var node = Find(ident);
        EnsureUnlocked(node);
        var task = ManagementTask(node);
        node.Hardware.Management.Validate(task);

        // A name that is no boot device reaches the interface in Ironic, which refuses it in these words.
        var known = IronicNames.TryParse<BootDevice>(device, out var parsed)
            ? parsed
            : throw new InvalidParameterValueException($"Invalid boot device {device} specified.");
        node.Hardware.Management.SetBootDevice(task, known, persistent);
    }

    /// <summary>The boot device as the management interface reports it (<c>GET .../management/boot_device</c>): exclusive lock, validation, then the interface.</summary>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="NodeLockedException">The node is reserved.</exception>
    /// <exception cref="InvalidParameterValueException"><c>driver_info</c> is invalid.</exception>
    /// <exception cref="MissingParameterValueException"><c>driver_info</c> lacks what the interface needs.</exception>
    /// <exception cref="IronicException">The BMC did not answer: the management interface's own error, e.g. ipmitool's <c>IPMIFailure</c>.</exception>
    public BootDeviceSetting GetBootDevice(string ident)
    {
        var node = Find(ident);
        EnsureUnlocked(node);
        var task = ManagementTask(node);
        node.Hardware.Management.Validate(task);
        return node.Hardware.Management.GetBootDevice(task);
    }

    /// <summary>The boot devices the node's management interface can set (<c>GET .../boot_device/supported</c>): a shared lock, so a reserved node answers too.</summary>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    public IReadOnlyList<BootDevice> GetSupportedBootDevices(string ident)
    {
        var node = Find(ident);
        return node.Hardware.Management.GetSupportedBootDevices(TaskOf(node));
    }

    /// <summary>The node's task for a call outside any worker: the node is unlocked, so its time line starts now.</summary>
    private DriverTask ManagementTask(Node node)
    {
        var task = TaskOf(node);
        task.Begin();
        return task;
    }
}
