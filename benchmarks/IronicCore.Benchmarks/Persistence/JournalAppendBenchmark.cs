using BenchmarkDotNet.Attributes;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Persistence;
using IronicCore.States;

namespace IronicCore.Benchmarks.Persistence;

/// <summary>
/// Appending transitions to a journal file: each operation is one record, written in the
/// writer's batches of 4,096 with one fsync per batch (records per second = 1 / time per op).
/// </summary>
[MemoryDiagnoser]
public class JournalAppendBenchmark
{
    private const int RecordsPerInvoke = 100_000;
    private readonly TransitionRecord[] records = new TransitionRecord[16];
    private string path = string.Empty;

    [GlobalSetup]
    public void Prepare()
    {
        path = Path.Combine(Path.GetTempPath(), $"ironiccore-journal-bench-{Environment.ProcessId}.bin");
        for (var i = 0; i < records.Length; i++)
        {
            records[i] = new TransitionRecord(
                $"6f1c2d3e-4b5a-4c6d-8e7f-{i:D12}", ProvisionState.CleanWait, ProvisionEvent.Resume, ProvisionState.Cleaning,
                IronicCore.Simulation.SimulationClock.DefaultStart.AddSeconds(i), TransitionCause.Heartbeat);
        }
    }

    [GlobalCleanup]
    public void Delete() => File.Delete(path);

    [Benchmark(OperationsPerInvoke = RecordsPerInvoke)]
    public long Append()
    {
        File.Delete(path);
        using var writer = new TransitionJournalWriter(path);
        for (var i = 0; i < RecordsPerInvoke; i++)
        {
            writer.OnTransition(records[i & 15]);
        }

        writer.Flush();
        return writer.Acknowledged;
    }
}
