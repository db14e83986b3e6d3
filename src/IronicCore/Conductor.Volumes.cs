using System.Collections.Immutable;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Volumes;

namespace IronicCore;

// Volume connectors and targets (/v1/volume, API 1.32): Ironic's API creates them; changing or
// deleting one takes its node's lock and needs the node powered off (ConductorManager's
// update_volume_* and destroy_volume_*); deleting a node deletes them.
public sealed partial class Conductor
{
    /// <summary>Every volume connector (<c>GET /v1/volume/connectors</c>), in creation order, as snapshots.</summary>
    public ImmutableArray<VolumeConnectorView> VolumeConnectors => [.. context.Volumes.Connectors.Select(c => c.ToView())];

    /// <summary>Every volume target (<c>GET /v1/volume/targets</c>), in creation order, as snapshots.</summary>
    public ImmutableArray<VolumeTargetView> VolumeTargets => [.. context.Volumes.Targets.Select(t => t.ToView())];

    /// <summary>The volume connector with this UUID (<c>GET /v1/volume/connectors/{uuid}</c>).</summary>
    /// <exception cref="VolumeConnectorNotFoundException">No connector has it (404).</exception>
    public VolumeConnectorView GetVolumeConnector(string uuid)
    {
        ArgumentNullException.ThrowIfNull(uuid);
        return context.Volumes.Connector(uuid).ToView();
    }

    /// <summary>The volume target with this UUID (<c>GET /v1/volume/targets/{uuid}</c>).</summary>
    /// <exception cref="VolumeTargetNotFoundException">No target has it (404).</exception>
    public VolumeTargetView GetVolumeTarget(string uuid)
    {
        ArgumentNullException.ThrowIfNull(uuid);
        return context.Volumes.Target(uuid).ToView();
    }

    /// <summary>Creates a volume connector (<c>POST /v1/volume/connectors</c>), in any state of its node, as Ironic's API does.</summary>
    /// <param name="request">Its fields.</param>
    /// <param name="uuid">Its UUID, or null to draw one.</param>
    /// <exception cref="NodeNotFoundException">No node has <see cref="VolumeConnectorRequest.NodeUuid"/> (404).</exception>
    /// <exception cref="VolumeConnectorAlreadyExistsException">Another connector has the UUID (409).</exception>
    /// <exception cref="VolumeConnectorTypeAndIdAlreadyExistsException">Another connector has the type and connector ID (409).</exception>
    /// <exception cref="ArgumentException">The UUID is not one, or <c>extra</c> is not a JSON object.</exception>
    public VolumeConnectorView CreateVolumeConnector(VolumeConnectorRequest request, string? uuid = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var node = Find(request.NodeUuid);
        return context.Volumes.Create(request with { NodeUuid = node.Uuid }, uuid, context.Clock.GetUtcNow()).ToView();
    }

    /// <summary>Creates a volume target (<c>POST /v1/volume/targets</c>), in any state of its node, as Ironic's API does.</summary>
    /// <param name="request">Its fields.</param>
    /// <param name="uuid">Its UUID, or null to draw one.</param>
    /// <exception cref="NodeNotFoundException">No node has <see cref="VolumeTargetRequest.NodeUuid"/> (404).</exception>
    /// <exception cref="VolumeTargetAlreadyExistsException">Another target has the UUID (409).</exception>
    /// <exception cref="VolumeTargetBootIndexAlreadyExistsException">Another target of the node has the boot index (409).</exception>
    /// <exception cref="ArgumentException">The UUID is not one, or <c>properties</c> or <c>extra</c> is not a JSON object.</exception>
    public VolumeTargetView CreateVolumeTarget(VolumeTargetRequest request, string? uuid = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var node = Find(request.NodeUuid);
        return context.Volumes.Create(request with { NodeUuid = node.Uuid }, uuid, context.Clock.GetUtcNow()).ToView();
    }

    /// <summary>
    /// Replaces a volume connector's fields (<c>PATCH /v1/volume/connectors/{uuid}</c>, Ironic's
    /// <c>update_volume_connector</c>): the lock of its (new) node, which must be powered off.
    /// </summary>
    /// <exception cref="VolumeConnectorNotFoundException">No connector has the UUID (404).</exception>
    /// <exception cref="NodeNotFoundException">No node has the new node UUID (404).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    /// <exception cref="InvalidStateRequestedException">The node is not powered off (400).</exception>
    /// <exception cref="VolumeConnectorTypeAndIdAlreadyExistsException">Another connector has the type and connector ID (409).</exception>
    /// <exception cref="ArgumentException"><c>extra</c> is not a JSON object.</exception>
    public VolumeConnectorView UpdateVolumeConnector(string uuid, VolumeConnectorRequest update)
    {
        ArgumentNullException.ThrowIfNull(uuid);
        ArgumentNullException.ThrowIfNull(update);
        var connector = context.Volumes.Connector(uuid);
        var node = LockedPoweredOff(update.NodeUuid, "volume connector update");
        var extra = JsonObjects.Check(update.Extra ?? default, nameof(update.Extra));
        context.Volumes.CheckUnique(update, connector);
        if (node.Uuid != connector.NodeUuid || update.Type != connector.Type || update.ConnectorId != connector.ConnectorId
            || !JsonObjects.Same(extra, connector.Extra))
        {
            connector.NodeUuid = node.Uuid;
            connector.Type = update.Type;
            connector.ConnectorId = update.ConnectorId;
            connector.Extra = extra.Clone();
            connector.UpdatedAt = context.Clock.GetUtcNow();
        }

        return connector.ToView();
    }

