namespace IronicCore.Drivers.Ipmi;

/// <summary>One command a <see cref="SimulatedBmc"/> received (with <see cref="BmcBehaviour.RecordCommands"/>).</summary>
/// <param name="At">When the command reached the BMC (simulated time).</param>
/// <param name="Command">The ipmitool command, e.g. <c>power status</c>.</param>
/// <param name="Answered">Whether the BMC answered it successfully.</param>
public readonly record struct BmcCommandRecord(DateTimeOffset At, string Command, bool Answered);
