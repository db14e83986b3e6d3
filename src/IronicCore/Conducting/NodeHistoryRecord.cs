using System.Runtime.InteropServices;
using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>
/// A history entry as the conductor keeps it: a value inside its node's list, its texts numbers in
/// the history's table of texts. Master records an entry at every start and end of a cleaning,
/// deployment or servicing, so a fleet holds millions; values without references are neither
/// promoted nor traced by the collector, and appending one marks nothing for it to scan. Readers get
/// <see cref="Nodes.NodeHistoryEvent"/>s (<see cref="NodeHistory.Of"/>). The two nullable fields are
/// kept apart from their flags (a target no state has, a flag byte), so that the four one-byte fields
/// share the last word: 40 bytes an entry, where <see cref="Nullable{T}"/>'s padding made 48.
/// </summary>
[StructLayout(LayoutKind.Auto)]
internal readonly struct NodeHistoryRecord
{
    private const byte NoTarget = byte.MaxValue;

    private readonly int durationSeconds;
    private readonly ProvisionState state;
    private readonly byte target;
    private readonly bool hasDuration;

    /// <param name="id">The conductor's count of entries recorded before this one.</param>
    /// <param name="createdTicks"><c>created_at</c>, UTC ticks.</param>
    /// <param name="uuid">The text of the entry's UUID when a snapshot gave one other than its seed's; -1 for the seed's.</param>
    /// <param name="conductor">The text of the recording conductor's host.</param>
    /// <param name="eventType">The text of Ironic's <c>event_type</c>.</param>
    /// <param name="event">The text of the message.</param>
    /// <param name="error">Whether it is an error.</param>
    /// <param name="state">The node's provision state then.</param>
    /// <param name="targetProvisionState">Its target provision state then.</param>
    /// <param name="durationSeconds">Whole seconds since the node's <c>provision_updated_at</c>.</param>
    public NodeHistoryRecord(
        long id, long createdTicks, int uuid, int conductor, int eventType, int @event, bool error,
        ProvisionState state, ProvisionState? targetProvisionState, int? durationSeconds)
    {
        Id = id;
        CreatedTicks = createdTicks;
        Uuid = uuid;
        Conductor = conductor;
        EventType = eventType;
        Event = @event;
        Error = error;
        this.state = state;
        target = targetProvisionState is { } t ? (byte)t : NoTarget;
        this.durationSeconds = durationSeconds.GetValueOrDefault();
        hasDuration = durationSeconds.HasValue;
    }

    public long Id { get; }

    public long CreatedTicks { get; }

    public int Uuid { get; }

    public int Conductor { get; }

    public int EventType { get; }

    public int Event { get; }

    public bool Error { get; }

    public ProvisionState State => state;

    public ProvisionState? TargetProvisionState => target == NoTarget ? null : (ProvisionState)target;

    public int? DurationSeconds => hasDuration ? durationSeconds : null;

    public DateTimeOffset CreatedAt => new(CreatedTicks, TimeSpan.Zero);
}
