using IronicCore.Simulation;
using IronicCore.States;

namespace IronicCore.Drivers;

/// <summary>
/// What every node's <see cref="DriverTask"/> of one conductor reaches beyond its node: the clock
/// and the conductor's callbacks. One instance per conductor that each task points to, rather
/// than five references copied into each of a million tasks (32 bytes a node).
/// </summary>
/// <param name="Clock">The conductor's virtual clock.</param>
/// <param name="ImageDownloaded">A task's image download ended (with the agent's error, if any).</param>
/// <param name="RamdiskFetched">A task's machine has fetched the agent's kernel and ramdisk.</param>
/// <param name="PowerAction">A driver's call of Ironic's <c>node_power_action</c>.</param>
/// <param name="StepResumed">A driver's poll found what a task's waiting step waited for, or (with an error) that it failed.</param>
/// <param name="IsFastTrack">Ironic's <c>is_fast_track</c> for a task's node.</param>
internal sealed record DriverTaskHost(
    SimulationClock Clock,
    Action<DriverTask, string?> ImageDownloaded,
    Action<DriverTask> RamdiskFetched,
    Action<DriverTask, PowerState> PowerAction,
    Action<DriverTask, string?> StepResumed,
    Func<DriverTask, bool> IsFastTrack);
