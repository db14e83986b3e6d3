using IronicCore.Api.Conductors;
using IronicCore.Api.Drivers;
using IronicCore.Api.Nodes;
using IronicCore.Api.Portgroups;
using IronicCore.Api.Ports;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Api.Hosting;

/// <summary>
/// Everything the API reads and writes: the conductor, and the node fields and ports that only
/// the API knows about. Owned by <see cref="ConductorLoop"/>: touched on its turn only.
/// </summary>
internal sealed class SimulationState : ITransitionObserver
{
    private readonly Dictionary<string, NodeRecord> records = new(StringComparer.OrdinalIgnoreCase);

    public SimulationState(Conductor conductor, ConductorHosts? hosts = null)
    {
        Conductor = conductor;
        Hosts = hosts ?? ConductorHosts.Single(conductor.Host);
        Drivers = new EnabledDrivers(conductor);
        conductor.Subscribe(this);
    }

    public Conductor Conductor { get; }

    /// <summary>The conductor services the API reports, and which one manages each node.</summary>
    public ConductorHosts Hosts { get; }

    /// <summary>The hardware types served, with their interfaces.</summary>
    public EnabledDrivers Drivers { get; }

    public PortRegistry Ports { get; } = new();

    public PortgroupRegistry Portgroups { get; } = new();

    public DateTimeOffset Now => Conductor.Clock.GetUtcNow();

    /// <summary>The API's part of a node; made on first sight for nodes that came from a scenario or fleet.</summary>
    public NodeRecord RecordOf(NodeView node) => RecordOf(node.Uuid);

    public void Forget(string uuid)
    {
        records.Remove(uuid);
        Ports.RemoveNode(uuid);
        Portgroups.RemoveNode(uuid);
    }

    public void Touch(string uuid) => RecordOf(Conductor.GetNode(uuid)).UpdatedAt = Now;

    void ITransitionObserver.OnTransition(in TransitionRecord transition)
    {
        // Ironic's database stamps the end of a successful inspection (and clears it when one starts).
        var inspected = transition.From is ProvisionState.Inspecting or ProvisionState.InspectWait && transition.To == ProvisionState.Manageable;
        if (inspected || transition.To == ProvisionState.Inspecting)
        {
            RecordOf(transition.NodeUuid).InspectionFinishedAt = inspected ? transition.At : null;
        }

        if (records.TryGetValue(transition.NodeUuid, out var record))
        {
            record.UpdatedAt = transition.At;

            // Ironic's tear-down clears the instance's fields however it ends.
            if (transition.From == ProvisionState.Deleting)
            {
                record.InstanceInfo = [];
                record.InstanceName = null;
            }
        }
    }

    private NodeRecord RecordOf(string uuid)
    {
        if (!records.TryGetValue(uuid, out var record))
        {
            record = new NodeRecord(Now);
            records.Add(uuid, record);
        }

        return record;
    }
}
