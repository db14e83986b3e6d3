namespace IronicCore.Drivers.Ipmi;

/// <summary>
/// How simulated BMCs take their time: each command's latency with seeded jitter, and the
/// durations the faults use. Immutable.
/// </summary>
public sealed record BmcBehaviour
{
    /// <summary>
    /// Commands and waits take no simulated time, as with the oracle's BMC double (Ironic's
    /// sleeps skipped): a scenario's power actions finish within the step that asks for them.
    /// </summary>
    public static BmcBehaviour Instant { get; } = new() { Timed = false };

    /// <summary>Whether commands, command spacing and power-change polling take simulated time. Default true.</summary>
    public bool Timed { get; init; } = true;

    /// <summary>How long a BMC takes to answer one command. Default 200 ms.</summary>
    public TimeSpan CommandLatency { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Each answer takes up to this much more or less than <see cref="CommandLatency"/>, drawn uniformly. Default 100 ms.</summary>
    public TimeSpan CommandJitter { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long an unanswered command waits before ipmitool gives up on it. Default 5 s.</summary>
    public TimeSpan SessionTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The extra time of every command under <see cref="BmcFault.Slow"/>. Default 20 s.</summary>
    public TimeSpan SlowLatency { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a BMC is gone after <see cref="BmcFault.ResetMidCommand"/>. Default 30 s.</summary>
    public TimeSpan ResetDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The half-period of <see cref="BmcFault.Flapping"/>: answering for this long, then silent for as long. Default 30 s.</summary>
    public TimeSpan FlapPeriod { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether each BMC keeps a log of its commands (<see cref="SimulatedBmc.Commands"/>); off by default, as it allocates per command.</summary>
    public bool RecordCommands { get; init; }
}
