using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>
/// A history entry as the conductor keeps it: a value inside its node's list, its texts numbers in
/// the history's table of texts. Master records an entry at every start and end of a cleaning,
/// deployment or servicing, so a fleet holds millions; values without references are neither
/// promoted nor traced by the collector, and appending one marks nothing for it to scan. Readers get
/// <see cref="Nodes.NodeHistoryEvent"/>s (<see cref="NodeHistory.Of"/>).
/// </summary>
/// <param name="Id">The conductor's count of entries recorded before this one.</param>
/// <param name="CreatedTicks"><c>created_at</c>, UTC ticks.</param>
/// <param name="Uuid">The text of the entry's UUID when a snapshot gave one other than its seed's; -1 for the seed's.</param>
/// <param name="Conductor">The text of the recording conductor's host.</param>
/// <param name="EventType">The text of Ironic's <c>event_type</c>.</param>
/// <param name="Event">The text of the message.</param>
/// <param name="Error">Whether it is an error.</param>
/// <param name="State">The node's provision state then.</param>
/// <param name="TargetProvisionState">Its target provision state then.</param>
/// <param name="DurationSeconds">Whole seconds since the node's <c>provision_updated_at</c>.</param>
internal readonly record struct NodeHistoryRecord(
    long Id,
    long CreatedTicks,
    int Uuid,
    int Conductor,
    int EventType,
    int Event,
    bool Error,
    ProvisionState State,
    ProvisionState? TargetProvisionState,
    int? DurationSeconds)
{
    public DateTimeOffset CreatedAt => new(CreatedTicks, TimeSpan.Zero);
}
