using System.Text.Json;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>
/// A node's details (the fields its flows do not read) as requests set them, with Ironic's
/// checks on them, and <c>updated_at</c>, which Ironic's database stamps whenever a request
/// saves the node.
/// </summary>
internal static class NodeDetailsRules
{
    /// <summary>Records that a request saved the node (Ironic's database stamps <c>updated_at</c>).</summary>
    public static void Touch(Node node, DateTimeOffset now) => node.Details = node.Details with { UpdatedAt = now };

    /// <summary>Ironic's inspection stamps <c>inspection_finished_at</c> when it succeeds and clears it when one starts.</summary>
    public static void RecordInspectionFinished(Node node, DateTimeOffset? finishedAt)
    {
        if (node.Details.InspectionFinishedAt != finishedAt)
        {
            node.Details = node.Details with { InspectionFinishedAt = finishedAt };
        }
    }

    /// <summary>The end of Ironic's tear-down clears the instance's fields with <c>instance_uuid</c>.</summary>
    public static void ClearInstanceDetails(Node node)
    {
        if (!ReferenceEquals(node.Details, NodeDetails.Empty) && (node.Details.InstanceName is not null || !JsonObjects.IsEmpty(node.Details.InstanceInfo)))
        {
            node.Details = node.Details with { InstanceInfo = JsonObjects.Empty, InstanceName = null };
        }
    }

    /// <summary>Whether <paramref name="update"/> leaves every conductor-side field as it is stored.</summary>
    public static bool Unchanged(Node node, NodeUpdate update) =>
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
    public static void CheckRetired(string uuid, ProvisionState state, bool wasRetired, string? oldReason, bool retired, string? reason)
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

    /// <summary>
    /// The fields a creation request sets beyond the driver's and the state's, checked as Ironic's
    /// update would check them, on the new node before it is added to the table.
    /// </summary>
    /// <exception cref="InvalidStateException">Retired in <c>available</c> (409).</exception>
    /// <exception cref="InvalidParameterValueException">A retired reason without the flag (400).</exception>
    /// <exception cref="ArgumentException">A dictionary field is not a JSON object.</exception>
    public static void TakeCreationFields(Node node, NodeCreateRequest request)
    {
        CheckRetired(node.Uuid, node.ProvisionState, false, null, request.Retired, request.RetiredReason);
        node.InstanceUuid = request.InstanceUuid;
        node.Retired = request.Retired;
        node.RetiredReason = request.Retired ? request.RetiredReason : null;
        node.DisablePowerOff = request.DisablePowerOff;
        node.Details = DetailsOf(request);
    }

    /// <summary>The node's details as <paramref name="update"/> wants them; the same value when nothing changes.</summary>
    /// <exception cref="ArgumentException">A dictionary field is not a JSON object.</exception>
    public static NodeDetails DetailsWith(NodeDetails details, NodeUpdate update)
    {
        var wanted = details with
        {
            Properties = JsonObjects.Check(update.Properties, nameof(update.Properties)),
            Extra = JsonObjects.Check(update.Extra, nameof(update.Extra)),
            InstanceInfo = JsonObjects.Check(update.InstanceInfo, nameof(update.InstanceInfo)),
            NetworkData = JsonObjects.Check(update.NetworkData, nameof(update.NetworkData)),
            ChassisUuid = update.ChassisUuid,
            Description = update.Description,
            Owner = update.Owner,
            Lessee = update.Lessee,
            ResourceClass = update.ResourceClass,
            Shard = update.Shard,
            ParentNode = update.ParentNode,
            InstanceName = update.InstanceName,
        };
        return wanted.SameFields(details) ? details : wanted;
    }

    /// <summary>What a creation request sets; <see cref="NodeDetails.Empty"/> when it sets none of these fields.</summary>
    private static NodeDetails DetailsOf(NodeCreateRequest request)
    {
        // A fleet creates a million nodes with none: answer those without building anything.
        if (request is { Properties.ValueKind: JsonValueKind.Undefined, Extra.ValueKind: JsonValueKind.Undefined, InstanceInfo.ValueKind: JsonValueKind.Undefined }
            && request is { NetworkData.ValueKind: JsonValueKind.Undefined, ChassisUuid: null, Description: null, Owner: null, Lessee: null, ResourceClass: null }
            && request is { Shard: null, ParentNode: null, InstanceName: null, ConsoleEnabled: false })
        {
            return NodeDetails.Empty;
        }

        var details = new NodeDetails
        {
            Properties = JsonObjects.Check(request.Properties, nameof(request.Properties)),
            Extra = JsonObjects.Check(request.Extra, nameof(request.Extra)),
            InstanceInfo = JsonObjects.Check(request.InstanceInfo, nameof(request.InstanceInfo)),
            NetworkData = JsonObjects.Check(request.NetworkData, nameof(request.NetworkData)),
            ChassisUuid = request.ChassisUuid,
            Description = request.Description,
            Owner = request.Owner,
            Lessee = request.Lessee,
            ResourceClass = request.ResourceClass,
            Shard = request.Shard,
            ParentNode = request.ParentNode,
            InstanceName = request.InstanceName,
            ConsoleEnabled = request.ConsoleEnabled,
        };
        return details.SameFields(NodeDetails.Empty) ? NodeDetails.Empty : details;
    }
}
