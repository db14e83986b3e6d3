namespace IronicCore.Conducting.Periodic;

/// <summary>Ironic's <c>manage_node_history</c>: the clean-up of old history entries (<see cref="NodeHistory.Purge"/>).</summary>
internal sealed class NodeHistoryCleanup(ConductorContext context) : IPeriodicTask
{
    public bool Enabled =>
        Spacing > TimeSpan.Zero && context.Options.NodeHistoryCleanupBatchCount > 0 && context.Options.NodeHistoryMaxEntries != 0;

    public TimeSpan Spacing => context.Options.NodeHistoryCleanupInterval;

    public void Run() => context.History.Purge();
}
