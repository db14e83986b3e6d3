using System.Net;
using IronicCore.Api.Auth;
using IronicCore.Api.Conductors;
using IronicCore.Api.Drivers;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Nodes;
using IronicCore.Api.Ports;
using IronicCore.Api.Ramdisk;
using IronicCore.Api.Root;
using IronicCore.Api.Clock;
using IronicCore.Api.States;
using IronicCore.Api.Versioning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IronicCore.Api;

/// <summary>Ironic's REST API v1 over a simulated conductor: the services, the request pipeline, the routes.</summary>
internal static class ApiServer
{
    /// <summary>A Kestrel server for <c>ironic-sim serve</c>.</summary>
    /// <param name="options">Where to listen, the clock, the auth strategy.</param>
    /// <param name="conductor">The conductor the API drives.</param>
    /// <param name="hosts">The conductor services to report; null: the conductor's own host.</param>
    public static WebApplication Build(ServeOptions options, Conductor conductor, ConductorHosts? hosts = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Parse(options.Host), options.Port));
        AddServices(builder.Services, options, conductor, hosts);
        var app = builder.Build();
        UsePipeline(app, options);
        return app;
    }

    public static void AddServices(IServiceCollection services, ServeOptions options, Conductor conductor, ConductorHosts? hosts = null)
    {
        services.AddSingleton(options);
        services.AddSingleton(new SimulationState(conductor, hosts));
        services.AddSingleton(new ApiVersions(conductor.Release));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ConductorLoop>();
        services.AddHostedService(provider => provider.GetRequiredService<ConductorLoop>());
        services.AddRouting();
        if (options.Auth == AuthStrategy.HttpBasic)
        {
            var file = options.HtpasswdFile ?? throw new InvalidOperationException("http_basic needs an htpasswd file.");
            services.AddSingleton(Htpasswd.Parse(File.ReadAllText(file)));
        }
    }

    public static void UsePipeline(IApplicationBuilder app, ServeOptions options)
    {
        app.Use(Normalize);
        if (options.Auth == AuthStrategy.HttpBasic)
        {
            app.UseMiddleware<HttpBasicAuth>();
        }

        app.UseMiddleware<ErrorHandling>();
        app.UseStatusCodePages(context => ErrorHandling.RouterStatus(context.HttpContext));
        app.UseMiddleware<VersionNegotiation>();
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
            VirtualMediaEndpoints.Map(routes);
            PortEndpoints.Map(routes);
            Portgroups.PortgroupEndpoints.Map(routes);
            Network.VifEndpoints.Map(routes);
            RamdiskEndpoints.Map(routes);
            DriverEndpoints.Map(routes);
            ConductorEndpoints.Map(routes);
            EmptyCollections.Map(routes);
            ClockEndpoints.Map(routes);
            InspectionRules.InspectionRuleEndpoints.Map(routes);
            Runbooks.RunbookEndpoints.Map(routes);
        });
    }

    /// <summary>
    /// Every answer gets a request id (master repeats it under the X- name); paths lose trailing slashes and, by Ironic's rule, a
    /// <c>.json</c> suffix; a path without <c>/v1</c> is v1's (Ironic's bookmark links rely on it).
    /// </summary>
    private static Task Normalize(HttpContext context, RequestDelegate next)
    {
        var requestId = $"req-{Guid.NewGuid()}";
        context.Response.Headers["Openstack-Request-Id"] = requestId;
        if (context.RequestServices.GetRequiredService<ApiVersions>().Release != IronicCore.States.IronicRelease.Release21_4)
        {
            context.Response.Headers["X-OpenStack-Request-Id"] = requestId;
        }

        var path = (context.Request.Path.Value ?? "/").TrimEnd('/');
        if (path.Length > 0 && !path.StartsWith("/v1/", StringComparison.Ordinal) && path != "/v1" && !path.StartsWith("/_sim/", StringComparison.Ordinal))
        {
            path = "/v1" + path;
        }

        context.Request.Path = path.Length == 0 ? "/" : JsonSuffix.Strip(context, path, context.RequestServices.GetRequiredService<ApiVersions>().Release);
        return next(context);
    }
}
