using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore;

// A node's details (the fields its flows do not read) and updated_at, which Ironic's database
// stamps whenever a request saves the node.
public sealed partial class Conductor
{
    /// <summary>Records that a request saved the node (Ironic's database stamps <c>updated_at</c>).</summary>
    private void Touch(Node node) => node.Details = node.Details with { UpdatedAt = Clock.GetUtcNow() };

    /// <summary>Whether <paramref name="update"/> leaves every conductor-side field as it is stored.</summary>
    private static bool Unchanged(Node node, NodeUpdate update) =>
        update.Name == node.Name
        && update.DriverInfo.Count == node.DriverInfo.Count
        && update.DriverInfo.All(p => node.DriverInfo.TryGetValue(p.Key, out var value) && value == p.Value)
        && update.AutomatedClean == node.AutomatedClean
        && update.InstanceUuid == node.InstanceUuid
        && string.Equals(update.ConductorGroup, node.ConductorGroup, StringComparison.OrdinalIgnoreCase)
        && update.Maintenance == node.Maintenance
        && update.Protected == node.Protected
        && (update.Protected ? update.ProtectedReason : null) == node.ProtectedReason
        && update.Retired == node.Retired
        && (update.Retired ? update.RetiredReason : null) == node.RetiredReason
        && update.DisablePowerOff == node.DisablePowerOff;

    /// <summary>Ironic's <c>_check_update_retired</c>: a node is not retired in <c>available</c>, and a reason comes only with the flag.</summary>
    private static void CheckRetired(string uuid, ProvisionState state, bool wasRetired, string? oldReason, bool retired, string? reason)
    {
        if (retired && !wasRetired && state == ProvisionState.Available)
        {
            throw new InvalidStateException(
                $"Node {uuid} can not have 'retired' set in provision state 'available', " +
                $"the current state is '{state.ToIronicName()}'");
        }

        if (!retired && reason is not null && reason != oldReason)
        {
            throw new InvalidParameterValueException("The retired_reason field can only be set when retired is True");
        }
    }
}
