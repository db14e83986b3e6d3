using IronicCore.States;

namespace IronicCore.Drivers.Fake;

/// <summary>
/// Ironic's <c>fake</c> power interface over a <see cref="SimulatedMachine"/>: it echoes the
/// node's recorded power state until the machine has a state of its own, and fails as the
/// oracle's does while the BMC is unreachable (<see cref="UnreachableBmcException"/>), so power
/// sync and recovery can be exercised.
/// </summary>
internal sealed class FakePower : IPowerInterface
{
    public static readonly FakePower Instance = new();

    public string Name => "fake";

    public IReadOnlyList<PowerState> SupportedPowerStates { get; } =
        [PowerState.PowerOn, PowerState.PowerOff, PowerState.Rebooting, PowerState.SoftRebooting, PowerState.SoftPowerOff];

    public void Validate(DriverTask task)
    {
    }

    public PowerState? GetPowerState(DriverTask task)
    {
        var machine = Reach(task, "power status");
        return machine.Tracked ? machine.PowerState : task.RecordedPowerState;
    }

    public void SetPowerState(DriverTask task, PowerState target, TimeSpan? timeout = null)
    {
        // The oracle's fake power names the failed call after the request: "power reset" for a reboot.
        var machine = Reach(task, target switch
        {
            PowerState.PowerOn => "power power on",
            PowerState.PowerOff => "power power off",
            PowerState.SoftPowerOff => "power soft power off",
            PowerState.SoftRebooting => "power soft rebooting",
            _ => "power reset",
        });
        if (target is PowerState.Rebooting or PowerState.SoftRebooting)
        {
            machine.Reboot();
        }
        else
        {
            machine.Drive(target is PowerState.PowerOff or PowerState.SoftPowerOff ? PowerState.PowerOff : PowerState.PowerOn);
        }
    }

    private static SimulatedMachine Reach(DriverTask task, string command) =>
        task.Machine.Reachable ? task.Machine : throw new UnreachableBmcException(command);
}
