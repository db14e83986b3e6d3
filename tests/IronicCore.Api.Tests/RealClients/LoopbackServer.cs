using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IronicCore.Api.Tests.RealClients;

/// <summary>
/// A conductor served on a free loopback port for a real client process to reach (the real
/// <c>baremetal</c> CLI), as <c>ironic-sim serve</c> serves it.
/// </summary>
internal static class LoopbackServer
{
    /// <summary>Starts the API over <paramref name="conductor"/>; the caller disposes the server.</summary>
    public static async Task<(WebApplication Server, string Endpoint)> Start(Conductor conductor, Action<IronicApiOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddIronicApi(conductor, configure);
        var server = builder.Build();
        server.MapIronicApi();
        await server.StartAsync();
        return (server, server.Urls.Single());
    }
}
