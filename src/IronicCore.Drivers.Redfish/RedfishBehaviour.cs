namespace IronicCore.Drivers.Redfish;

/// <summary>How simulated Redfish BMCs take their time. Immutable.</summary>
public sealed record RedfishBehaviour
{
    /// <summary>
    /// Requests and Ironic's waits take no simulated time, as with the oracle's BMC (its sleeps
    /// skipped): a scenario's power actions finish within the step that asks for them.
    /// </summary>
    public static RedfishBehaviour Instant { get; } = new() { Timed = false };

    /// <summary>Whether requests, Ironic's retry intervals and its power-state polling take simulated time. Default true.</summary>
    public bool Timed { get; init; } = true;

    /// <summary>How long the BMC takes to answer one request. Default 300 ms.</summary>
    public TimeSpan RequestLatency { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How long a request to an unreachable BMC waits before sushy gives up on it. Default 30 s (master's <c>[redfish] connect_timeout</c>).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
