using System.Collections.Immutable;
using IronicCore.Agent;
using IronicCore.Conducting;
using IronicCore.Configuration;
using IronicCore.Drivers;
using IronicCore.Errors;
using IronicCore.Maintenance;
using IronicCore.Nodes;
using IronicCore.Simulation;
using IronicCore.States;

namespace IronicCore;

/// <summary>
/// One Ironic conductor with its API in front: the operations of Ironic's REST API for
/// nodes, with Ironic's checks, answers and errors, on a virtual clock. A request either
/// throws a typed <see cref="IronicException"/> and changes nothing, or is accepted (HTTP 202):
/// its first state change is stored and its worker runs on <see cref="Clock"/>, so
/// <see cref="SimulationClock.RunDue"/> or <see cref="SimulationClock.Advance"/> lets it finish.
/// Periodic tasks (power sync, recovery, callback timeouts) run as the clock advances.
/// </summary>
/// <remarks>
/// Not thread-safe: one simulation, one thread. The conductor never reads the wall clock. Each
/// method checks its arguments and hands over to one of the conductor's parts
/// (<c>IronicCore.Conducting</c>), named as Ironic's conductor names them.
/// </remarks>
public sealed partial class Conductor : IPrefetchingEventHandler
{
    /// <summary>The conductor's host name, written into <c>reservation</c> while it holds a node's lock.</summary>
    public const string DefaultHost = "sim-conductor";

    private readonly ConductorContext context;

    /// <summary>Creates a conductor with no nodes, its periodic tasks scheduled from the clock's current time.</summary>
    /// <param name="options">Ironic's options; null takes Ironic master's defaults. Validated here.</param>
    /// <param name="clock">The virtual clock; null starts a new one at <see cref="SimulationClock.DefaultStart"/>.</param>
    /// <param name="maintenancePolicy">What maintenance blocks; null is Ironic's own rules.</param>
    /// <param name="seed">Seeds node UUIDs and every other random choice.</param>
    /// <param name="host">The conductor's host name.</param>
    /// <param name="agents">
    /// How ramdisk agents behave on their own: they boot, look up, heartbeat and finish their
    /// steps on the clock (a fleet run). Null: agents act only when told (<see cref="Heartbeat(string, string, string?, string?)"/>,
    /// <see cref="SetAgentResult"/>), as in a scenario.
    /// </param>
    /// <exception cref="IncorrectConfigurationException">An option is out of its range.</exception>
    public Conductor(
        ConductorOptions? options = null,
        SimulationClock? clock = null,
        IMaintenancePolicy? maintenancePolicy = null,
        ulong seed = 0,
        string host = DefaultHost,
        AgentBehaviour? agents = null)
    {
        options ??= new ConductorOptions();
        options.Validate();
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        context = new ConductorContext(
            options, clock ?? new SimulationClock(), maintenancePolicy ?? IronicMaintenancePolicy.Instance, seed, host, agents, this);
    }

    /// <summary>The virtual clock the conductor runs on.</summary>
    public SimulationClock Clock => context.Clock;

    /// <summary>The options, validated.</summary>
    public ConductorOptions Options => context.Options;

    /// <summary>The Ironic release the conductor behaves as (from <see cref="Options"/>).</summary>
    public IronicRelease Release => context.Release;

    /// <summary>The conductor's host name.</summary>
    public string Host => context.Host;

    /// <summary>Every node, in creation order, as snapshots.</summary>
    public ImmutableArray<NodeView> Nodes
    {
        get
        {
            var table = context.Nodes;
            var views = ImmutableArray.CreateBuilder<NodeView>();
            for (var slot = 0; slot < table.Count; slot++)
            {
                if (table[slot] is { } node)
                {
                    views.Add(node.ToView());
                }
            }

            return views.ToImmutable();
        }
    }

    /// <summary>The node with this UUID or name, as a snapshot.</summary>
    /// <exception cref="NodeNotFoundException">No node has it.</exception>
    public NodeView GetNode(string ident) => Find(ident).ToView();

    /// <summary>The simulated machine behind a node: its BMC and its real power state.</summary>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    public SimulatedMachine GetMachine(string ident) => context.Nodes.MachineAt(Find(ident).Index);

