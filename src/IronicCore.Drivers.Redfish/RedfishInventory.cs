using System.Collections.Immutable;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// The hardware a simulated system reports to out-of-band inspection (its <c>Processors</c>,
/// <c>Memory</c>, <c>SimpleStorage</c>/<c>Storage</c> and <c>EthernetInterfaces</c>). Every system
/// reports the oracle's machine unless given another: one x86-64 CPU with 4 cores and 8 threads, two
/// 8 GiB DIMMs, one 100 GiB disk and two enabled NICs. Immutable.
/// </summary>
public sealed record RedfishInventory
{
    /// <summary>The processor's instruction set as Redfish names it. Default <c>x86-64</c>.</summary>
    public string InstructionSet { get; init; } = "x86-64";

    /// <summary>How many processor sockets are filled. Default 1.</summary>
    public int ProcessorCount { get; init; } = 1;

    /// <summary>Cores per processor. Default 4.</summary>
    public int CoresPerProcessor { get; init; } = 4;

    /// <summary>Threads per processor. Default 8.</summary>
    public int ThreadsPerProcessor { get; init; } = 8;

    /// <summary>The capacity of each DIMM in MiB. Default two of 8192.</summary>
    public ImmutableArray<int> DimmsMiB { get; init; } = [8192, 8192];

    /// <summary>The capacity of each disk in bytes. Default one of 100 GiB.</summary>
    public ImmutableArray<long> DisksBytes { get; init; } = [100L * 1024 * 1024 * 1024];

    /// <summary>How many enabled NICs the system has. Default 2.</summary>
    public int NicCount { get; init; } = 2;

    /// <summary>The processor's model (<c>Processor.Model</c>). Default the oracle's <c>Intel(R) Xeon(R) Silver 4110</c>.</summary>
    public string ProcessorModel { get; init; } = "Intel(R) Xeon(R) Silver 4110";

    /// <summary>The processor's top speed in MHz (<c>MaxSpeedMHz</c>). Default 2100.</summary>
    public int ProcessorMaxSpeedMhz { get; init; } = 2100;

    /// <summary>Each NIC's link speed in Mbit/s (<c>SpeedMbps</c>). Default 10000.</summary>
    public int NicSpeedMbps { get; init; } = 10000;
}
