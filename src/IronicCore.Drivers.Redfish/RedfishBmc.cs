namespace IronicCore.Drivers.Redfish;

/// <summary>
/// A simulated Redfish BMC: one per <c>redfish_address</c> (host and port), with the systems of the
/// nodes that name it, each its own <see cref="RedfishSystem"/>. It answers only while every one of
/// its machines is <see cref="SimulatedMachine.Reachable"/>, and rejects every login and
/// authenticated request while any system has <see cref="RedfishSystem.CredentialsRejected"/>.
/// Not thread-safe: use it from the simulation's thread.
/// </summary>
public sealed partial class RedfishBmc
{
    /// <summary>The vendor and manufacturer the oracle's emulated BMC reports.</summary>
    internal const string EmulatedVendor = "Contoso";

    private readonly SortedDictionary<string, RedfishSystem> systems = new(StringComparer.Ordinal);

    // The same systems in a list: every request asks whether all are reachable and none rejects
    // credentials, and a sorted dictionary's enumerator allocates its stack each time.
    private readonly List<RedfishSystem> members = [];

    internal RedfishBmc(string address) => Address = address;

    /// <summary>The BMC's address as Ironic connects to it: <c>scheme://host:port</c>, host in lower case.</summary>
    public string Address { get; }

    /// <summary>The service root's <c>Vendor</c>: what master's <c>detect_vendor</c> reads first.</summary>
    public string Vendor { get; } = EmulatedVendor;

    /// <summary>Its systems, by id.</summary>
    public IReadOnlyDictionary<string, RedfishSystem> Systems => systems;

    /// <summary>Whether requests reach the BMC: every one of its machines is reachable.</summary>
    public bool Reachable
    {
        get
        {
            foreach (var system in members)
            {
                if (!system.Machine.Reachable)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Whether the BMC rejects credentials: any of its systems has <see cref="RedfishSystem.CredentialsRejected"/>.</summary>
    public bool RejectsCredentials
    {
        get
        {
            foreach (var system in members)
            {
                if (system.CredentialsRejected)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Adds the system of a node.</summary>
    /// <exception cref="ArgumentException">Another node is that system already.</exception>
    internal RedfishSystem Add(string id, string nodeUuid, SimulatedMachine machine)
    {
        if (systems.TryGetValue(id, out var existing))
        {
            return existing.NodeUuid == nodeUuid
                ? existing
                : throw new ArgumentException($"Nodes {existing.NodeUuid} and {nodeUuid} are the same system {id} at the Redfish BMC {Address}.", nameof(id));
        }

        var system = new RedfishSystem(this, id, nodeUuid, machine);
        systems.Add(id, system);
        members.Add(system);
        return system;
    }
}
