using System.Net;
using System.Text.Json.Nodes;
using IronicCore.Nodes;
using IronicCore.States;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IronicCore.Api.Tests.Hosting;

/// <summary>
/// Ironic's API in a host a user writes, through the package's public entry points only: a
/// conductor the test built, <c>AddIronicApi</c> and <c>MapIronicApi</c> on a WebApplication.
/// </summary>
public sealed class HostingTests
{
    private static async Task<WebApplication> Host(Conductor conductor, Action<WebApplication>? routes = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddIronicApi(conductor, options => options.Clock = ClockMode.Virtual);
        var app = builder.Build();
        routes?.Invoke(app);
        app.MapIronicApi();
        await app.StartAsync();
        return app;
    }

    [Test]
    public async Task AddIronicApiAndMapIronicApi_ServeV1_OverAConductorTheUserBuilt()
    {
        var conductor = new Conductor(seed: 42);
        var node = conductor.CreateNode(new NodeCreateRequest { Name = "node-0" });
        await using var app = await Host(conductor);
        using var client = app.GetTestClient();

        using var v1 = await client.GetAsync(new Uri("/v1", UriKind.Relative));
        var document = JsonNode.Parse(await v1.Content.ReadAsStringAsync())!;
        using var nodes = await client.GetAsync(new Uri("/v1/nodes", UriKind.Relative));
        var listed = JsonNode.Parse(await nodes.Content.ReadAsStringAsync())!["nodes"]!.AsArray();

        Assert.That(v1.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(document["id"]!.GetValue<string>(), Is.EqualTo("v1"));
        Assert.That(v1.Headers.GetValues("X-OpenStack-Ironic-API-Maximum-Version").Single(), Is.EqualTo(IronicApiMicroversions.Maximum(IronicRelease.Master).ToString()));
        Assert.That(listed.Select(n => n!["uuid"]!.GetValue<string>()), Is.EqualTo(new[] { node.Uuid }));
    }

    [Test]
    public async Task TheHostsOwnRoutes_StayTheHosts_AndEverythingElseIsIronics()
    {
        var conductor = new Conductor(seed: 42);
        await using var app = await Host(conductor, routes => routes.MapGet("/healthz", () => "ok"));
        using var client = app.GetTestClient();

        var health = await client.GetStringAsync(new Uri("/healthz", UriKind.Relative));
        using var missing = await client.GetAsync(new Uri("/v1/no_such_thing", UriKind.Relative));

        Assert.That(health, Is.EqualTo("ok"));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.Headers.Contains("Openstack-Request-Id"), Is.True);
    }

    [Test]
    public void MapIronicApi_WithoutAddIronicApi_SaysWhatIsMissing()
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapIronicApi());

        Assert.That(error!.Message, Does.Contain("AddIronicApi"));
    }
}
