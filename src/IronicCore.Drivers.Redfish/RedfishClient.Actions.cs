using IronicCore.States;

namespace IronicCore.Drivers.Redfish;

/// <content>The BMC's actions and writes, as the simulated BMC carries them out or fails them.</content>
internal sealed partial class RedfishClient
{
    /// <summary><c>ComputerSystem.Reset</c>: the machine obeys at once, or the BMC answers 500 under <see cref="RedfishSystem.ResetFails"/>.</summary>
    /// <exception cref="SushyHttpErrorException">The BMC failed the reset.</exception>
    public void Reset(DriverTask task, RedfishSystem system, RedfishResetType type)
    {
        Charge(task, behaviour.RequestLatency);
        if (system.ResetFails)
        {
            throw new SushyHttpErrorException("ServerSideError", SushyErrors.Http(
                "POST", Url(system, $"Systems/{system.Id}/Actions/ComputerSystem.Reset"), 500, "Base.1.8.InternalError", "The BMC failed to perform the reset."));
        }

        var machine = system.Machine;
        var on = system.PowerState == PowerState.PowerOn;
        switch (type)
        {
            case RedfishResetType.On when !on:
                machine.SetPowerState(PowerState.PowerOn);
                break;
            case RedfishResetType.ForceOff or RedfishResetType.GracefulShutdown when on:
                machine.SetPowerState(PowerState.PowerOff);
                break;
            case RedfishResetType.ForceRestart or RedfishResetType.GracefulRestart:
                machine.SetPowerState(PowerState.PowerOff);
                machine.SetPowerState(PowerState.PowerOn);
                break;
        }
    }

    /// <summary>A <c>PATCH</c> of the system's <c>Boot</c> object.</summary>
    public void SetBootOverride(DriverTask task, RedfishSystem system, RedfishBootSourceTarget target, RedfishBootSourceOverrideEnabled enabled)
    {
        Charge(task, behaviour.RequestLatency);
        system.BootSourceOverrideTarget = target;
        system.BootSourceOverrideEnabled = enabled;
        task.Machine.BootDevice = target switch
        {
            RedfishBootSourceTarget.Pxe => BootDevice.Pxe,
            RedfishBootSourceTarget.Cd => BootDevice.Cdrom,
            RedfishBootSourceTarget.Hdd => BootDevice.Disk,
            RedfishBootSourceTarget.BiosSetup => BootDevice.Bios,
            _ => null,
        };
    }

    /// <summary><c>VirtualMedia.InsertMedia</c>, or the BMC's 500 under <see cref="RedfishSystem.InsertMediaFails"/>.</summary>
    /// <exception cref="SushyHttpErrorException">The BMC failed to mount the image.</exception>
    public void InsertMedia(DriverTask task, RedfishSystem system, RedfishVirtualMediaDevice device, string image)
    {
        Charge(task, behaviour.RequestLatency);
        if (system.InsertMediaFails)
        {
            throw new SushyHttpErrorException("ServerSideError", SushyErrors.Http(
                "POST", Url(system, $"Managers/{system.Id}/VirtualMedia/{device}/Actions/VirtualMedia.InsertMedia"), 500, "Base.1.8.InternalError", "The BMC failed to mount the image."));
        }

        system.GetVirtualMedia(device).Insert(image, writeProtected: true);
    }

    /// <summary><c>VirtualMedia.EjectMedia</c> of a slot with media in it (Ironic ejects only those).</summary>
    public void EjectMedia(DriverTask task, RedfishSystem system, RedfishVirtualMediaDevice device)
    {
        var slot = system.GetVirtualMedia(device);
        if (slot.Inserted)
        {
            Charge(task, behaviour.RequestLatency);
            slot.Eject();
        }
    }
}
