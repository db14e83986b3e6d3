using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Drivers;

/// <summary>
/// Ironic's <c>agent</c> rescue interface (<c>AgentRescue</c>): the machine boots the rescue
/// ramdisk in place of its instance, and the agent's first heartbeat in <c>rescue wait</c>
/// finalizes the rescue; unrescue boots the instance again. It needs a boot interface that can
/// boot the rescue ramdisk.
/// </summary>
internal sealed class AgentRescue : IRescueInterface
{
    public static readonly AgentRescue Instance = new();

    private AgentRescue()
    {
    }

    public string Name => "agent";

    public void Validate(DriverTask task)
    {
        if (!task.Driver.Boot.SupportsRescue)
        {
            // The boot interface's validate_rescue, which a boot interface without rescue does not implement.
            throw new InstanceRescueFailureException(
                task.Node.InstanceUuid, task.NodeUuid,
                $"Validation failed: Driver {task.Driver.Driver} does not support validate_rescue (disabled or not implemented).");
        }
    }

    /// <summary>
    /// Off, the rescue ramdisk's boot prepared, on: then <c>rescue wait</c>. What fails here (the
    /// ramdisk's boot, a power action) is the conductor's <c>_do_node_rescue</c> to handle.
    /// </summary>
    public ProvisionEvent Rescue(DriverTask task, IConductorUtils conductor)
    {
        var node = task.Node;
        conductor.PowerOffToChangeBoot(node);
        task.Driver.Boot.CleanUpInstance(task);
        conductor.PrepareRamdisk(node);
        conductor.PowerOnAfterBootChange(node);
        return ProvisionEvent.Wait;
    }

    /// <summary>Off, the instance's boot back, on.</summary>
    public void Unrescue(DriverTask task, IConductorUtils conductor)
    {
        conductor.PowerOffToChangeBoot(task.Node);

        // Unrescue asks the boot interface alone to boot the instance, with no configure_local_boot
        // as a deploy has: PXE's prepare_instance sets the boot device to disk, fake boot does
        // nothing, so fake management is never asked (ironic/drivers/modules/agent.py AgentRescue.unrescue).
        task.Driver.Boot.PrepareInstance(task);
        if (task.Driver.Boot is not Fake.FakeBoot)
        {
            task.Driver.Management.SetBootDevice(task, BootDevice.Disk, persistent: true);
        }

        conductor.PowerOnAfterBootChange(task.Node);
    }
}
