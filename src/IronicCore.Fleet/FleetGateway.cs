using System.Collections.Immutable;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Fleet;

/// <summary>
/// Ironic's API in front of a fleet's conductors: a request goes to the conductor the hash
/// ring gives the node (a dead one still on the ring times out), takes one of its
/// <c>workers_pool_size</c> workers for the scenario's worker time (none free:
/// <c>NoFreeConductorWorker</c>, 503, nothing changed), and reaches the node table the
/// conductors share, with Ironic's checks and limits. Reads (lists, a node) come from the
/// database, as Ironic's API serves them, without a conductor.
/// </summary>
internal sealed partial class FleetGateway : IFleetApi
{
    private readonly FleetSimulation simulation;
    private readonly Conductor conductor;
    private readonly FleetScenario scenario;
    private readonly int partitions;
    private HashRing ring;

    public FleetGateway(FleetSimulation simulation, Conductor conductor, FleetScenario scenario)
    {
        this.simulation = simulation;
        this.conductor = conductor;
        this.scenario = scenario;
        partitions = 1 << scenario.Options.DefaultSection.HashPartitionExponent;
        Hosts = [.. Enumerable.Range(0, scenario.Conductors).Select(i => new ConductorHost(i, $"conductor-{i}"))];
        ring = BuildRing();
    }

    public ImmutableArray<ConductorHost> Hosts { get; }

    public int NoFreeWorkerRefusals { get; private set; }

    public int ConcurrentActionLimitRefusals { get; private set; }

    public DateTimeOffset Now => conductor.Clock.GetUtcNow();

    /// <summary>The conductor the hash ring gives the node now.</summary>
    public ConductorHost HostOf(string uuid) => Hosts[ring.HostOf(uuid)];

    public IReadOnlyList<NodeView> ListNodes(bool? maintenance = null, ProvisionState? provisionState = null) =>
        conductor.ListNodes(maintenance, provisionState);

    public NodeView GetNode(string ident) => conductor.GetNode(ident);

    public void SetProvisionState(string ident, ApiVerb verb, ProvisionRequest? request = null) =>
        Request(simulation.NodeOf(ident), verb, request);

    public void SetMaintenance(string ident, string? reason = null) => Maintenance(simulation.NodeOf(ident), reason);

    public void ClearMaintenance(string ident)
    {
        var node = simulation.NodeOf(ident);
        Route(node);
        conductor.ClearMaintenance(node.Uuid);
    }

    public void SetPowerState(string ident, PowerState target, TimeSpan? timeout = null)
    {
        var node = simulation.NodeOf(ident);
        var host = TakeWorker(node);
        conductor.SetPowerState(node.Uuid, target, timeout);
        HoldWorker(host, node);
    }

    public void OpenTicket(string ident) => simulation.OpenTicket(simulation.NodeOf(ident));

    public bool HasTicket(string ident) => simulation.NodeOf(ident).Ticket;

    /// <summary>A provisioning request: routed, a worker taken, then Ironic's own checks.</summary>
    public void Request(FleetNode node, ApiVerb verb, ProvisionRequest? request = null)
    {
        var host = TakeWorker(node);
        try
        {
            conductor.SetProvisionState(node.Uuid, verb, request);
        }
        catch (ConcurrentActionLimitException)
        {
            ConcurrentActionLimitRefusals++;
            throw;
        }

        HoldWorker(host, node);
    }

    public void Maintenance(FleetNode node, string? reason)
    {
        Route(node);
        conductor.SetMaintenance(node.Uuid, reason);
    }

    /// <summary>A worker of <paramref name="host"/>'s life <paramref name="generation"/> finished.</summary>
    public void Release(int host, long generation)
    {
        if (Hosts[host].Generation == generation && Hosts[host].Working.Count > 0)
        {
            Hosts[host].Working.Dequeue();
        }
    }

    /// <summary>The dead conductor went offline and the ring caches expired: its nodes map to the survivors.</summary>
    public void LeaveRing(int host, long generation)
    {
        if (!Hosts[host].Alive && Hosts[host].Generation == generation)
        {
            Hosts[host].OnRing = false;
            ring = BuildRing();
        }
    }

    public void JoinRing(int host)
    {
        Hosts[host].Alive = true;
        Hosts[host].OnRing = true;
        ring = BuildRing();
    }

    private HashRing BuildRing() => new(Hosts.Where(h => h.OnRing).Select(h => (h.Index, h.Name)), partitions);

    private ConductorHost Route(FleetNode node)
    {
        if (ring.IsEmpty)
        {
            throw new ConductorUnreachableException("(none)");
        }

        var host = Hosts[ring.HostOf(node.RingKey)];
        return host.Alive ? host : throw new ConductorUnreachableException(host.Name);
    }

    /// <summary>Routes the request to the node's conductor and checks it has a free worker.</summary>
    private ConductorHost TakeWorker(FleetNode node)
    {
        var host = Route(node);
        if (host.Working.Count >= scenario.Options.WorkersPoolSize)
        {
            NoFreeWorkerRefusals++;
            throw new NoFreeConductorWorkerException();
        }

        return host;
    }

    /// <summary>The accepted request's worker stays busy for the scenario's worker time.</summary>
    private void HoldWorker(ConductorHost host, FleetNode node)
    {
        host.Working.Enqueue(node.Index);
        conductor.Clock.Schedule(scenario.WorkerDuration, simulation, (int)FleetEvent.WorkerRelease, host.Index, host.Generation);
    }
}
