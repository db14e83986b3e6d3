namespace IronicCore.Benchmarks.Drivers;

/// <summary>
/// <c>redfish</c> nodes booting the agent's ISO as virtual media through the whole lifecycle
/// (<see cref="AgentLifecycleBenchmark"/>; <c>ironic-sim bench --hardware redfish --shards 1</c>).
/// </summary>
public class RedfishLifecycleBenchmark() : AgentLifecycleBenchmark("redfish");
