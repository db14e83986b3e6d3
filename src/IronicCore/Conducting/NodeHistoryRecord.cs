using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>
/// A history entry as the conductor keeps it: a value inside its node's list, not an object of its
/// own. Master records an entry at every start and end of a cleaning, deployment or servicing, so a
/// fleet holds millions; as values they cost the collector nothing to promote and little to trace
/// (the texts are mostly one shared string per plan). A reader gets <see cref="NodeHistoryEvent"/>s.
/// </summary>
/// <param name="Id">The conductor's count of entries recorded before this one.</param>
/// <param name="CreatedTicks"><c>created_at</c>, UTC ticks.</param>
/// <param name="Uuid">The entry's UUID when a snapshot gave one other than its seed's; null for the seed's.</param>
/// <param name="Conductor">The recording conductor's host.</param>
/// <param name="EventType">Ironic's <c>event_type</c>.</param>
/// <param name="Event">The message.</param>
/// <param name="Error">Whether it is an error.</param>
/// <param name="State">The node's provision state then.</param>
/// <param name="TargetProvisionState">Its target provision state then.</param>
/// <param name="DurationSeconds">Whole seconds since the node's <c>provision_updated_at</c>.</param>
internal readonly record struct NodeHistoryRecord(
    long Id,
    long CreatedTicks,
    string? Uuid,
    string Conductor,
    string EventType,
    string Event,
    bool Error,
    ProvisionState State,
    ProvisionState? TargetProvisionState,
    int? DurationSeconds)
{
    public DateTimeOffset CreatedAt => new(CreatedTicks, TimeSpan.Zero);

    /// <summary>The entry as readers see it, with its UUID (<see cref="Uuid"/>, or the one its seed draws).</summary>
    public NodeHistoryEvent ToEvent(string uuid) =>
        new(Id, uuid, CreatedAt, Conductor, Error, EventType, Event, State, TargetProvisionState, DurationSeconds);
}
