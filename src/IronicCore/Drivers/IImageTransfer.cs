namespace IronicCore.Drivers;

/// <summary>
/// The provisioning network's transfers: the kernel and ramdisk a machine fetches (TFTP/HTTP)
/// when it boots into the agent, and the instance image the agent downloads during
/// <c>deploy.write_image</c> (Ironic's <c>[agent] image_download_source = http</c>). Each ends,
/// some simulated time later, with a call on the <see cref="DriverTask"/>. Used when agents run
/// on their own (<see cref="Agent.AgentBehaviour"/>); without one, the agent boots in
/// <see cref="Agent.AgentBehaviour.BootTime"/> and <c>write_image</c> takes its drawn step duration.
/// </summary>
public interface IImageTransfer
{
    /// <summary>
    /// Starts the node's download; it must end with exactly one <see cref="DriverTask.ImageDownloaded"/>
    /// call from a clock event, never from inside this call.
    /// </summary>
    void BeginDownload(DriverTask task);

    /// <summary>
    /// Starts the machine's fetch of the agent's kernel and ramdisk as it boots from the network;
    /// it must end with exactly one <see cref="DriverTask.RamdiskFetched"/> call from a clock
    /// event, never from inside this call.
    /// </summary>
    void BeginRamdiskFetch(DriverTask task);
}
