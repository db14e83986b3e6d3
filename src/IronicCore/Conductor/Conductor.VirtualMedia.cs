using IronicCore.Nodes;

namespace IronicCore.Conductor;

/// <summary>
/// Ironic's <c>attach_virtual_media</c> and <c>detach_virtual_media</c> RPCs (API 1.89) for
/// management interfaces without virtual media, which is every one simulated (in Ironic only
/// redfish has it): the request is accepted after the lock and the interface's validation, and
/// its worker records the interface's refusal in <c>last_error</c>. Here that worker's result is
/// stored at once.
/// </summary>
public sealed partial class Conductor
{
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="NodeLockedException">The node is reserved.</exception>
    /// <exception cref="InvalidParameterValueException"><c>driver_info</c> is invalid.</exception>
    /// <exception cref="MissingParameterValueException"><c>driver_info</c> lacks what the management interface needs.</exception>
    internal void AttachVirtualMedia(string ident, string deviceType)
    {
        var node = VirtualMediaNode(ident);
        RecordHistory(
            node,
            $"Could not attach device {deviceType} to node {node.Uuid}: " +
            new UnsupportedDriverExtensionException(node.Hardware.Driver, "attach_virtual_media").Message,
            eventType: null);
    }

    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="deviceTypes">The devices as Ironic's message shows them (Python's list, or <c>None</c> for all).</param>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="NodeLockedException">The node is reserved.</exception>
    /// <exception cref="InvalidParameterValueException"><c>driver_info</c> is invalid.</exception>
    /// <exception cref="MissingParameterValueException"><c>driver_info</c> lacks what the management interface needs.</exception>
    internal void DetachVirtualMedia(string ident, string deviceTypes)
    {
        var node = VirtualMediaNode(ident);
        RecordHistory(
            node,
            $"Could not detach device(s) {deviceTypes} from node {node.Uuid}: " +
            new UnsupportedDriverExtensionException(node.Hardware.Driver, "detach_virtual_media").Message,
            eventType: null);
    }

    private Node VirtualMediaNode(string ident)
    {
        var node = Find(ident);
        EnsureUnlocked(node);
        node.Hardware.Management.Validate(TaskOf(node));
        return node;
    }
}
