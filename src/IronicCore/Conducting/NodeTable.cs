using System.Runtime.InteropServices;
using IronicCore.Drivers;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Simulation;
using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>
/// Ironic's nodes table, by slot: each node with its machine and task, lookups by UUID and
/// name, and the indexes kept as nodes change (state by slot, counts by state, nodes in
/// maintenance, failing power syncs, power failures), so a fleet-wide pass reads small arrays
/// instead of every node. A deleted node leaves its slot empty.
/// </summary>
internal sealed class NodeTable
{
    // How many lines of each object Prefetch hints: the node spans six, the task and machine two
    // (their sizes, dotnet-gcdump, session 24: 368, 96 and 72 bytes).
    private const int NodeLines = 6;
    private const int TaskLines = 2;
    private const int MachineLines = 2;

    private readonly List<Node?> nodes = [];
    private readonly List<SimulatedMachine> machines = [];
    private readonly List<DriverTask> tasks = [];
    private readonly Dictionary<string, Node> byUuid = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Node> byName = new(StringComparer.Ordinal);
    private readonly int[] stateCounts = new int[Enum.GetValues<ProvisionState>().Length];

    // Every node's state by slot, beside the nodes: a periodic scan for one state reads this
    // small array instead of touching every node.
    private readonly List<ProvisionState> stateBySlot = [];

    // The maintenance slots (or a state's) in order, made again for each listing that reads them.
    private readonly List<int> slotsInOrder = [];

    // The slots whose node view changed since a reader last took them; null until a reader asks.
    private IndexSet? changes;

    // Sets of the slots in a state, made for the states a periodic scan asks for (the callback
    // waits) and kept as nodes move: a scan every minute reads the few waiting nodes, not a state
    // per slot of the whole fleet.
    private readonly IndexSet?[] slotsByState = new IndexSet?[Enum.GetValues<ProvisionState>().Length];

    public NodeTable() => RecordedPowerState = slot => nodes[slot]?.PowerState;

    /// <summary>The power state recorded for the node in a slot (null once deleted), for the machines that echo it.</summary>
    public Func<int, PowerState?> RecordedPowerState { get; }

    /// <summary>
    /// The slots whose power sync is known to change nothing: fake power reading the recorded
    /// state, no failed sync, no <c>last_error</c>, no task time. Power sync sets a slot; a change
    /// of any of those takes it out (the node's power state and <c>last_error</c>, the task's
    /// time, the machine's power or BMC, the node's driver).
    /// </summary>
    public SlotFlags PowerSyncQuiet { get; } = new();

    /// <summary>How many slots exist, deleted nodes' included.</summary>
    public int Count => nodes.Count;

    /// <summary>The slots of nodes in maintenance.</summary>
    public IndexSet MaintenanceSlots { get; } = new(0);

    /// <summary>The slots of nodes whose power sync failed on its last visit.</summary>
    public IndexSet PowerSyncFailing { get; } = new(0);

    /// <summary>
    /// The slots of nodes given fault "power failure" (by power sync, or at creation): the only
    /// ones power failure recovery can act on, so it need not read the whole fleet every run.
    /// </summary>
    public SortedSet<int> PowerFailed { get; } = [];

    /// <summary>Every slot's provision state.</summary>
    public ReadOnlySpan<ProvisionState> States => CollectionsMarshal.AsSpan(stateBySlot);

    /// <summary>The node in <paramref name="slot"/>, or null once deleted.</summary>
    public Node? this[int slot] => nodes[slot];

    public SimulatedMachine MachineAt(int slot) => machines[slot];

    public DriverTask TaskAt(int slot) => tasks[slot];

    /// <summary>
    /// Hints the cache lines a worker or agent event for <paramref name="slot"/> reads first: the
    /// node's fields, its task and its machine (any slot number is accepted; a periodic tick's is not a node's).
    /// </summary>
    public void Prefetch(int slot)
    {
        if ((uint)slot >= (uint)nodes.Count)
        {
            return;
        }

        CacheLines.Prefetch(nodes[slot], NodeLines);
        CacheLines.Prefetch(tasks[slot], TaskLines);
        CacheLines.Prefetch(machines[slot], MachineLines);
    }

