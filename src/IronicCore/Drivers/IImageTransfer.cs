namespace IronicCore.Drivers;

/// <summary>
/// How the ramdisk agent gets the instance image during <c>deploy.write_image</c> (Ironic's
/// <c>[agent] image_download_source = http</c>): a download over the network that ends, some
/// simulated time later, with <see cref="DriverTask.ImageDownloaded"/>. Used when agents run on
/// their own (<see cref="Agent.AgentBehaviour"/>); without one, <c>write_image</c> takes its drawn step duration.
/// </summary>
public interface IImageTransfer
{
    /// <summary>
    /// Starts the node's download; it must end with exactly one <see cref="DriverTask.ImageDownloaded"/>
    /// call from a clock event, never from inside this call.
    /// </summary>
    void BeginDownload(DriverTask task);
}
