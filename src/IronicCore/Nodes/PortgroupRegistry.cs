using System.Globalization;
using IronicCore.Errors;

namespace IronicCore.Nodes;

/// <summary>
/// Every portgroup, in creation order, numbered from 1 as Ironic's database numbers them, found
/// by id, UUID or name; names and MACs are unique among portgroups.
/// </summary>
internal sealed class PortgroupRegistry
{
    private readonly List<Portgroup> portgroups = [];

    // The portgroups created, changed or removed since a reader last took them; null until a reader asks.
    private ChangeLog<Portgroup>? changes;

    public IReadOnlyList<Portgroup> All => portgroups;

    /// <summary>The id the last portgroup made was given: ids are never reused.</summary>
    public int LastId { get; private set; }

    /// <summary>Ironic's <c>Portgroup.get</c>: a database id, a UUID or a name.</summary>
    /// <exception cref="PortgroupNotFoundException">No portgroup has it.</exception>
    public Portgroup Get(string ident)
    {
        if (int.TryParse(ident, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return portgroups.Find(p => p.Id == id) ?? throw new PortgroupNotFoundException(ident);
        }

        return (Guid.TryParse(ident, out _) ? ByUuid(ident) : portgroups.Find(p => p.Name == ident)) ?? throw new PortgroupNotFoundException(ident);
    }

    /// <summary>The portgroup a port or VIF names by UUID, or null.</summary>
    public Portgroup? ByUuid(string uuid) => portgroups.Find(p => string.Equals(p.Uuid, uuid, StringComparison.OrdinalIgnoreCase));

    public int NextId() => LastId + 1;

    /// <summary>Adds a checked portgroup; its name, MAC and UUID must be free.</summary>
    /// <exception cref="PortgroupDuplicateNameException">The name is taken.</exception>
    /// <exception cref="PortgroupMacAlreadyExistsException">The MAC is taken.</exception>
    /// <exception cref="PortgroupAlreadyExistsException">The UUID is taken.</exception>
    public void Add(Portgroup portgroup)
    {
        CheckUnique(portgroup, portgroup.Address, portgroup.Name);
        if (ByUuid(portgroup.Uuid) is not null)
        {
            throw new PortgroupAlreadyExistsException(portgroup.Uuid);
        }

        LastId = portgroup.Id;
        Take(portgroup);
    }

    /// <summary>Ironic's unique constraints on a portgroup's name and MAC, checked before a change is stored.</summary>
    /// <exception cref="PortgroupDuplicateNameException">Another portgroup has the name.</exception>
    /// <exception cref="PortgroupMacAlreadyExistsException">Another portgroup has the MAC.</exception>
    public void CheckUnique(Portgroup portgroup, string? address, string? name)
    {
        if (name is not null && portgroups.Exists(p => p != portgroup && p.Name == name))
        {
            throw new PortgroupDuplicateNameException(name);
        }

        if (address is not null && portgroups.Exists(p => p != portgroup && string.Equals(p.Address, address, StringComparison.OrdinalIgnoreCase)))
        {
            throw new PortgroupMacAlreadyExistsException(address);
        }
    }

    public void Remove(Portgroup portgroup)
    {
        if (portgroups.Remove(portgroup))
        {
            Forget(portgroup);
        }
    }

    /// <summary>Ironic's database deletes a node's portgroups with it.</summary>
    public void RemoveNode(string nodeUuid) => portgroups.RemoveAll(p => p.NodeUuid == nodeUuid && Forget(p));

    /// <summary>Puts back what a snapshot holds: the portgroups and the last id given.</summary>
    public void Restore(IEnumerable<Portgroup> restored, int lastId)
    {
        foreach (var portgroup in restored)
        {
            Take(portgroup);
        }

        LastId = lastId;
    }

    /// <summary>
    /// From now on, records every portgroup created, changed or removed; every portgroup counts as
    /// changed at the start. Until called nothing is recorded.
    /// </summary>
    public void TrackChanges()
    {
        changes ??= new ChangeLog<Portgroup>();
        foreach (var portgroup in portgroups)
        {
            portgroup.Changes = changes;
            changes.Add(portgroup);
        }
    }

    /// <summary>Appends the portgroups recorded since the last call to <paramref name="into"/>, and forgets them.</summary>
    public void TakeChanges(List<Portgroup> into) => changes?.Take(into);

    private void Take(Portgroup portgroup)
    {
        portgroups.Add(portgroup);
        portgroup.Changes = changes;
        changes?.Add(portgroup);
    }

    private bool Forget(Portgroup portgroup)
    {
        portgroup.Removed = true;
        changes?.Add(portgroup);
        return true;
    }
}