    /// <summary>What the node's driver interfaces see of it.</summary>
    public DriverTask TaskOf(Node node) => tasks[node.Index];

    /// <summary>The node's driver (Ironic's <c>task.driver</c>).</summary>
    public NodeDriver DriverOf(Node node) => tasks[node.Index].Driver;

    /// <summary>Gives the node the task of another driver (its <c>driver</c> or an interface changed).</summary>
    public void SetTask(Node node, DriverTask task)
    {
        tasks[node.Index] = task;
        PowerSyncQuiet.Clear(node.Index);
    }

    public ProvisionState StateAt(int slot) => stateBySlot[slot];

    public int CountIn(ProvisionState state) => stateCounts[(int)state];

    /// <summary>The slots of the nodes in <paramref name="state"/>, in no particular order; kept from the first call on.</summary>
    public IndexSet SlotsIn(ProvisionState state)
    {
        if (slotsByState[(int)state] is { } set)
        {
            return set;
        }

        set = new IndexSet(nodes.Count);
        for (var slot = 0; slot < nodes.Count; slot++)
        {
            if (stateBySlot[slot] == state && nodes[slot] is not null)
            {
                set.Add(slot);
            }
        }

        slotsByState[(int)state] = set;
        return set;
    }

    /// <summary>
    /// Views of the nodes with this <c>maintenance</c> and in this state (null: any), in slot
    /// order; with <c>maintenance=true</c> only the nodes in maintenance are visited.
    /// </summary>
    public List<NodeView> List(bool? maintenance, ProvisionState? provisionState)
    {
        var found = new List<NodeView>();
        if (maintenance == true)
        {
            slotsInOrder.Clear();
            MaintenanceSlots.CopySorted(slotsInOrder);
            foreach (var slot in slotsInOrder)
            {
                if (provisionState is null || stateBySlot[slot] == provisionState)
                {
                    found.Add(nodes[slot]!.ToView());
                }
            }

            return found;
        }

        if (provisionState is { } state)
        {
            // The nodes in the state, in slot order, without a pass over every slot (a fleet's
            // policies list the few failed nodes every few minutes).
            slotsInOrder.Clear();
            SlotsIn(state).CopySorted(slotsInOrder);
            foreach (var slot in slotsInOrder)
            {
                if ((maintenance is null || !MaintenanceSlots.Contains(slot)) && nodes[slot] is { } node)
                {
                    found.Add(node.ToView());
                }
            }

            return found;
        }

        for (var slot = 0; slot < nodes.Count; slot++)
        {
            if ((maintenance is null || !MaintenanceSlots.Contains(slot)) && nodes[slot] is { } node)
            {
                found.Add(node.ToView());
            }
        }

        return found;
    }

    /// <summary>The node with this UUID or name.</summary>
    /// <exception cref="NodeNotFoundException">No node has it.</exception>
    public Node Find(string ident)
    {
        ArgumentNullException.ThrowIfNull(ident);
        return byUuid.TryGetValue(ident, out var node) || byName.TryGetValue(ident, out node)
            ? node
            : throw new NodeNotFoundException(ident);
    }

    /// <summary>The node with this UUID or name, or null.</summary>
    public Node? TryFind(string ident) => byUuid.TryGetValue(ident, out var node) || byName.TryGetValue(ident, out node) ? node : null;

    public bool HasUuid(string uuid) => byUuid.ContainsKey(uuid);

    public bool HasName(string name) => byName.ContainsKey(name);

    /// <summary>Adds a slot: its node (null for a snapshot's deleted one), state, machine and task.</summary>
    public void Add(Node? node, ProvisionState state, SimulatedMachine machine, DriverTask task)
    {
        nodes.Add(node);
        node?.PowerSyncQuiet = PowerSyncQuiet;
        stateBySlot.Add(state);
        machines.Add(machine);
        tasks.Add(task);
        if (changes is not null)
        {
            node?.Changes = changes;
            changes.Add(nodes.Count - 1);
        }
    }

