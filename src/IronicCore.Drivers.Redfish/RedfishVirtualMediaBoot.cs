using System.Collections.Immutable;
using IronicCore.Errors;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// Ironic's <c>redfish-virtual-media</c> boot interface (<c>RedfishVirtualMediaBoot</c>): the agent's
/// ramdisk, built into an ISO published on the conductor's HTTP server (<c>[deploy] http_url</c>), is
/// inserted into the system's virtual CD and booted once; cleaning it up ejects it. The instance
/// boots from its disk. The hardware type also offers <paramref name="network"/>'s interfaces
/// (<c>ipxe</c>, <c>pxe</c>) after this one, as Ironic's redfish type lists them.
/// </summary>
internal sealed class RedfishVirtualMediaBoot(RedfishClient client, IBootInterface? network) : IBootInterface
{
    public const string InterfaceName = "redfish-virtual-media";

    public string Name => InterfaceName;

    private ImmutableArray<IBootInterface> family;

    /// <summary>This interface, then the network's (<c>ipxe</c>, <c>pxe</c>), as Ironic's redfish type lists them.</summary>
    public ImmutableArray<IBootInterface> Family => family.IsDefault ? family = network is null ? [this] : [this, .. network.Family] : family;

    /// <summary>The network's boot interface the type was given, if any (a snapshot refers to it).</summary>
    public IBootInterface? Network => network;

    public bool SupportsRescue => true;

    /// <summary>Ironic's virtual media boot sets the CD itself when it inserts the ISO.</summary>
    public BootDevice? RamdiskBootDevice => null;

    public void Validate(DriverTask task) => client.InfoOf(task);

    public void PrepareRamdisk(DriverTask task)
    {
        var system = client.GetSystem(task);
        var url = IsoUrl(task);
        client.EjectMedia(task, system, RedfishVirtualMediaDevice.Cd);
        client.InsertMedia(task, system, RedfishVirtualMediaDevice.Cd, url);
        client.SetBootOverride(task, system, RedfishBootSourceTarget.Cd, RedfishBootSourceOverrideEnabled.Once);
    }

    public void CleanUpRamdisk(DriverTask task) => EjectAll(task);

    public void PrepareInstance(DriverTask task) => EjectAll(task);

    public void CleanUpInstance(DriverTask task) => EjectAll(task);

    private void EjectAll(DriverTask task)
    {
        var system = client.GetSystem(task);
        client.EjectMedia(task, system, RedfishVirtualMediaDevice.Cd);
    }

    /// <summary>Where Ironic publishes the node's boot ISO: <c>[deploy] http_url</c>/redfish/boot-&lt;uuid&gt;.iso.</summary>
    /// <exception cref="MissingParameterValueException">The conductor has no HTTP server to publish it from.</exception>
    private string IsoUrl(DriverTask task)
    {
        var http = client.ConductorOptions.Deploy.HttpUrl;
        if (string.IsNullOrEmpty(http))
        {
            throw new MissingParameterValueException("[deploy] http_url is not set: virtual media images cannot be published");
        }

        return $"{http.TrimEnd('/')}/redfish/boot-{task.NodeUuid}.iso";
    }
}
