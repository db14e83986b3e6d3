using IronicCore.States;

namespace IronicCore.Configuration;

/// <summary>
/// Where the agent gets the instance image during a direct deploy: the choices of
/// <c>[agent] image_download_source</c>.
/// </summary>
public enum ImageDownloadSource : byte
{
    /// <summary><c>http</c>: the agent downloads the image from its source URL (the default).</summary>
    [IronicName("http")] Http,

    /// <summary><c>local</c>: the conductor caches and converts the image, then serves it over HTTP.</summary>
    [IronicName("local")] Local,

    /// <summary><c>swift</c>: the agent downloads the image from Object Storage.</summary>
    [IronicName("swift")] Swift,
}