    /// <summary>
    /// Enables a hardware type (Ironic's <c>[DEFAULT] enabled_hardware_types</c>): nodes created
    /// afterwards may ask for it by <see cref="HardwareType.Name"/>. <paramref name="create"/> runs
    /// once, here, with the conductor's clock, options and a random stream of the type's own.
    /// </summary>
    /// <param name="name">The <c>driver</c> name, e.g. <c>ipmi</c>.</param>
    /// <param name="create">Builds the type's interfaces; the result must carry <paramref name="name"/>.</param>
    /// <returns>The registered type.</returns>
    /// <exception cref="ArgumentException">The name is taken, or the type carries another name.</exception>
    public HardwareType RegisterHardwareType(string name, Func<DriverContext, HardwareType> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        return context.Drivers.Register(name, create);
    }

    /// <summary>The node as its driver interfaces see it, for driver code outside a driver call (e.g. to inspect what a boot interface wrote).</summary>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    public DriverTask GetDriverTask(string ident) => context.Nodes.TaskOf(Find(ident));

    /// <summary>Subscribes to every provision state change; dispose the result to stop.</summary>
    public IDisposable Subscribe(ITransitionObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        return context.Tasks.Subscribe(observer);
    }

    /// <summary>
    /// Enrolls a node (<c>POST /v1/nodes</c>). Set-up fields of the request may place it
    /// directly in another state.
    /// </summary>
    /// <exception cref="DriverNotFoundException">The hardware type is not enabled here.</exception>
    /// <exception cref="InvalidParameterValueException">A field is invalid.</exception>
    /// <exception cref="DuplicateNameException">The name is taken.</exception>
    /// <exception cref="NodeAlreadyExistsException">The UUID is taken.</exception>
    public NodeView CreateNode(NodeCreateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return context.Records.Create(request).ToView();
    }

    /// <summary>Deletes a node (<c>DELETE /v1/nodes/{node}</c>) with Ironic's refusals.</summary>
    /// <exception cref="NodeNotFoundException">No such node.</exception>
    /// <exception cref="NodeLockedException">The node is locked.</exception>
    /// <exception cref="NodeAssociatedException">It has an instance and is not in maintenance.</exception>
    /// <exception cref="NodeProtectedException">It is protected.</exception>
    /// <exception cref="InvalidStateException">Its state does not allow deletion outside maintenance.</exception>
    public void DeleteNode(string ident) => context.Records.Delete(Find(ident));

    /// <summary>
    /// Stores the changed fields of <paramref name="update"/> (<c>PATCH /v1/nodes/{node}</c> once the
    /// API has applied the patch), with Ironic's conductor-side rules; the API's own checks (fields
    /// allowed, transitions in progress) come before.
    /// </summary>
    /// <exception cref="NodeNotFoundException">No such node (404).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    /// <exception cref="InvalidParameterValueException">An invalid name, or a reason without its flag (400).</exception>
    /// <exception cref="DuplicateNameException">The name is taken (409).</exception>
    /// <exception cref="NodeAssociatedException">A new instance for a node that has one (409).</exception>
    /// <exception cref="InvalidStateException">Protected outside active/rescue, or retired in available (409).</exception>
    /// <exception cref="ArgumentException">A dictionary field is not a JSON object.</exception>
    public NodeView UpdateNode(string ident, NodeUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var node = Find(ident);
        context.Records.Update(node, update);
        return node.ToView();
    }

    /// <summary>Adds traits to the node, or replaces its own with them (Ironic's <c>add_node_traits</c>); a trait it has already is kept once.</summary>
    /// <param name="node">The node's UUID or name.</param>
    /// <param name="traits">The traits (Ironic's API checks their names).</param>
    /// <param name="replace">Whether they replace the node's traits.</param>
    /// <exception cref="NodeNotFoundException">No such node (404).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    /// <exception cref="InvalidParameterValueException">The node would hold more than 50 traits (400).</exception>
    public void AddNodeTraits(string node, IEnumerable<string> traits, bool replace = false)
    {
        ArgumentNullException.ThrowIfNull(traits);
        context.Records.AddTraits(Find(node), traits, replace);
    }

