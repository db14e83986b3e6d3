using IronicCore.States;

namespace IronicCore.Nodes;

/// <summary>
/// One entry of a node's history (Ironic's <c>node_history</c> table): an error or noteworthy
/// event the conductor recorded, with the node's provision state when it happened. Immutable.
/// Ironic's <c>user</c> and <c>project</c> are not kept: the simulation has no users, and
/// Ironic's callers never pass a project.
/// </summary>
public sealed class NodeHistoryEvent
{
    internal NodeHistoryEvent(
        long id, string uuid, DateTimeOffset createdAt, string conductor, bool error, string eventType, string @event,
        ProvisionState state, ProvisionState? targetProvisionState, int? durationSeconds)
    {
        Id = id;
        Uuid = uuid;
        CreatedAt = createdAt;
        Conductor = conductor;
        Severity = error ? "ERROR" : "INFO";
        EventType = eventType;
        Event = @event;
        State = state;
        TargetProvisionState = targetProvisionState;
        DurationSeconds = durationSeconds;
    }

    /// <summary>Ironic's <c>id</c>: the conductor's count of entries recorded before this one (it orders entries recorded at the same instant).</summary>
    public long Id { get; }

    /// <summary><c>uuid</c>: the entry's own identifier.</summary>
    public string Uuid { get; }

    /// <summary><c>created_at</c>: when it was recorded, on the conductor's clock.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary><c>conductor</c>: the recording conductor's host (Ironic's <c>[DEFAULT] host</c>).</summary>
    public string Conductor { get; }

    /// <summary><c>severity</c>: <c>ERROR</c> for an error (which also became <c>last_error</c>), else <c>INFO</c>.</summary>
    public string Severity { get; }

    /// <summary><c>event_type</c>: what the conductor was doing, e.g. <c>cleaning</c>, <c>deploying</c>, <c>monitoring</c>, or <c>UNKNOWN</c>.</summary>
    public string EventType { get; }

    /// <summary><c>event</c>: the message.</summary>
    public string Event { get; }

    /// <summary><c>state</c>: the node's provision state when the entry was recorded.</summary>
    public ProvisionState State { get; }

    /// <summary><c>target_provision_state</c> when the entry was recorded.</summary>
    public ProvisionState? TargetProvisionState { get; }

    /// <summary><c>duration_seconds</c>: whole seconds since the node's <c>provision_updated_at</c>.</summary>
    public int? DurationSeconds { get; }
}
