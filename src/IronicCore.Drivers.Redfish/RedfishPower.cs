using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// Ironic's <c>redfish</c> power interface (<c>RedfishPower</c>): the system's <c>PowerState</c>, and
/// its <c>ComputerSystem.Reset</c> action (<c>On</c>, <c>ForceOff</c>, <c>ForceRestart</c>,
/// <c>GracefulRestart</c>, <c>GracefulShutdown</c>), then a wait for the state; a reboot of a machine
/// that is on powers it off, then on.
/// </summary>
internal sealed class RedfishPower(RedfishClient client) : IPowerInterface
{
    public string Name => "redfish";

    /// <summary>Ironic's <c>SET_POWER_STATE_MAP</c>, in its order.</summary>
    public IReadOnlyList<PowerState> SupportedPowerStates { get; } =
        [PowerState.PowerOn, PowerState.PowerOff, PowerState.Rebooting, PowerState.SoftRebooting, PowerState.SoftPowerOff];

    public void Validate(DriverTask task) => client.InfoOf(task);

    public PowerState? GetPowerState(DriverTask task) => client.GetSystem(task).PowerState;

    public void SetPowerState(DriverTask task, PowerState target, TimeSpan? timeout = null)
    {
        var system = client.GetSystem(task);
        if (target == PowerState.Rebooting)
        {
            Reboot(task, system, timeout);
            return;
        }

        if (!SupportedPowerStates.Contains(target))
        {
            throw new InvalidParameterValueException($"set_power_state called with invalid power state {target.ToIronicName()}.");
        }

        try
        {
            Reset(task, system, target, timeout);
        }
        catch (SushyHttpErrorException error) when (client.Release == IronicRelease.Release21_4)
        {
            // 21.4 words every sushy failure; later releases let an HTTP error through as sushy raised it.
            throw new RedfishErrorException($"Setting power state to {target.ToIronicName()} failed for node {task.NodeUuid}. Error: {error.Message}");
        }
    }

    /// <summary>Ironic's <c>reboot</c>: off first when the machine is on, then on; a failure names the state it was going to.</summary>
    private void Reboot(DriverTask task, RedfishSystem system, TimeSpan? timeout)
    {
        var next = PowerState.PowerOn;
        try
        {
            if (system.PowerState == PowerState.PowerOn)
            {
                next = PowerState.PowerOff;
                Reset(task, system, PowerState.PowerOff, timeout);
                next = PowerState.PowerOn;
            }

            Reset(task, system, PowerState.PowerOn, timeout);
        }
        catch (SushyHttpErrorException error)
        {
            throw new RedfishErrorException($"Reboot failed for node {task.NodeUuid} when setting power state to {next.ToIronicName()}. Error: {error.Message}");
        }
    }

    /// <summary>Ironic's <c>_set_power_state</c>: the reset, then <c>node_wait_for_power_state</c> (immediate: the machine obeys at once).</summary>
    private void Reset(DriverTask task, RedfishSystem system, PowerState target, TimeSpan? timeout)
    {
        client.Reset(task, system, target switch
        {
            PowerState.PowerOn => RedfishResetType.On,
            PowerState.PowerOff => RedfishResetType.ForceOff,
            PowerState.SoftRebooting => RedfishResetType.GracefulRestart,
            _ => RedfishResetType.GracefulShutdown,
        });
        var expected = target is PowerState.PowerOn or PowerState.SoftRebooting ? PowerState.PowerOn : PowerState.PowerOff;
        if (system.PowerState != expected)
        {
            client.Charge(task, timeout ?? client.ConductorOptions.PowerStateChangeTimeout);
            throw new PowerStateFailureException(expected.ToIronicName());
        }
    }
}
