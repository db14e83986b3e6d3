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

    /// <summary>
    /// The step started work that the interface's own poll follows (Ironic's
    /// <c>set_async_step_flags(reboot=True, skip_current_step=True, polling=True)</c> then
    /// <c>reboot_to_finish_step</c>): the conductor boots the ramdisk again (unless the operation
    /// runs without it), reboots the machine and waits; heartbeats leave the step alone; the poll
    /// ends it with <see cref="DriverTask.ResumeStep"/> (the next step runs) or
    /// <see cref="DriverTask.FailStep"/>.
    /// </summary>
    RebootToPoll,

    /// <summary>
    /// As <see cref="RebootToPoll"/> without the reboot (master's firmware updates that reboot, if
    /// at all, from their poll): the node waits.
    /// </summary>
    Poll,
}