    /// <summary>Removes traits from the node, or all of them (Ironic's <c>remove_node_traits</c>).</summary>
    /// <param name="node">The node's UUID or name.</param>
    /// <param name="traits">The traits to remove; null removes every trait.</param>
    /// <exception cref="NodeNotFoundException">No such node (404).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    /// <exception cref="NodeTraitNotFoundException">The node lacks one of them; none was removed (404).</exception>
    public void RemoveNodeTraits(string node, IEnumerable<string>? traits = null) => context.Records.RemoveTraits(Find(node), traits);

    /// <summary>Replaces a node's <c>driver_info</c> (<c>PATCH /v1/nodes/{node}</c> on <c>/driver_info</c>).</summary>
    /// <exception cref="NodeNotFoundException">No such node.</exception>
    /// <exception cref="NodeLockedException">The node is locked.</exception>
    /// <exception cref="InvalidStateException">The node is in a transition that does not allow updates.</exception>
    public NodeView UpdateDriverInfo(string ident, ImmutableSortedDictionary<string, string> driverInfo)
    {
        ArgumentNullException.ThrowIfNull(driverInfo);
        var node = Find(ident);
        context.Records.UpdateDriverInfo(node, driverInfo);
        return node.ToView();
    }

    /// <summary>
    /// Sets or clears <c>protected</c> (with its reason). A protected node refuses undeploy,
    /// rebuild and deletion. Only an <c>active</c> or <c>rescue</c> node can be protected;
    /// clearing it clears the reason.
    /// </summary>
    /// <exception cref="NodeNotFoundException">No such node.</exception>
    /// <exception cref="NodeLockedException">The node is locked.</exception>
    /// <exception cref="InvalidStateException">Protecting a node that is not active or in rescue (409).</exception>
    public NodeView SetProtected(string ident, bool @protected, string? reason = null)
    {
        var node = Find(ident);
        context.Records.SetProtected(node, @protected, reason);
        return node.ToView();
    }

    /// <summary>
    /// Sets or clears <c>retired</c> (with its reason). A retired node refuses <c>provide</c>,
    /// and its cleaning ends in <c>manageable</c>. An <c>available</c> node cannot be retired.
    /// </summary>
    /// <exception cref="NodeNotFoundException">No such node.</exception>
    /// <exception cref="NodeLockedException">The node is locked.</exception>
    /// <exception cref="InvalidStateException">Retiring an available node (409).</exception>
    public NodeView SetRetired(string ident, bool retired, string? reason = null)
    {
        var node = Find(ident);
        context.Records.SetRetired(node, retired, reason);
        return node.ToView();
    }

    /// <summary>
    /// Puts a node in maintenance (<c>PUT /v1/nodes/{node}/maintenance</c>), in any provision
    /// state. The reason is replaced (null clears it); a <c>fault</c> the conductor set stays,
    /// so a node in <c>power failure</c> is still recovered automatically.
    /// </summary>
    /// <exception cref="NodeNotFoundException">No such node (404).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    public void SetMaintenance(string ident, string? reason = null) => context.Records.SetMaintenance(Find(ident), reason);

    /// <summary>
    /// Takes a node out of maintenance (<c>DELETE /v1/nodes/{node}/maintenance</c>): the reason
    /// and the <c>fault</c> are cleared with it.
    /// </summary>
    /// <exception cref="NodeNotFoundException">No such node (404).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    public void ClearMaintenance(string ident) => context.Records.ClearMaintenance(Find(ident));

    /// <summary>Runs a scheduled worker or periodic tick. Called by <see cref="Clock"/>; not for callers.</summary>
    void ISimulationEventHandler.Handle(in ScheduledEvent scheduled) => context.Workers.Handle(scheduled);

    /// <summary>Hints the memory of the node an upcoming worker or agent event concerns.</summary>
    void IPrefetchingEventHandler.Prefetch(in ScheduledEvent upcoming) => context.Nodes.Prefetch(upcoming.Subject);

    private Node Find(string ident) => context.Nodes.Find(ident);
}
