using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Drivers.Ipmi;

/// <summary>Ironic's <c>ipmitool</c> power interface (<c>IPMIPower</c>).</summary>
internal sealed class IpmitoolPower(Ipmitool ipmitool) : IPowerInterface
{
    public string Name => "ipmitool";

    public IReadOnlyList<PowerState> SupportedPowerStates { get; } =
        [PowerState.PowerOn, PowerState.PowerOff, PowerState.Rebooting, PowerState.SoftRebooting, PowerState.SoftPowerOff];

    public void Validate(DriverTask task) => ipmitool.InfoOf(task);

    public PowerState? GetPowerState(DriverTask task) => ipmitool.PowerStatus(task);

    public void SetPowerState(DriverTask task, PowerState target, TimeSpan? timeout = null)
    {
        ipmitool.InfoOf(task);
        switch (target)
        {
            case PowerState.PowerOn:
                PowerOn(task, timeout);
                break;
            case PowerState.PowerOff:
                SetAndWait(task, IpmiCommand.PowerOff, "power off", PowerState.PowerOff, timeout);
                break;
            case PowerState.SoftPowerOff:
                SoftPowerOff(task, timeout);
                break;
            case PowerState.SoftRebooting:
                SoftPowerOff(task, timeout);
                PowerOn(task, timeout);
                break;
            case PowerState.Rebooting:
                // Ironic's reboot: some BMCs refuse to power off a machine that is off.
                if (ipmitool.PowerStatus(task) != PowerState.PowerOff)
                {
                    SetAndWait(task, IpmiCommand.PowerOff, "power off", PowerState.PowerOff, timeout);
                }

                PowerOn(task, timeout);
                break;
            default:
                throw new InvalidParameterValueException($"set_power_state called with invalid power state {target.ToIronicName()}.");
        }
    }

    private void PowerOn(DriverTask task, TimeSpan? timeout) =>
        SetAndWait(task, IpmiCommand.PowerOn, "power on", PowerState.PowerOn, timeout);

    private void SoftPowerOff(DriverTask task, TimeSpan? timeout) =>
        SetAndWait(task, IpmiCommand.PowerSoft, "power soft", PowerState.PowerOff, timeout ?? ipmitool.ConductorOptions.SoftPowerOffTimeout);

    /// <summary>Ironic's <c>_set_and_wait</c>: send the action, then wait for the machine to report the state.</summary>
    private void SetAndWait(DriverTask task, IpmiCommand command, string name, PowerState target, TimeSpan? timeout)
    {
        ipmitool.Execute(task, command, name);
        ipmitool.WaitForPowerState(task, target, timeout ?? ipmitool.ConductorOptions.PowerStateChangeTimeout);
    }
}
