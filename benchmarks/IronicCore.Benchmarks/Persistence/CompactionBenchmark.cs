using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using IronicCore.Api;
using IronicCore.Api.Durability;
using IronicCore.Api.Hosting;
using IronicCore.Cli.Commands.Serve;
using IronicCore.Fleet;
using IronicCore.Simulation;

namespace IronicCore.Benchmarks.Persistence;

/// <summary>
/// A compaction of <c>serve --state-dir</c> at 100,000 nodes (serve's <c>--fleet</c> conductor,
/// every node available), by where its time goes. <c>SnapshotOnTheLoop</c> is what the conductor's
/// loop did before (the baseline: the served conductor saved, written, flushed and renamed while
/// no request runs); <c>SegmentSwitch</c> is all the loop does now (a new journal segment,
/// created and flushed with its directory); <c>SnapshotOffTheLoop</c> is the work now done on
/// another thread (the last snapshot loaded, <see cref="Records"/> journaled requests replayed over
/// it through the API, the new snapshot written, the old files deleted).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class CompactionBenchmark
{
    private const int Nodes = 100_000;

    /// <summary>Provision requests (<c>manage</c>, each on its own node) in the journal a compaction folds.</summary>
    private const int Records = 2_000;

    private string directory = null!;
    private string saved = null!;
    private StateDirectory state = null!;
    private IronicCore.Conductor conductor = null!;
    private RequestJournal journal = null!;
    private ApiSettings settings = null!;

    [GlobalSetup]
    public void Build()
    {
        directory = Directory.CreateTempSubdirectory("compaction-bench-").FullName;
        saved = Directory.CreateTempSubdirectory("compaction-bench-saved-").FullName;
        var clock = new SimulationClock();
        (conductor, _) = ServeConductor.Fleet(new FleetScenario { Nodes = Nodes, Seed = 1 }, clock);
        state = StateDirectory.Open(directory);
        state.Create(conductor, ClockMode.Virtual, new Dictionary<string, string>(), ServeConductor.Resume);
        settings = ApiSettings.From(new IronicApiOptions { Clock = ClockMode.Virtual }, conductor);
        journal = new RequestJournal(directory, state.Tail!);
        var body = Encoding.UTF8.GetBytes("""{"target": "manage"}""");
        KeyValuePair<string, string>[] headers = [new("X-OpenStack-Ironic-API-Version", "1.78"), new("Content-Type", "application/json"), new("Content-Length", $"{body.Length}")];
        for (var i = 0; i < Records; i++)
        {
            journal.Append(new JournalRecord(
                JournalRecordKind.Request, 0, clock.GetUtcNow().UtcTicks, "PUT", $"/v1/nodes/{conductor.Nodes[i].Uuid}/states/provision", string.Empty, headers, body));
        }

        journal.Rotate();
        foreach (var file in Directory.GetFiles(directory))
        {
            // The lock is held while the directory is open.
            if (Path.GetFileName(file) != "lock")
            {
                File.Copy(file, Path.Combine(saved, Path.GetFileName(file)));
            }
        }

        Console.WriteLine($"// snapshot: {new FileInfo(StateFiles.Snapshot(directory, 0)).Length:N0} bytes; journal: {Records:N0} records");
    }

    [GlobalCleanup]
    public void Remove()
    {
        journal.Dispose();
        state.Dispose();
        Directory.Delete(directory, recursive: true);
        Directory.Delete(saved, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public void SnapshotOnTheLoop() => StateFiles.WriteAtomically(StateFiles.Snapshot(directory, Records + 1), conductor.Save);

    [Benchmark]
    public long SegmentSwitch() => journal.Rotate();

    [IterationSetup(Target = nameof(SnapshotOffTheLoop))]
    public void Restore()
    {
        foreach (var file in Directory.GetFiles(saved))
        {
            // The segment the journal writes now is open; it holds no record to restore.
            if (Path.GetFileName(file) != Path.GetFileName(StateFiles.Journal(directory, Records)))
            {
                File.Copy(file, Path.Combine(directory, Path.GetFileName(file)), overwrite: true);
            }
        }
    }

    [Benchmark]
    public void SnapshotOffTheLoop() => SnapshotBuilder.Build(directory, Records, ServeConductor.Resume, settings, probe: null).GetAwaiter().GetResult();
}
