using IronicCore.Api.Versioning;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IronicCore.Api.Ports;

/// <summary>
/// The release's highest version: what its schemas know. A field newer than the request is 406,
/// but one newer than the release does not exist there, so it is refused as unknown (21.4's 400).
/// </summary>
internal static class ReleaseMaximum
{
    public static ApiVersion Maximum(this HttpContext context) => context.RequestServices.GetRequiredService<ApiVersions>().Maximum;
}
