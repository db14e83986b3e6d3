using System.Collections.Concurrent;
using IronicCore.Fleet;
using IronicCore.Persistence;

namespace IronicCore.Cli.Commands.Fleet;

/// <summary>
/// Follows <c>ironic-sim fleet</c>'s runs: reports each policy's progress (its replications'
/// mean) and, with <c>--journal</c>, writes one journal per run. Called from the runs' threads.
/// </summary>
internal sealed class FleetExperimentObserver(FleetExperiment experiment, string? journals) : IFleetExperimentObserver, IDisposable
{
    private readonly double[] progress = new double[experiment.Policies.Length * experiment.Seeds.Length];
    private readonly ConcurrentBag<TransitionJournalWriter> writers = [];

    /// <summary>Where each policy's progress goes (<see cref="RunProgress"/>'s report, which also stops the run on Ctrl-C).</summary>
    public Action<int, double> Report { get; set; } = (_, _) => { };

    /// <summary>A run's journal file: the policy's name, and the replication's number when there are several.</summary>
    public static string JournalName(string policy, int replication, int replications) =>
        replications == 1 ? $"{policy}.journal" : $"{policy}.{replication + 1}.journal";

    public void Started(int policy, int replication, FleetSimulation simulation)
    {
        if (journals is not null)
        {
            var writer = new TransitionJournalWriter(Path.Combine(journals, JournalName(experiment.Policies[policy], replication, experiment.Seeds.Length)));
            writers.Add(writer);
            simulation.Subscribe(writer);
        }
    }

    public void Advanced(int policy, int replication, double done)
    {
        var replications = experiment.Seeds.Length;
        progress[(policy * replications) + replication] = done;
        double sum = 0;
        foreach (var value in progress.AsSpan(policy * replications, replications))
        {
            sum += value;
        }

        Report(policy, sum / replications);
    }

    public void Dispose()
    {
        foreach (var writer in writers)
        {
            writer.Dispose();
        }
    }
}
