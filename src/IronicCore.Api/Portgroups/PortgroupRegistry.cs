using IronicCore.Api.Errors;

namespace IronicCore.Api.Portgroups;

/// <summary>Every portgroup, in creation order, found by UUID, name or MAC; names and MACs are unique among portgroups.</summary>
internal sealed class PortgroupRegistry
{
    private readonly List<Portgroup> portgroups = [];
    private int lastId;

    public IReadOnlyList<Portgroup> All => portgroups;

    /// <summary>Ironic's <c>Portgroup.get</c> on a checked ident: a database id, a UUID or a name.</summary>
    public Portgroup Get(string ident)
    {
        if (int.TryParse(ident, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return Find(p => p.Id == id) ?? throw NotFound(ident);
        }

        return Guid.TryParse(ident, out _) ? ByUuid(ident) ?? throw NotFound(ident) : Find(p => p.Name == ident) ?? throw NotFound(ident);
    }

    /// <summary>The portgroup a port or VIF names by UUID, or null.</summary>
    public Portgroup? ByUuid(string uuid) => Find(p => string.Equals(p.Uuid, uuid, StringComparison.OrdinalIgnoreCase));

    public Portgroup? ByAddress(string mac) => Find(p => string.Equals(p.Address, mac, StringComparison.OrdinalIgnoreCase));

    public int NextId() => lastId + 1;

    /// <summary>Adds a checked portgroup; its MAC, name and UUID must be free (409 otherwise).</summary>
    public void Add(Portgroup portgroup)
    {
        CheckUnique(portgroup, portgroup.Address, portgroup.Name);
        if (ByUuid(portgroup.Uuid) is not null)
        {
            throw new ApiFault(409, $"A portgroup with UUID {portgroup.Uuid} already exists.");
        }

        lastId = portgroup.Id;
        portgroups.Add(portgroup);
    }

    /// <summary>Ironic's unique constraints on a portgroup's name and MAC, checked before a change is stored.</summary>
    public void CheckUnique(Portgroup portgroup, string? address, string? name)
    {
        if (name is not null && Find(p => p != portgroup && p.Name == name) is not null)
        {
            throw new ApiFault(409, $"A portgroup with name {name} already exists.");
        }

        if (address is not null && Find(p => p != portgroup && string.Equals(p.Address, address, StringComparison.OrdinalIgnoreCase)) is not null)
        {
            throw new ApiFault(409, $"A portgroup with MAC address {address} already exists.");
        }
    }

    public void Remove(Portgroup portgroup) => portgroups.Remove(portgroup);

    public void RemoveNode(string nodeUuid) => portgroups.RemoveAll(p => p.NodeUuid == nodeUuid);

    private Portgroup? Find(Predicate<Portgroup> match) => portgroups.Find(match);

    public static ApiFault NotFound(string ident) => new(404, $"Portgroup {ident} could not be found.");
}
