namespace IronicCore.Drivers;

/// <summary>
/// How a driver interface's out-of-band step left the operation (what Ironic's step method returns:
/// nothing, or the wait state after <c>deploy_utils.reboot_to_finish_step</c>).
/// </summary>
public enum DriverStepOutcome
{
    /// <summary>The step is done: the next one runs.</summary>
    Done,

    /// <summary>
    /// The step asked for a reboot and runs again once the machine is back (Ironic's
    /// <c>set_async_step_flags(reboot=True, skip_current_step=False)</c> then
    /// <c>reboot_to_finish_step</c>): the conductor boots the ramdisk again (unless the operation
    /// runs without it), reboots the machine and waits; the agent's next heartbeat after the boot,
    /// or without a ramdisk the interface's own poll (<see cref="DriverTask.ResumeStep"/>),
    /// runs the step again.
    /// </summary>
    RebootToFinish,
}
