using IronicCore.Api.Allocations;
using IronicCore.Api.Auth;
using IronicCore.Api.Chassis;
using IronicCore.Api.Clock;
using IronicCore.Api.Conductors;
using IronicCore.Api.DeployTemplates;
using IronicCore.Api.Drivers;
using IronicCore.Api.Errors;
using IronicCore.Api.Events;
using IronicCore.Api.Http;
using IronicCore.Api.InspectionRules;
using IronicCore.Api.Network;
using IronicCore.Api.Nodes;
using IronicCore.Api.Paths;
using IronicCore.Api.Portgroups;
using IronicCore.Api.Ports;
using IronicCore.Api.Ramdisk;
using IronicCore.Api.Root;
using IronicCore.Api.Runbooks;
using IronicCore.Api.Shards;
using IronicCore.Api.States;
using IronicCore.Api.Versioning;
using IronicCore.Api.Volumes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IronicCore.Api.Hosting;

/// <summary>
/// Ironic's REST API v1 as a request pipeline of its own: request ids and path rules, the auth
/// strategy, Ironic's error bodies, microversion negotiation, then its own routing, so the host's
/// middleware and routes stay apart from Ironic's rules.
/// </summary>
internal static class ApiPipeline
{
    public static RequestDelegate Build(IApplicationBuilder app, ApiSettings settings)
    {
        app.Use((context, next) =>
        {
            NulPathBytes.Restore(context);
            return next(context);
        });
        if (settings.State is not null)
        {
            app.Use(Durability.RequestCapture.Middleware);
        }

        app.Use(Normalize);
        if (settings.Auth == AuthStrategy.HttpBasic)
        {
            app.UseMiddleware<HttpBasicAuth>();
        }

        app.UseMiddleware<JsonBodyLimits>();

        app.UseMiddleware<ErrorHandling>();
        app.UseStatusCodePages(context => ErrorHandling.RouterStatus(context.HttpContext));
        app.Use(RequestTargets.Decodable);
        app.UseMiddleware<VersionNegotiation>();
        app.Use(RequestTargets.NodeIdent);
        app.UseRouting();
        app.UseEndpoints(routes =>
        {
            VersionEndpoints.Map(routes);
            NodeEndpoints.Map(routes);
            TraitEndpoints.Map(routes);
            ChildrenEndpoints.Map(routes);
            InventoryEndpoints.Map(routes);
            HistoryEndpoints.Map(routes);
            FirmwareEndpoints.Map(routes);
            StateEndpoints.Map(routes);
            ManagementEndpoints.Map(routes);
            HardwareEndpoints.Map(routes);
            IndicatorEndpoints.Map(routes);
            VendorPassthruEndpoints.Map(routes);
            BiosEndpoints.Map(routes);
            DriverRaidEndpoints.Map(routes);
            VirtualMediaEndpoints.Map(routes);
            PortEndpoints.Map(routes);
            PortgroupEndpoints.Map(routes);
            VifEndpoints.Map(routes);
            RamdiskEndpoints.Map(routes);
            DriverEndpoints.Map(routes);
            ConductorEndpoints.Map(routes);
            ClockEndpoints.Map(routes);
            InspectionRuleEndpoints.Map(routes);
            RunbookEndpoints.Map(routes);
            ChassisEndpoints.Map(routes);
            AllocationEndpoints.Map(routes);
            ShardEndpoints.Map(routes);
            EventEndpoints.Map(routes);
            DeployTemplateEndpoints.Map(routes);
            VolumeEndpoints.Map(routes);
        });
        return app.Build();
    }

    /// <summary>
    /// Every answer gets a request id (master repeats it under the X- name); paths lose trailing slashes and, by Ironic's rule, a
    /// <c>.json</c> suffix; a path without <c>/v1</c> is v1's (Ironic's bookmark links rely on it). The host's match of the
    /// request is forgotten, so Ironic's own routes match the normalized path.
    /// </summary>
    private static Task Normalize(HttpContext context, RequestDelegate next)
    {
        context.SetEndpoint(null);
        context.Request.RouteValues.Clear();
        var requestId = RequestIds.Next();
        context.Response.Headers["Openstack-Request-Id"] = requestId;
        var versions = context.RequestServices.GetRequiredService<ApiVersions>();
        if (versions.SendsXOpenStackRequestId)
        {
            context.Response.Headers["X-OpenStack-Request-Id"] = requestId;
        }

        var path = (context.Request.Path.Value ?? "/").TrimEnd('/');
        if (path.Length > 0 && !path.StartsWith("/v1/", StringComparison.Ordinal) && path != "/v1" && !path.StartsWith("/_sim/", StringComparison.Ordinal))
        {
            path = "/v1" + path;
        }

        context.Request.Path = path.Length == 0 ? "/" : JsonSuffix.Strip(context, path, versions);
        return next(context);
    }
}
