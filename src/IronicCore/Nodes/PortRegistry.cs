using System.Globalization;
using IronicCore.Errors;

namespace IronicCore.Nodes;

/// <summary>
/// Every port, in creation order (Ironic's <c>id</c>), found by UUID, name or MAC address; a MAC
/// or a name belongs to one port only (Ironic's <c>ports</c> table and its unique constraints).
/// The three keys are hashed, as the table's unique indexes are, so that a fleet of a million
/// ports is built and looked up (the agent's lookup by MAC) without a scan per port.
/// </summary>
internal sealed class PortRegistry
{
    private readonly List<Port> ports = [];
    private readonly Dictionary<string, Port> byUuid = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Port> byAddress = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Port> byName = new(StringComparer.Ordinal);

    // The ports created, changed or removed since a reader last took them; null until a reader asks.
    private ChangeLog<Port>? changes;
    private long sequence;

    public IReadOnlyList<Port> All => ports;

    /// <summary>Ironic's <c>Port.get</c>: a database id (none is known here), a UUID or a name.</summary>
    /// <exception cref="PortNotFoundException">No port has it.</exception>
    public Port Get(string ident)
    {
        if (int.TryParse(ident, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            throw new PortNotFoundException(ident);
        }

        return (Guid.TryParse(ident, out _) ? ByUuid(ident) : byName.GetValueOrDefault(ident)) ?? throw new PortNotFoundException(ident);
    }

    public Port? ByUuid(string uuid) => byUuid.GetValueOrDefault(uuid);

    public Port? ByAddress(string mac) => byAddress.GetValueOrDefault(mac);

    /// <summary>The ports of a portgroup, in creation order.</summary>
    public IEnumerable<Port> InPortgroup(string portgroupUuid) =>
        ports.Where(p => string.Equals(p.PortgroupUuid, portgroupUuid, StringComparison.OrdinalIgnoreCase));

    /// <summary>Adds a checked port; its MAC, UUID and name must be free.</summary>
    /// <exception cref="MacAlreadyExistsException">The MAC is taken.</exception>
    /// <exception cref="PortAlreadyExistsException">The UUID or the name is taken (Ironic's database reports both so).</exception>
    public void Add(Port port)
    {
        if (ByAddress(port.Address) is not null)
        {
            throw new MacAlreadyExistsException(port.Address);
        }

        if (ByUuid(port.Uuid) is not null || (port.Name is not null && byName.ContainsKey(port.Name)))
        {
            throw new PortAlreadyExistsException(port.Uuid);
        }

        Take(port);
    }

    /// <summary>The unique constraints a change meets before it is stored: name first, then MAC.</summary>
    /// <exception cref="PortDuplicateNameException">Another port has the name.</exception>
    /// <exception cref="MacAlreadyExistsException">Another port has the MAC.</exception>
    public void CheckUnique(Port port, string address, string? name)
    {
        if (name is not null && byName.TryGetValue(name, out var named) && named != port)
        {
            throw new PortDuplicateNameException(name);
        }

        if (byAddress.TryGetValue(address, out var holder) && holder != port)
        {
            throw new MacAlreadyExistsException(address);
        }
    }

    /// <summary>Stores a checked change (<see cref="CheckUnique"/>) in a registered port, its MAC and name re-keyed.</summary>
    public void Store(Port port, PortRequest update, string nodeUuid)
    {
        Unkey(port);
        port.Store(update, nodeUuid);
        Key(port);
    }

    public void Remove(Port port)
    {
        if (ports.Remove(port))
        {
            Forget(port);
        }
    }

    /// <summary>Ironic's database deletes a node's ports with it.</summary>
    public void RemoveNode(string nodeUuid) => ports.RemoveAll(p => p.NodeUuid == nodeUuid && Forget(p));

    /// <summary>Adds a port a snapshot restores, without the checks it passed when it was made.</summary>
    public void Restore(Port port) => Take(port);

    /// <summary>
    /// From now on, records every port created, changed or removed; every port counts as changed
    /// at the start. Until called nothing is recorded.
    /// </summary>
    public void TrackChanges()
    {
        changes ??= new ChangeLog<Port>();
        foreach (var port in ports)
        {
            port.Changes = changes;
            changes.Add(port);
        }
    }

    /// <summary>Appends the ports recorded since the last call to <paramref name="into"/>, and forgets them.</summary>
    public void TakeChanges(List<Port> into) => changes?.Take(into);

    private void Take(Port port)
    {
        port.Sequence = ++sequence;
        ports.Add(port);
        byUuid[port.Uuid] = port;
        Key(port);
        port.Changes = changes;
        changes?.Add(port);
    }

    private bool Forget(Port port)
    {
        port.Removed = true;
        byUuid.Remove(port.Uuid);
        Unkey(port);
        changes?.Add(port);
        return true;
    }

    private void Key(Port port)
    {
        byAddress[port.Address] = port;
        if (port.Name is not null)
        {
            byName[port.Name] = port;
        }
    }

    private void Unkey(Port port)
    {
        byAddress.Remove(port.Address);
        if (port.Name is not null)
        {
            byName.Remove(port.Name);
        }
    }
}
