namespace IronicCore.Drivers.Redfish;

/// <summary>
/// A firmware update task of a simulated BMC (<c>UpdateService.SimpleUpdate</c>'s task, read as
/// its task monitor <c>/redfish/v1/TaskService/Tasks/{id}</c>): it runs until the targeted system
/// boots, then ends. Not thread-safe: use it from the simulation's thread.
/// </summary>
public sealed class RedfishUpdateTask
{
    internal RedfishUpdateTask(int id, string systemId, string component, string image)
    {
        Id = id;
        SystemId = systemId;
        Component = component;
        Image = image;
    }

    /// <summary>The task's id at its BMC.</summary>
    public int Id { get; }

    /// <summary>The system the image is for.</summary>
    public string SystemId { get; }

    /// <summary>What the image updates, from its name: <c>bmc</c> when its URL's path says so, else <c>bios</c>.</summary>
    public string Component { get; }

    /// <summary>The image's URL (<c>ImageURI</c>).</summary>
    public string Image { get; }

    /// <summary>The task's state.</summary>
    public RedfishUpdateTaskState State { get; internal set; }

    /// <summary>The task's message (<c>Messages[0].Message</c>).</summary>
    public string Message => State switch
    {
        RedfishUpdateTaskState.Running => "The firmware update is in progress.",
        RedfishUpdateTaskState.Completed => "The firmware update completed successfully.",
        _ => $"The firmware image {Image} could not be applied.",
    };

    /// <summary>The task monitor's path.</summary>
    public string MonitorPath => $"/redfish/v1/TaskService/Tasks/{Id}";
}
