using IronicCore.Api.Errors;

namespace IronicCore.Api.Ports;

/// <summary>Every port, in creation order, found by UUID or MAC; a MAC belongs to one port only.</summary>
internal sealed class PortRegistry
{
    private readonly List<Port> ports = [];

    public IReadOnlyList<Port> All => ports;

    public Port Get(string uuid) =>
        ports.Find(p => string.Equals(p.Uuid, uuid, StringComparison.OrdinalIgnoreCase))
        ?? throw new ApiFault(404, $"Port {uuid} could not be found.");

    public Port? ByAddress(string mac) => ports.Find(p => string.Equals(p.Address, mac, StringComparison.OrdinalIgnoreCase));

    public void Add(Port port)
    {
        if (ByAddress(port.Address) is not null)
        {
            throw new ApiFault(409, $"A port with MAC address {port.Address} already exists.");
        }

        ports.Add(port);
    }

    public void Remove(Port port) => ports.Remove(port);

    public void RemoveNode(string nodeUuid) => ports.RemoveAll(p => p.NodeUuid == nodeUuid);
}
