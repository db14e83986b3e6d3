using IronicCore.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps Ironic's REST API v1, added with <c>AddIronicApi</c>.</summary>
public static class IronicApiEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps Ironic's REST API v1: the version documents at <c>/</c> and <c>/v1</c>, every <c>/v1</c>
    /// resource, and the simulator's <c>/_sim</c> clock endpoints. Ironic's paths start at the root,
    /// so the API answers every path the host maps nothing more specific to, with Ironic's own
    /// 404 and 405 bodies; its auth strategy, error bodies and microversion negotiation apply to
    /// its paths only.
    /// </summary>
    /// <param name="endpoints">The host's routes, e.g. a <c>WebApplication</c>.</param>
    /// <returns>The catch-all endpoint, for conventions such as <c>RequireHost</c>.</returns>
    /// <exception cref="InvalidOperationException"><c>AddIronicApi</c> was not called on the host's services.</exception>
    public static IEndpointConventionBuilder MapIronicApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var settings = endpoints.ServiceProvider.GetService<ApiSettings>()
            ?? throw new InvalidOperationException("Add the API first: services.AddIronicApi(conductor).");
        var pipeline = ApiPipeline.Build(endpoints.CreateApplicationBuilder(), settings);
        return endpoints.Map("/{**path}", pipeline).WithDisplayName("Ironic API v1");
    }
}
