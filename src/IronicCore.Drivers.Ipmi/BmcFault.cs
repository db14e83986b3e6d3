namespace IronicCore.Drivers.Ipmi;

/// <summary>
/// Faults a <see cref="SimulatedBmc"/> can be given; they combine. An unreachable BMC is the
/// machine's own <see cref="SimulatedMachine.Reachable"/> flag.
/// </summary>
[Flags]
public enum BmcFault
{
    /// <summary>The BMC behaves.</summary>
    None = 0,

    /// <summary>Every command takes <see cref="BmcBehaviour.SlowLatency"/> longer.</summary>
    Slow = 1,

    /// <summary>The BMC refuses the node's credentials: every session fails (not a transient error).</summary>
    WrongCredentials = 2,

    /// <summary>Power commands are acknowledged but the machine's power never changes.</summary>
    PowerActionIgnored = 4,

    /// <summary>The BMC resets during the next command: that command fails, and every command fails for <see cref="BmcBehaviour.ResetDuration"/>; the fault then clears itself.</summary>
    ResetMidCommand = 8,

    /// <summary>The BMC answers and stops answering in turns of <see cref="BmcBehaviour.FlapPeriod"/>.</summary>
    Flapping = 16,
}
