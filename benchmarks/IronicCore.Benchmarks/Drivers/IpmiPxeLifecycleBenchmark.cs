namespace IronicCore.Benchmarks.Drivers;

/// <summary>
/// <c>ipmi</c> nodes booting the agent over PXE through the whole lifecycle
/// (<see cref="AgentLifecycleBenchmark"/>; <c>ironic-sim bench --hardware ipmi --shards 1</c>).
/// </summary>
public class IpmiPxeLifecycleBenchmark() : AgentLifecycleBenchmark("ipmi");
