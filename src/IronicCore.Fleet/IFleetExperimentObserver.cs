namespace IronicCore.Fleet;

/// <summary>
/// Follows a <see cref="FleetExperiment"/>'s runs (a progress display, journals). Called from
/// the runs' threads, several at once: implementations must be thread-safe.
/// </summary>
public interface IFleetExperimentObserver
{
    /// <summary>A run is built and about to start (subscribe to it here to journal it).</summary>
    /// <param name="policy">The policy's index in <see cref="FleetExperiment.Policies"/>.</param>
    /// <param name="replication">The replication's index, from 0.</param>
    /// <param name="simulation">The run.</param>
    void Started(int policy, int replication, FleetSimulation simulation);

    /// <summary>A run has advanced (every 6 hours of virtual time).</summary>
    /// <param name="policy">The policy's index.</param>
    /// <param name="replication">The replication's index.</param>
    /// <param name="progress">How far the run is, from 0 to 1.</param>
    void Advanced(int policy, int replication, double progress);
}
