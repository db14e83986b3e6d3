using IronicCore.Api.Errors;
using Microsoft.AspNetCore.Http;

namespace IronicCore.Api.Versioning;

/// <summary>The microversion a request was accepted at, as version negotiation left it.</summary>
internal static class RequestVersion
{
    private static readonly object Key = new();

    public static ApiVersion Version(this HttpContext context) =>
        context.Items.TryGetValue(Key, out var value) && value is ApiVersion version ? version : new ApiVersion(1, 1);

    /// <summary>An endpoint newer than the request's version does not exist for it (404).</summary>
    public static ApiVersion RequireEndpoint(this HttpContext context, int since)
    {
        var version = context.Version();
        return version.Allows(since) ? version : throw new RouterFault(StatusCodes.Status404NotFound, string.Empty);
    }

    public static void SetVersion(this HttpContext context, ApiVersion version) => context.Items[Key] = version;
}
