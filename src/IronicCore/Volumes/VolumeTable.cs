using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Simulation;

namespace IronicCore.Volumes;

/// <summary>
/// Every volume connector and target, in creation order (Ironic's <c>id</c>), with the database's
/// rules: UUIDs are unique, a connector's type and connector ID are unique among all connectors, a
/// target's boot index among its node's targets. UUIDs not given come from a stream of the table's own.
/// </summary>
internal sealed class VolumeTable(ulong seed)
{
    private readonly List<VolumeConnector> connectors = [];
    private readonly List<VolumeTarget> targets = [];

    /// <summary>Where generated UUIDs come from; saved in snapshots.</summary>
    public SeededRandom Uuids { get; } = new(SeededRandom.StreamSeed(seed, "volumes"));

    public IReadOnlyList<VolumeConnector> Connectors => connectors;

    public IReadOnlyList<VolumeTarget> Targets => targets;

    /// <exception cref="VolumeConnectorNotFoundException">No connector has the UUID.</exception>
    public VolumeConnector Connector(string uuid) =>
        connectors.Find(c => string.Equals(c.Uuid, uuid, StringComparison.OrdinalIgnoreCase)) ?? throw new VolumeConnectorNotFoundException(uuid);

    /// <exception cref="VolumeTargetNotFoundException">No target has the UUID.</exception>
    public VolumeTarget Target(string uuid) =>
        targets.Find(t => string.Equals(t.Uuid, uuid, StringComparison.OrdinalIgnoreCase)) ?? throw new VolumeTargetNotFoundException(uuid);

    /// <exception cref="VolumeConnectorAlreadyExistsException">The UUID is taken.</exception>
    /// <exception cref="VolumeConnectorTypeAndIdAlreadyExistsException">Another connector has the type and connector ID.</exception>
    public VolumeConnector Create(VolumeConnectorRequest request, string? uuid, DateTimeOffset now)
    {
        var extra = Check(uuid, request.Extra, nameof(request.Extra));
        // Both keys taken: Ironic's database (sqlite) reports the type and connector ID first.
        CheckUnique(request, except: null);
        uuid ??= Uuids.NewUuid().ToString();
        if (connectors.Exists(c => string.Equals(c.Uuid, uuid, StringComparison.OrdinalIgnoreCase)))
        {
            throw new VolumeConnectorAlreadyExistsException(uuid);
        }

        var connector = new VolumeConnector(uuid, now) { NodeUuid = request.NodeUuid, Type = request.Type, ConnectorId = request.ConnectorId, Extra = extra };
        connectors.Add(connector);
        return connector;
    }

    /// <exception cref="VolumeTargetAlreadyExistsException">The UUID is taken.</exception>
    /// <exception cref="VolumeTargetBootIndexAlreadyExistsException">Another target of the node has the boot index.</exception>
    public VolumeTarget Create(VolumeTargetRequest request, string? uuid, DateTimeOffset now)
    {
        var extra = Check(uuid, request.Extra, nameof(request.Extra));
        var properties = JsonObjects.Check(request.Properties ?? default, nameof(request.Properties)).Clone();
        // Both keys taken: Ironic's database (sqlite) reports the node's boot index first.
        CheckUnique(request, except: null);
        uuid ??= Uuids.NewUuid().ToString();
        if (targets.Exists(t => string.Equals(t.Uuid, uuid, StringComparison.OrdinalIgnoreCase)))
        {
            throw new VolumeTargetAlreadyExistsException(uuid);
        }

        var target = new VolumeTarget(uuid, now)
        {
            NodeUuid = request.NodeUuid,
            VolumeType = request.VolumeType,
            VolumeId = request.VolumeId,
            BootIndex = request.BootIndex,
            Properties = properties,
            Extra = extra,
        };
        targets.Add(target);
        return target;
    }

    /// <summary>Checks the connector's new fields against the others; nothing is changed.</summary>
    /// <exception cref="VolumeConnectorTypeAndIdAlreadyExistsException">Another connector has the type and connector ID.</exception>
    public void CheckUnique(VolumeConnectorRequest request, VolumeConnector? except)
    {
        if (connectors.Exists(c => c != except && c.Type == request.Type && c.ConnectorId == request.ConnectorId))
        {
            throw new VolumeConnectorTypeAndIdAlreadyExistsException(request.Type, request.ConnectorId);
        }
    }

    /// <summary>Checks the target's new fields against the others; nothing is changed.</summary>
    /// <exception cref="VolumeTargetBootIndexAlreadyExistsException">Another target of the node has the boot index.</exception>
    public void CheckUnique(VolumeTargetRequest request, VolumeTarget? except)
    {
        if (targets.Exists(t => t != except && t.BootIndex == request.BootIndex
            && string.Equals(t.NodeUuid, request.NodeUuid, StringComparison.OrdinalIgnoreCase)))
        {
            throw new VolumeTargetBootIndexAlreadyExistsException(request.BootIndex);
        }
    }

    public void Remove(VolumeConnector connector) => connectors.Remove(connector);

    public void Remove(VolumeTarget target) => targets.Remove(target);

    /// <summary>Ironic's <c>destroy_node</c> deletes the node's connectors and targets with it.</summary>
    public void NodeDeleted(string nodeUuid)
    {
        if (connectors.Count + targets.Count == 0)
        {
            return;
        }

        connectors.RemoveAll(c => string.Equals(c.NodeUuid, nodeUuid, StringComparison.OrdinalIgnoreCase));
        targets.RemoveAll(t => string.Equals(t.NodeUuid, nodeUuid, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Adds a connector read from a snapshot, as saved.</summary>
    public void Restore(VolumeConnector connector) => connectors.Add(connector);

    /// <summary>Adds a target read from a snapshot, as saved.</summary>
    public void Restore(VolumeTarget target) => targets.Add(target);

    private static System.Text.Json.JsonElement Check(string? uuid, System.Text.Json.JsonElement? extra, string name)
    {
        if (uuid is not null && !Guid.TryParse(uuid, out _))
        {
            throw new ArgumentException($"Expected UUID for uuid: {uuid}", nameof(uuid));
        }

        return JsonObjects.Check(extra ?? default, name).Clone();
    }
}
