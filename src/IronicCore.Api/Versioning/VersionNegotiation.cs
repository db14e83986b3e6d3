using IronicCore.Api.Errors;
using Microsoft.AspNetCore.Http;

namespace IronicCore.Api.Versioning;

/// <summary>
/// Ironic's microversion negotiation for <c>/v1</c>: the request's version from
/// <c>X-OpenStack-Ironic-API-Version</c> (on master <c>OpenStack-API-Version: baremetal 1.N</c>
/// wins), the minimum when absent, the maximum for <c>latest</c>; 406 outside the range.
/// Every answer carries the range, and the version once accepted. Master negotiates on the root
/// document too; 21.4's root ignores the headers.
/// </summary>
internal sealed class VersionNegotiation(RequestDelegate next, ApiVersions versions)
{
    public Task InvokeAsync(HttpContext context)
    {
        var root = context.Request.Path == "/" && versions.NegotiatesOnRoot;
        if (!root && !context.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal))
        {
            return next(context);
        }

        var requested = Requested(context.Request.Headers);
        if (requested is null)
        {
            return Accept(context, versions.Minimum);
        }

        if (requested.Equals("latest", StringComparison.OrdinalIgnoreCase))
        {
            return Accept(context, versions.Maximum);
        }

        if (!ApiVersion.TryParse(requested, out var version))
        {
            if (versions.RangeOnInvalidVersion)
            {
                AddRange(context);
            }

            throw new RouterFault(StatusCodes.Status406NotAcceptable, $"Invalid value for {ApiVersions.VersionHeader} header");
        }

        AddRange(context);
        if (version.Major != versions.Minimum.Major)
        {
            throw new RouterFault(
                StatusCodes.Status406NotAcceptable,
                $"Mutually exclusive versions requested. Version {version} requested but not supported by this service. " +
                $"The supported version range is: {versions.Range}.");
        }

        if (version < versions.Minimum || version > versions.Maximum)
        {
            throw new RouterFault(
                StatusCodes.Status406NotAcceptable,
                $"Version {version} was requested but the minor version is not supported by this service. " +
                $"The supported version range is: {versions.Range}.");
        }

        return Accept(context, version);
    }

    private string? Requested(IHeaderDictionary headers)
    {
        if (versions.ReadsStandardHeader)
        {
            foreach (var value in headers[ApiVersions.StandardHeader])
            {
                var parts = value?.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (parts is [var service, var version] && service.Equals("baremetal", StringComparison.OrdinalIgnoreCase))
                {
                    return version;
                }
            }
        }

        var legacy = headers[ApiVersions.VersionHeader];
        return legacy.Count == 0 ? null : legacy.ToString().Trim();
    }

    private Task Accept(HttpContext context, ApiVersion version)
    {
        context.SetVersion(version);
        AddRange(context);
        context.Response.Headers[ApiVersions.VersionHeader] = version.ToString();
        return next(context);
    }

    private void AddRange(HttpContext context)
    {
        context.Response.Headers[ApiVersions.MinimumHeader] = versions.Minimum.ToString();
        context.Response.Headers[ApiVersions.MaximumHeader] = versions.Maximum.ToString();
    }
}
