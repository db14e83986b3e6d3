using IronicCore.Configuration;
using IronicCore.Errors;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// Ironic's <c>ImageHandler</c> for the redfish type with <c>[redfish] use_swift = false</c>: images
/// are published on the conductor's HTTP server, under <c>[deploy] http_url</c>/redfish/. Nothing is
/// written (the simulation serves no files); the URL is what the BMC is told.
/// </summary>
internal sealed class RedfishImagePublisher(RedfishClient client) : IImagePublisher
{
    /// <exception cref="OptionNotSimulatedException">Images would go to Swift (<c>[redfish] use_swift</c>), which is not simulated.</exception>
    /// <exception cref="MissingParameterValueException">The conductor has no HTTP server to publish them from.</exception>
    public string Publish(DriverTask task, string fileName)
    {
        if (client.Options.UseSwift)
        {
            throw new OptionNotSimulatedException("redfish.use_swift", "virtual media images would be published through Swift, which is not simulated; set it to false");
        }

        var http = client.ConductorOptions.Deploy.HttpUrl;
        if (string.IsNullOrEmpty(http))
        {
            throw new MissingParameterValueException("[deploy] http_url is not set: virtual media images cannot be published");
        }

        return $"{http.TrimEnd('/')}/redfish/{fileName}";
    }
}
