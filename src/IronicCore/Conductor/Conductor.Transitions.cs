using IronicCore.Conducting;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore;

/// <summary>Locks and state changes: the two things every operation does to a node.</summary>
public sealed partial class Conductor
{
    /// <summary>
    /// Refuses a node another task holds. Ironic retries the lock for a while
    /// (<c>node_locked_retry_attempts</c> × <c>node_locked_retry_interval</c>); here work due at
    /// this same virtual instant finishes first, which is what those retries wait for. A
    /// lock held across virtual time is refused at once: a request cannot move the shared clock.
    /// </summary>
    private void EnsureUnlocked(Node node)
    {
        if (node.Reservation is not null && !Clock.IsRunning)
        {
            Clock.RunDue();
        }

        if (node.Reservation is { } host)
        {
            throw new NodeLockedException(node.Uuid, host);
        }
    }

    private void Reserve(Node node) => node.Reservation = Host;

    private static void Unreserve(Node node) => node.Reservation = null;

    /// <summary>
    /// Fires <paramref name="event"/> on the node as Ironic's task manager does: the target
    /// state is the new state's own, or <paramref name="target"/> when given, and is cleared
    /// on reaching a stable state unless a worker follows; spawning a worker replaces
    /// <c>last_error</c> with <paramref name="lastError"/>.
    /// </summary>
    private void Fire(Node node, ProvisionEvent @event, ProvisionState? target = null, bool spawnsWorker = false, string? lastError = null)
    {
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
        stateBySlot[node.Index] = to;
        stateCounts[(int)from]--;
        stateCounts[(int)to]++;
        node.TargetProvisionState = !spawnsWorker && machine.IsStable(to) ? null : fsmTarget;
        if (spawnsWorker || lastError is not null)
        {
            node.LastError = lastError;
        }

        var now = Clock.GetUtcNow();
        node.ProvisionUpdatedAt = now;
        node.Generation++;
        if (to == ProvisionState.Inspecting)
        {
            node.InspectionStartedAt = now;
            RecordInspectionFinished(node, null);
        }
        else if (from is ProvisionState.Inspecting or ProvisionState.InspectWait)
        {
            node.InspectionStartedAt = null;
            RecordInspectionFinished(node, to == ProvisionState.Manageable ? now : node.Details.InspectionFinishedAt);
        }

        var record = new TransitionRecord(node.Uuid, from, @event, to, now, cause);
        foreach (var observer in observers)
        {
            observer.OnTransition(record);
        }
    }
}
