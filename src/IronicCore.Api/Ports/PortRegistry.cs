using IronicCore.Api.Errors;

namespace IronicCore.Api.Ports;

/// <summary>Every port, in creation order, found by UUID, MAC or name; a MAC or a name belongs to one port only.</summary>
internal sealed class PortRegistry
{
    private readonly List<Port> ports = [];

    public IReadOnlyList<Port> All => ports;

    public Port Get(string uuid) =>
        ports.Find(p => string.Equals(p.Uuid, uuid, StringComparison.OrdinalIgnoreCase))
        ?? throw NotFound(uuid);

    /// <summary>Ironic's <c>Port.get</c> on a checked ident: a database id (none is known here), a UUID or a name.</summary>
    public Port Find(string ident)
    {
        if (int.TryParse(ident, out _))
        {
            throw NotFound(ident);
        }

        return Guid.TryParse(ident, out _) ? Get(ident) : ports.Find(p => p.Name == ident) ?? throw NotFound(ident);
    }

    public Port? ByAddress(string mac) => ports.Find(p => string.Equals(p.Address, mac, StringComparison.OrdinalIgnoreCase));

    /// <summary>The ports of a portgroup, in creation order.</summary>
    public IEnumerable<Port> InPortgroup(string portgroupUuid) =>
        ports.Where(p => string.Equals(p.PortgroupUuid, portgroupUuid, StringComparison.OrdinalIgnoreCase));

    public void Add(Port port)
    {
        if (ByAddress(port.Address) is not null)
        {
            throw new ApiFault(409, $"A port with MAC address {port.Address} already exists.");
        }

        // Ironic's create maps every other duplicate (the name too) to the UUID's error.
        if (ports.Exists(p => string.Equals(p.Uuid, port.Uuid, StringComparison.OrdinalIgnoreCase) || (port.Name is not null && p.Name == port.Name)))
        {
            throw new ApiFault(409, $"A port with UUID {port.Uuid} already exists.");
        }

        ports.Add(port);
    }

    /// <summary>The unique constraints an update meets before it is stored: name first, then MAC.</summary>
    public void CheckUnique(Port port, string address, string? name)
    {
        if (name is not null && ports.Exists(p => p != port && p.Name == name))
        {
            throw new ApiFault(409, $"A port with name {name} already exists.");
        }

        if (ports.Exists(p => p != port && string.Equals(p.Address, address, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ApiFault(409, $"A port with MAC address {address} already exists.");
        }
    }

    public void Remove(Port port) => ports.Remove(port);

    public void RemoveNode(string nodeUuid) => ports.RemoveAll(p => p.NodeUuid == nodeUuid);

    public static ApiFault NotFound(string ident) => new(404, $"Port {ident} could not be found.");
}
