using IronicCore.Simulation;
using IronicCore.States;

namespace IronicCore.Drivers;

/// <summary>
/// What every <see cref="SimulatedMachine"/> of one conductor reaches beyond itself: one instance
/// per conductor that each machine points to, rather than three references copied into each of a
/// million machines (16 bytes a node).
/// </summary>
/// <param name="BootAgent">Boots a machine's agent when it powers on.</param>
/// <param name="RecordedPowerState">The power state the conductor recorded for a slot's node, which fake power echoes until the machine is tracked.</param>
/// <param name="PowerSyncQuiet">The conductor's slots whose power sync is known to change nothing: any change of a machine's power or BMC takes its slot out.</param>
internal sealed record MachineHost(Action<SimulatedMachine> BootAgent, Func<int, PowerState?> RecordedPowerState, SlotFlags PowerSyncQuiet);
