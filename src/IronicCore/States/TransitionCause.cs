using IronicCore.States;

namespace IronicCore.States;

/// <summary>What made a node change state: the journal records it with every transition.</summary>
public enum TransitionCause : byte
{
    /// <summary>An API request, in the part answered before its 202 (e.g. <c>provide</c> moving to <c>cleaning</c>).</summary>
    [IronicName("request")] Request,

    /// <summary>The worker a request spawned (Ironic's background thread), or a power action's.</summary>
    [IronicName("worker")] Worker,

    /// <summary>The ramdisk agent's heartbeat being processed.</summary>
    [IronicName("heartbeat")] Heartbeat,

    /// <summary>A periodic task: a callback timeout, power state sync, stuck-state recovery.</summary>
    [IronicName("periodic")] Periodic,
}
