using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>
/// Ironic's <c>task_manager.py</c>: a node's lock (its <c>reservation</c>), the firing of
/// provision events with the target and <c>last_error</c> rules of <c>process_event</c>, the
/// transition records that go to subscribers, and spawning a worker after a request.
/// </summary>
internal sealed class TaskManager(ConductorContext context)
{
    private readonly List<ITransitionObserver> observers = [];

    /// <summary>What is running now, for the transitions it makes: a request unless the clock is running an event.</summary>
    public TransitionCause Cause { get; set; } = TransitionCause.Request;

    /// <summary>Subscribes to every provision state change; dispose the result to stop.</summary>
    public IDisposable Subscribe(ITransitionObserver observer)
    {
        observers.Add(observer);
        return new Subscription(observers, observer);
    }

    /// <summary>
    /// Refuses a node another task holds. Ironic retries the lock for a while
    /// (<c>node_locked_retry_attempts</c> × <c>node_locked_retry_interval</c>); here work due at
    /// this same virtual instant finishes first, which is what those retries wait for. A
    /// lock held across virtual time is refused at once: a request cannot move the shared clock.
    /// </summary>
    public void EnsureUnlocked(Node node)
    {
        if (node.Reservation is not null && !context.Clock.IsRunning)
        {
            context.Clock.RunDue();
        }

        if (node.Reservation is { } host)
        {
            throw new NodeLockedException(node.Uuid, host);
        }
    }

    public void Reserve(Node node) => node.Reservation = context.Host;

    /// <summary>
    /// Ironic's <c>_write_exception</c>: what escapes a spawned worker lands in <c>last_error</c>,
    /// unless the worker left one there.
    /// </summary>
    public static void WriteException(Node node, string method, string error) =>
        node.LastError ??= $"Async execution of {method} failed with error: {error}";

    /// <summary>The <c>InvalidState</c> of Ironic's state machine for an event the state does not have.</summary>
    public static string NoTransition(ProvisionState from, string @event) =>
        $"Can not transition from state '{from.ToIronicName()}' on event '{@event}' (no defined transition)";

    public static void Release(Node node) => node.Reservation = null;

    /// <summary>Ironic's answer to an action the node's provision state does not allow: the state, and the events it does allow.</summary>
    public InvalidStateRequestedException NotAllowed(Node node, string action) =>
        new(action, node.ProvisionState.ToIronicName(), context.Machine.AllowedEvents(node.ProvisionState), node.Uuid);

    /// <summary>
    /// Fires <paramref name="event"/> on the node as Ironic's <c>process_event</c> does: the
    /// target state is the new state's own, or <paramref name="target"/> when given, and is
    /// cleared on reaching a stable state unless a worker follows; spawning a worker replaces
    /// <c>last_error</c> with <paramref name="lastError"/>.
    /// </summary>
    public void Fire(Node node, ProvisionEvent @event, ProvisionState? target = null, bool spawnsWorker = false, string? lastError = null)
    {
        var machine = context.Machine;
        var from = node.ProvisionState;
        if (!machine.TryFire(from, @event, out var to))
        {
            throw NotAllowed(node, @event.ToIronicName());
        }

        var fsmTarget = node.TargetProvisionState ?? machine.TargetOf(from);
        if (fsmTarget == to)
        {
            fsmTarget = null;
        }

        fsmTarget = target ?? machine.TargetOf(to) ?? fsmTarget;
        node.ProvisionState = to;
        context.Nodes.Moved(node, from, to);
        node.TargetProvisionState = !spawnsWorker && machine.IsStable(to) ? null : fsmTarget;
        if (spawnsWorker || lastError is not null)
        {
            node.LastError = lastError;
        }

        var now = context.Clock.GetUtcNow();
        node.ProvisionUpdatedAt = now;
        node.Generation++;
        if (to == ProvisionState.Inspecting)
        {
            node.InspectionStartedAt = now;
            NodeDetailsRules.RecordInspectionFinished(node, null);
        }
        else if (from is ProvisionState.Inspecting or ProvisionState.InspectWait)
        {
            node.InspectionStartedAt = null;
            NodeDetailsRules.RecordInspectionFinished(node, to == ProvisionState.Manageable ? now : node.Details.InspectionFinishedAt);
        }

        var record = new TransitionRecord(node.Uuid, from, @event, to, now, Cause) { NodeSlot = node.Index };
        foreach (var observer in observers)
        {
            observer.OnTransition(record);
        }
    }

    /// <summary>Fires a requested event, with a worker to follow when one is given; a refusal names the action as Ironic's API does.</summary>
    public void FireRequested(Node node, ProvisionEvent @event, string action, ProvisionState? target = null, Worker? worker = null, string? lastError = null)
    {
        if (!context.Machine.TryFire(node.ProvisionState, @event, out _))
        {
            throw NotAllowed(node, action);
        }

        if (worker is { } work)
        {
            SpawnWorker(node, @event, work, target, lastError);
        }
        else
        {
            Fire(node, @event, target, lastError: lastError);
        }
    }

    /// <summary>Fires the request's event with a worker to follow, and schedules the worker now (Ironic's <c>spawn_after</c>).</summary>
    public void SpawnWorker(Node node, ProvisionEvent @event, Worker worker, ProvisionState? target = null, string? lastError = null)
    {
        Fire(node, @event, target, spawnsWorker: true, lastError: lastError);
        Schedule(node, worker, 0);
    }

    /// <summary>Reserves the node for a worker due now.</summary>
    public void Schedule(Node node, Worker worker, long argument)
    {
        Reserve(node);
        context.Clock.Schedule(TimeSpan.Zero, context.Handler, (int)worker, node.Index, argument);
    }

    private sealed class Subscription(List<ITransitionObserver> observers, ITransitionObserver observer) : IDisposable
    {
        public void Dispose() => observers.Remove(observer);
    }
}
