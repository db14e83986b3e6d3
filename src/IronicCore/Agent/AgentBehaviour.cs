using System.Collections.Immutable;

namespace IronicCore.Agent;

/// <summary>
/// How simulated ramdisk agents behave when they run on their own (a fleet run), rather than
/// one scripted step at a time (a scenario): how long they take to boot, how long their steps
/// take, and the faults injected at a rate. Heartbeat intervals follow Ironic: every 0.3 to
/// 0.6 × <c>[api] ramdisk_heartbeat_timeout</c>, never under 5 s. Immutable.
/// </summary>
public sealed record AgentBehaviour
{
    /// <summary>
    /// From power-on to the agent's lookup (PXE, kernel, ramdisk). When the hardware type has an
    /// <see cref="Drivers.IImageTransfer"/>, the kernel and ramdisk are fetched over its link first
    /// and this counts from their arrival. Default 90 s.
    /// </summary>
    public TimeSpan BootTime { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>How long a step takes, by name; others take <see cref="DefaultStepDuration"/>. Each run is drawn uniformly from 0.5 to 1.5 × this.</summary>
    public ImmutableDictionary<string, TimeSpan> StepDurations { get; init; } = ImmutableDictionary<string, TimeSpan>.Empty
        .Add("erase_devices_metadata", TimeSpan.FromSeconds(30))
        .Add("erase_devices", TimeSpan.FromMinutes(40))
        .Add("write_image", TimeSpan.FromMinutes(5));

    /// <summary>How long a step not in <see cref="StepDurations"/> takes. Default 60 s.</summary>
    public TimeSpan DefaultStepDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Probability that the agent never comes up after a power-on. Default 0.</summary>
    public double NeverBootsProbability { get; init; }

    /// <summary>Probability that a step fails (the command reports FAILED). Default 0.</summary>
    public double StepFailsProbability { get; init; }

    /// <summary>Probability that a step hangs (stays RUNNING forever). Default 0.</summary>
    public double StepHangsProbability { get; init; }

    /// <summary>Probability that the agent dies during a step (stops heartbeating). Default 0.</summary>
    public double DiesMidStepProbability { get; init; }

    /// <summary>Probability that one heartbeat is lost on the way. Default 0.</summary>
    public double HeartbeatLossProbability { get; init; }

    /// <summary>Probability that one heartbeat arrives late, by <see cref="HeartbeatDelay"/>. Default 0.</summary>
    public double HeartbeatDelayProbability { get; init; }

    /// <summary>How late a delayed heartbeat arrives. Default 60 s.</summary>
    public TimeSpan HeartbeatDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Ironic's agent heartbeat interval for a <c>ramdisk_heartbeat_timeout</c>: its 0.3 to 0.6, at least 5 s.</summary>
    internal static TimeSpan HeartbeatInterval(TimeSpan timeout, double unit) =>
        TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(5).Ticks, (long)(timeout.Ticks * (0.3 + (0.3 * unit)))));

    /// <summary>The duration of one run of <paramref name="step"/>, drawn with <paramref name="unit"/> in [0, 1).</summary>
    internal TimeSpan StepDuration(string step, double unit) =>
        TimeSpan.FromTicks((long)(StepDurations.GetValueOrDefault(step, DefaultStepDuration).Ticks * (0.5 + unit)));
}