    /// <summary>
    /// From now on, records the slot of every node created, deleted or whose view changes (each
    /// field a view shows reports its change); every slot counts as changed at the start.
    /// </summary>
    public void TrackChanges()
    {
        changes ??= new IndexSet(nodes.Count);
        for (var slot = 0; slot < nodes.Count; slot++)
        {
            nodes[slot]?.Changes = changes;
            changes.Add(slot);
        }
    }

    /// <summary>Appends the changed slots to <paramref name="into"/> in slot order, and forgets them.</summary>
    public void TakeChanges(List<int> into)
    {
        if (changes is null)
        {
            return;
        }

        changes.CopySorted(into);
        while (changes.Count > 0)
        {
            changes.Remove(changes[changes.Count - 1]);
        }
    }

    /// <summary>Enters a new node in the lookups and indexes.</summary>
    public void Register(Node node)
    {
        Index(node);
        byUuid.Add(node.Uuid, node);
        if (node.Name is not null)
        {
            byName.Add(node.Name, node);
        }
    }

    /// <summary>Empties the node's slot, and takes it out of every lookup and index.</summary>
    public void Remove(Node node)
    {
        nodes[node.Index] = null;
        changes?.Add(node.Index);
        stateCounts[(int)node.ProvisionState]--;
        slotsByState[(int)node.ProvisionState]?.Remove(node.Index);
        MaintenanceSlots.Remove(node.Index);
        PowerSyncFailing.Remove(node.Index);
        byUuid.Remove(node.Uuid);
        if (node.Name is not null)
        {
            byName.Remove(node.Name);
        }
    }

    public void Rename(Node node, string? name)
    {
        if (node.Name is not null)
        {
            byName.Remove(node.Name);
        }

        if (name is not null)
        {
            byName.Add(name, node);
        }

        node.Name = name;
    }

    /// <summary>Records the node's new provision state in the state table and counts.</summary>
    public void Moved(Node node, ProvisionState from, ProvisionState to)
    {
        stateBySlot[node.Index] = to;
        stateCounts[(int)from]--;
        stateCounts[(int)to]++;
        slotsByState[(int)from]?.Remove(node.Index);
        slotsByState[(int)to]?.Add(node.Index);
    }

    /// <summary>
    /// Every change of a node's <c>maintenance</c> goes through here, so the list of nodes in
    /// maintenance stays exact: power sync, the fleet's samples and its listings read that list
    /// instead of every node.
    /// </summary>
    public void SetMaintenance(Node node, bool maintenance)
    {
        node.Maintenance = maintenance;
        if (maintenance)
        {
            MaintenanceSlots.Add(node.Index);
        }
        else
        {
            MaintenanceSlots.Remove(node.Index);
        }
    }

    /// <summary>
    /// Makes every lookup and index again after a snapshot restored the slots (indexes are
    /// rebuilt here, never saved).
    /// </summary>
    /// <exception cref="InvalidOperationException">A UUID or name appears twice.</exception>
    public void RebuildIndexes()
    {
        foreach (var node in nodes)
        {
            if (node is null)
            {
                continue;
            }

            if (!byUuid.TryAdd(node.Uuid, node) || (node.Name is { } name && !byName.TryAdd(name, node)))
            {
                throw new InvalidOperationException($"node {node.Uuid} or its name appears twice");
            }

            Index(node);
        }
    }

    /// <summary>Counts a node by its state and enters it in the sets derived from its fields.</summary>
    private void Index(Node node)
    {
        stateCounts[(int)node.ProvisionState]++;
        slotsByState[(int)node.ProvisionState]?.Add(node.Index);
        if (node.Maintenance)
        {
            MaintenanceSlots.Add(node.Index);
        }

        if (node.Fault == NodeFault.PowerFailure)
        {
            PowerFailed.Add(node.Index);
        }

        if (node.PowerSyncFailures > 0)
        {
            PowerSyncFailing.Add(node.Index);
        }
    }
}
