using IronicCore.Drivers;
using IronicCore.Errors;
using IronicCore.States;

namespace CustomDriver;

/// <summary>
/// A power interface for machines without a BMC, switched by the outlet of a networked power
/// distribution unit: <c>driver_info.pdu_outlet</c> names the outlet. Switching takes the PDU
/// two seconds, charged to the task's simulated time; a reboot is off, then on.
/// </summary>
public sealed class PduPower : IPowerInterface
{
    private static readonly TimeSpan SwitchTime = TimeSpan.FromSeconds(2);

    public string Name => "pdu";

    public IReadOnlyList<PowerState> SupportedPowerStates { get; } = [PowerState.PowerOn, PowerState.PowerOff, PowerState.Rebooting];

    public void Validate(DriverTask task)
    {
        if (!task.DriverInfo.TryGetValue("pdu_outlet", out var outlet))
        {
            throw new MissingParameterValueException("Missing the following PDU credentials in node's driver_info: ['pdu_outlet'].");
        }

        if (!int.TryParse(outlet, out var number) || number is < 1 or > 48)
        {
            throw new InvalidParameterValueException("pdu_outlet", outlet, []);
        }
    }

    public PowerState? GetPowerState(DriverTask task) => task.Machine.PowerState ?? PowerState.PowerOff;

    public void SetPowerState(DriverTask task, PowerState target, TimeSpan? timeout = null)
    {
        Validate(task);
        if (target is PowerState.PowerOff or PowerState.Rebooting)
        {
            Switch(task, PowerState.PowerOff);
        }

        if (target is PowerState.PowerOn or PowerState.Rebooting)
        {
            Switch(task, PowerState.PowerOn);
        }
    }

    private static void Switch(DriverTask task, PowerState state)
    {
        if (!task.Machine.Reachable)
        {
            throw new PowerStateFailureException(state.ToIronicName());
        }

        task.Wait(SwitchTime);
        task.Machine.SetPowerState(state);
    }
}
