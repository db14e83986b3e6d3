using System.Collections.Concurrent;
using IronicCore.Fleet;
using IronicCore.Persistence;
using Spectre.Console;

namespace IronicCore.Cli.Commands.Fleet;

/// <summary>
/// Follows <c>ironic-sim fleet</c>'s runs: one progress bar per policy (its replications'
/// mean progress) and, with <c>--journal</c>, one journal per run. Called from the runs' threads.
/// </summary>
internal sealed class FleetExperimentObserver(FleetExperiment experiment, string? journals) : IFleetExperimentObserver, IDisposable
{
    private readonly double[] progress = new double[experiment.Policies.Length * experiment.Seeds.Length];
    private readonly ConcurrentBag<TransitionJournalWriter> writers = [];

    /// <summary>The bars to move, one per policy; none when the console shows no progress.</summary>
    public IReadOnlyList<ProgressTask> Bars { get; set; } = [];

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
        if (Bars.Count > 0)
        {
            double sum = 0;
            foreach (var value in progress.AsSpan(policy * replications, replications))
            {
                sum += value;
            }

            Bars[policy].Value = sum / replications;
        }
    }

    public void Dispose()
    {
        foreach (var writer in writers)
        {
            writer.Dispose();
        }
    }
}