    /// <summary>
    /// Replaces a volume target's fields (<c>PATCH /v1/volume/targets/{uuid}</c>, Ironic's
    /// <c>update_volume_target</c>): the lock of its (new) node, which must be powered off.
    /// </summary>
    /// <exception cref="VolumeTargetNotFoundException">No target has the UUID (404).</exception>
    /// <exception cref="NodeNotFoundException">No node has the new node UUID (404).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    /// <exception cref="InvalidStateRequestedException">The node is not powered off (400).</exception>
    /// <exception cref="VolumeTargetBootIndexAlreadyExistsException">Another target of the node has the boot index (409).</exception>
    /// <exception cref="ArgumentException"><c>properties</c> or <c>extra</c> is not a JSON object.</exception>
    public VolumeTargetView UpdateVolumeTarget(string uuid, VolumeTargetRequest update)
    {
        ArgumentNullException.ThrowIfNull(uuid);
        ArgumentNullException.ThrowIfNull(update);
        var target = context.Volumes.Target(uuid);
        var node = LockedPoweredOff(update.NodeUuid, "volume target update");
        var extra = JsonObjects.Check(update.Extra ?? default, nameof(update.Extra));
        var properties = JsonObjects.Check(update.Properties ?? default, nameof(update.Properties));
        context.Volumes.CheckUnique(update with { NodeUuid = node.Uuid }, target);
        if (node.Uuid != target.NodeUuid || update.VolumeType != target.VolumeType || update.VolumeId != target.VolumeId
            || update.BootIndex != target.BootIndex || !JsonObjects.Same(properties, target.Properties) || !JsonObjects.Same(extra, target.Extra))
        {
            target.NodeUuid = node.Uuid;
            target.VolumeType = update.VolumeType;
            target.VolumeId = update.VolumeId;
            target.BootIndex = update.BootIndex;
            target.Properties = properties.Clone();
            target.Extra = extra.Clone();
            target.UpdatedAt = context.Clock.GetUtcNow();
        }

        return target.ToView();
    }

    /// <summary>
    /// Deletes a volume connector (<c>DELETE /v1/volume/connectors/{uuid}</c>, Ironic's
    /// <c>destroy_volume_connector</c>): the node's lock; a node outside <c>DELETE_ALLOWED_STATES</c>
    /// must be powered off.
    /// </summary>
    /// <exception cref="VolumeConnectorNotFoundException">No connector has the UUID (404).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    /// <exception cref="InvalidStateRequestedException">The node is powered on in a state where it cannot be deleted (400).</exception>
    public void DeleteVolumeConnector(string uuid)
    {
        ArgumentNullException.ThrowIfNull(uuid);
        var connector = context.Volumes.Connector(uuid);
        CheckVolumeDeletion(connector.NodeUuid, "volume connector deletion");
        context.Volumes.Remove(connector);
    }

    /// <summary>
    /// Deletes a volume target (<c>DELETE /v1/volume/targets/{uuid}</c>, Ironic's
    /// <c>destroy_volume_target</c>): the node's lock; a node outside <c>DELETE_ALLOWED_STATES</c>
    /// must be powered off.
    /// </summary>
    /// <exception cref="VolumeTargetNotFoundException">No target has the UUID (404).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    /// <exception cref="InvalidStateRequestedException">The node is powered on in a state where it cannot be deleted (400).</exception>
    public void DeleteVolumeTarget(string uuid)
    {
        ArgumentNullException.ThrowIfNull(uuid);
        var target = context.Volumes.Target(uuid);
        CheckVolumeDeletion(target.NodeUuid, "volume target deletion");
        context.Volumes.Remove(target);
    }

    private Node LockedPoweredOff(string nodeUuid, string action)
    {
        var node = Find(nodeUuid);
        context.Tasks.EnsureUnlocked(node);
        return node.PowerState == PowerState.PowerOff
            ? node
            : throw new InvalidStateRequestedException(action, node.PowerState?.ToIronicName() ?? "None", [], node.Uuid);
    }

    private void CheckVolumeDeletion(string nodeUuid, string action)
    {
        var node = Find(nodeUuid);
        context.Tasks.EnsureUnlocked(node);
        var deletable = ProvisionStateSetDefinition.Of(ProvisionStateSet.DeleteAllowedStates).Contains(node.ProvisionState);
        if (!deletable && node.PowerState != PowerState.PowerOff)
        {
            throw new InvalidStateRequestedException(action, node.PowerState?.ToIronicName() ?? "None", [], node.Uuid);
        }
    }
}
