using System.Buffers;
using BenchmarkDotNet.Attributes;
using IronicCore.Fleet;
using IronicCore.Maintenance;

namespace IronicCore.Benchmarks.Persistence;

/// <summary>
/// Saving and loading a 100,000-node fleet an hour into its run, its clock topped up to a
/// million pending events with stale lease ends (which the queue keeps until they come due,
/// as it keeps superseded heartbeats). Save is the baseline: read Load's ratio to it. The snapshot's size is printed at
/// set-up (bytes in all and per node).
/// </summary>
[MemoryDiagnoser]
public class SnapshotBenchmark
{
    private const int Nodes = 100_000;
    private const int Pending = 1_000_000;
    private FleetSimulation fleet = null!;
    private MemoryStream saved = null!;
    private byte[] bytes = [];

    [GlobalSetup]
    public void Build()
    {
        fleet = new FleetSimulation(new FleetScenario { Nodes = Nodes, Days = 2 }, new QuietPolicy());
        fleet.RunUntil(fleet.Clock.GetUtcNow().AddHours(1));
        for (var i = 0; fleet.Clock.PendingCount < Pending; i++)
        {
            // Lease ends of instances long gone (lease -1): ignored when they come due.
            fleet.Clock.Schedule(TimeSpan.FromSeconds(1 + (i % 86_400)), fleet, (int)FleetEvent.LeaseEnd, i % Nodes, -1);
        }

        saved = new MemoryStream();
        fleet.Save(saved);
        bytes = saved.ToArray();
        Console.WriteLine($"// snapshot of {Nodes:N0} nodes and {fleet.Clock.PendingCount:N0} pending events: {bytes.Length:N0} bytes, {bytes.Length / Nodes:N0} per node");
    }

    [Benchmark(Baseline = true)]
    public long Save()
    {
        saved.Position = 0;
        fleet.Save(saved);
        return saved.Position;
    }

    [Benchmark]
    public int Load() => FleetSimulation.Load(new MemoryStream(bytes, writable: false), _ => new QuietPolicy()).Clock.PendingCount;

    /// <summary>A policy with nothing to do and nothing to remember.</summary>
    private sealed class QuietPolicy : IPersistentFleetPolicy
    {
        public string Name => "quiet";

        public IMaintenancePolicy MaintenancePolicy => IronicMaintenancePolicy.Instance;

        public TimeSpan Interval => TimeSpan.FromHours(1);

        public void Run(IFleetApi fleet)
        {
        }

        public void SaveState(IBufferWriter<byte> output)
        {
        }

        public void LoadState(ReadOnlyMemory<byte> state)
        {
        }
    }
}
