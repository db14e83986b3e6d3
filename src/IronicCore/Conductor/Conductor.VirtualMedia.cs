using IronicCore.Conducting;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;

namespace IronicCore;

/// <summary>
/// Ironic's <c>attach_virtual_media</c> and <c>detach_virtual_media</c> RPCs (API 1.89) and
/// <c>get_virtual_media</c> (1.93) for management interfaces without virtual media, which is every
/// one simulated (in Ironic only redfish has it): attach and detach are accepted after the lock
/// and the interface's validation, and their worker records the interface's refusal in
/// <c>last_error</c> (here that worker's result is stored at once); get answers the refusal itself.
/// </summary>
public sealed partial class Conductor
{
    /// <summary>
    /// Ironic's <c>attach_virtual_media</c> (<c>POST /v1/nodes/{node}/vmedia</c>): accepted after the lock
    /// and the management interface's validation; the interface's refusal lands in <c>last_error</c>.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="deviceType">The device, e.g. <c>cdrom</c>.</param>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="NodeLockedException">The node is reserved.</exception>
    /// <exception cref="InvalidParameterValueException"><c>driver_info</c> is invalid.</exception>
    /// <exception cref="MissingParameterValueException"><c>driver_info</c> lacks what the management interface needs.</exception>
    public void AttachVirtualMedia(string ident, string deviceType)
    {
        var node = VirtualMediaNode(ident);
        RecordHistory(
            node,
            $"Could not attach device {deviceType} to node {node.Uuid}: " +
            new UnsupportedDriverExtensionException(node.Hardware.Driver, "attach_virtual_media").Message,
            eventType: null);
    }

    /// <summary>Ironic's <c>detach_virtual_media</c> (<c>DELETE /v1/nodes/{node}/vmedia</c>), as <see cref="AttachVirtualMedia"/>.</summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="deviceTypes">The devices to detach; null for all.</param>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="NodeLockedException">The node is reserved.</exception>
    /// <exception cref="InvalidParameterValueException"><c>driver_info</c> is invalid.</exception>
    /// <exception cref="MissingParameterValueException"><c>driver_info</c> lacks what the management interface needs.</exception>
    public void DetachVirtualMedia(string ident, IReadOnlyList<string>? deviceTypes)
    {
        var node = VirtualMediaNode(ident);
        var shown = deviceTypes is null ? "None" : $"[{string.Join(", ", deviceTypes.Select(Steps.PythonRepr.Quote))}]";
        RecordHistory(
            node,
            $"Could not detach device(s) {shown} from node {node.Uuid}: " +
            new UnsupportedDriverExtensionException(node.Hardware.Driver, "detach_virtual_media").Message,
            eventType: null);
    }

    /// <summary>
    /// Ironic's <c>get_virtual_media</c> (<c>GET /v1/nodes/{node}/vmedia</c>): reads the node's virtual
    /// media under a shared lock, so a reserved node is read too.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="InvalidParameterValueException"><c>driver_info</c> is invalid.</exception>
    /// <exception cref="MissingParameterValueException"><c>driver_info</c> lacks what the management interface needs.</exception>
    /// <exception cref="UnsupportedDriverExtensionException">Always, after validation: no simulated management interface has virtual media.</exception>
    public void GetVirtualMedia(string ident)
    {
        var node = Find(ident);
        node.Hardware.Management.Validate(TaskOf(node));
        throw new UnsupportedDriverExtensionException(node.Hardware.Driver, "get_virtual_media");
    }

    private Node VirtualMediaNode(string ident)
    {
        var node = Find(ident);
        EnsureUnlocked(node);
        node.Hardware.Management.Validate(TaskOf(node));
        return node;
    }
}
