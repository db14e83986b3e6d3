using IronicCore.States;

namespace IronicCore.Drivers;

/// <summary>
/// A node's power interface (Ironic's <c>PowerInterface</c>): reads and changes the machine's
/// power. Calls run on the simulation's thread; time spent talking to the BMC is charged with
/// <see cref="DriverTask.Wait"/>. Failures are Ironic's typed errors.
/// </summary>
public interface IPowerInterface
{
    /// <summary>The interface's name, e.g. <c>fake</c> or <c>ipmitool</c>.</summary>
    string Name { get; }

    /// <summary>The targets <see cref="SetPowerState"/> accepts (Ironic's <c>get_supported_power_states</c>).</summary>
    IReadOnlyList<PowerState> SupportedPowerStates { get; }

    /// <summary>Checks the node's <c>driver_info</c> without contacting the BMC; throws <c>InvalidParameterValue</c> or <c>MissingParameterValue</c>.</summary>
    void Validate(DriverTask task);

    /// <summary>Reads the power state from the BMC: on, off, or <see cref="PowerState.Error"/> when the answer makes no sense.</summary>
    /// <exception cref="Errors.IronicException">The BMC did not answer: the interface's own error, e.g. ipmitool's <c>IPMIFailure</c>.</exception>
    PowerState? GetPowerState(DriverTask task);

    /// <summary>
    /// Drives the machine to <paramref name="target"/> and waits until it is there (a reboot turns
    /// it off, then on).
    /// </summary>
    /// <param name="task">The node.</param>
    /// <param name="target">One of <see cref="SupportedPowerStates"/>.</param>
    /// <param name="timeout">How long to wait for the state to change; null for the interface's default.</param>
    /// <exception cref="Errors.PowerStateFailureException">The machine did not reach the target in time.</exception>
    void SetPowerState(DriverTask task, PowerState target, TimeSpan? timeout = null);
}
