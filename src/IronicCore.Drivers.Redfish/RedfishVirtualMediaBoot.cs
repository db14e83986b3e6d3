using System.Collections.Immutable;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// Ironic's <c>redfish-virtual-media</c> boot interface (<c>RedfishVirtualMediaBoot</c>): preparing the
/// ramdisk writes a new agent token into the agent's ISO (a pregenerated token, which a power-off
/// keeps), powers the machine off, ejects the virtual CD, inserts the ISO (published on the
/// conductor's HTTP server, <c>[deploy] http_url</c>) and makes the machine boot the CD once; cleaning
/// up ejects it (master powers the machine off first). Under fast track the agent's ISO stays: a
/// fast-tracked agent whose CD holds an image needs no new one, and cleaning up leaves the CD and the
/// power alone (a fast-tracked agent without an image in the CD is booted anew, as Ironic warns).
/// The instance boots from its disk: preparing
/// it, and cleaning it up, eject the CD. Rescue by virtual media is master's only. The hardware type
/// also offers <paramref name="network"/>'s interfaces (<c>ipxe</c>, <c>pxe</c>) after this one, as
/// Ironic's redfish type lists them.
/// </summary>
internal sealed class RedfishVirtualMediaBoot(RedfishClient client, IBootInterface? network) : IBootInterface
{
    public const string InterfaceName = "redfish-virtual-media";

    /// <summary>Ironic's <c>_insert_vmedia</c> retries: attempts, and the wait between two.</summary>
    private const int InsertAttempts = 3;

    private static readonly TimeSpan InsertRetryWait = TimeSpan.FromSeconds(3);

    private ImmutableArray<IBootInterface> family;

    public string Name => InterfaceName;

    /// <summary>This interface, then the network's (<c>ipxe</c>, <c>pxe</c>), as Ironic's redfish type lists them.</summary>
    public ImmutableArray<IBootInterface> Family => family.IsDefault ? family = network is null ? [this] : [this, .. network.Family] : family;

    /// <summary>The network's boot interface the type was given, if any (a snapshot refers to it).</summary>
    public IBootInterface? Network => network;

    /// <summary>Only master's interface has <c>validate_rescue</c>: 21.4 and 2025.1 refuse rescue by virtual media.</summary>
    public bool SupportsRescue => client.Release == IronicRelease.Master;

    /// <summary>Ironic's virtual media boot sets the CD itself when it inserts the ISO.</summary>
    public BootDevice? RamdiskBootDevice => null;

    public void Validate(DriverTask task) => client.InfoOf(task);

    public void PrepareRamdisk(DriverTask task)
    {
        var system = client.GetSystem(task);
        if (task.IsFastTrack() && system.GetVirtualMedia(RedfishVirtualMediaDevice.Cd).Image is not null)
        {
            return;
        }

        // The ISO is built from the agent's kernel and ramdisk, so it can carry the agent's token.
        task.PregenerateAgentToken();
        task.NodePowerAction(PowerState.PowerOff);
        var url = IsoUrl(task);
        client.EjectMedia(task, system, RedfishVirtualMediaDevice.Cd);
        Insert(task, system, url);
        client.SetBootOverride(task, client.GetSystem(task), RedfishBootSourceTarget.Cd, RedfishBootSourceOverrideEnabled.Once);
    }

    public void CleanUpRamdisk(DriverTask task)
    {
        if (task.IsFastTrack())
        {
            return;
        }

        if (client.Release == IronicRelease.Master)
        {
            task.NodePowerAction(PowerState.PowerOff);
        }

        EjectAll(task);
    }

    public void PrepareInstance(DriverTask task) => EjectAll(task);

    public void CleanUpInstance(DriverTask task) => EjectAll(task);

    /// <summary>
    /// Ironic's <c>_insert_vmedia</c>: the insert is tried <see cref="InsertAttempts"/> times while the
    /// BMC answers 5xx; master then words the failure (<c>InvalidParameterValue</c>), earlier
    /// releases let sushy's error through.
    /// </summary>
    private void Insert(DriverTask task, RedfishSystem system, string url)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                client.InsertMedia(task, system, RedfishVirtualMediaDevice.Cd, url);
                return;
            }
            catch (SushyHttpErrorException error) when (attempt >= InsertAttempts && client.Release == IronicRelease.Master)
            {
                throw new InvalidParameterValueException($"Virtual media mount failed for node {task.NodeUuid} with image {url}. Error: {error.Message}");
            }
            catch (SushyHttpErrorException) when (attempt < InsertAttempts)
            {
                client.Charge(task, InsertRetryWait);
            }
        }
    }

    private void EjectAll(DriverTask task) => client.EjectMedia(task, client.GetSystem(task), RedfishVirtualMediaDevice.Cd);

    /// <summary>Where Ironic publishes the node's boot ISO: <c>[deploy] http_url</c>/redfish/boot-&lt;uuid&gt;.iso.</summary>
    private string IsoUrl(DriverTask task) => new RedfishImagePublisher(client).Publish(task, $"boot-{task.NodeUuid}.iso");
}
