namespace IronicCore.Drivers;

/// <summary>
/// Where a hardware type publishes images its BMCs fetch (Ironic's <c>image_utils.ImageHandler</c>,
/// which knows only the virtual media types: <c>redfish</c>, <c>idrac</c>, <c>ilo</c>): the conductor's
/// HTTP server (<c>[deploy] http_url</c>) or Swift. A hardware type without one refuses to publish
/// ("Publishing images is not supported for driver ..."). Calls run on the simulation's thread.
/// </summary>
public interface IImagePublisher
{
    /// <summary>Publishes an image the conductor fetched under <paramref name="fileName"/> and returns the URL the BMC fetches it from.</summary>
    /// <param name="task">The node.</param>
    /// <param name="fileName">The published file's name, e.g. <c>cdrom-&lt;uuid&gt;.iso</c>.</param>
    /// <returns>The image's URL.</returns>
    /// <exception cref="Errors.IronicException">The image cannot be published (e.g. no HTTP server is configured).</exception>
    string Publish(DriverTask task, string fileName);
}
