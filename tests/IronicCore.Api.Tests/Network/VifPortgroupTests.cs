using System.Net;
using IronicCore.Api.Tests.Portgroups;

namespace IronicCore.Api.Tests.Network;

/// <summary>The flat network's choice between portgroups and ports (Ironic's <c>get_free_port_like_object</c>).</summary>
public sealed class VifPortgroupTests
{
    private const string Master = "1.115";
    private const string Vif1 = "1f3a6f2e-2b3c-4d5e-8f90-0a1b2c3d4e5f";
    private const string Vif2 = "2f3a6f2e-2b3c-4d5e-8f90-0a1b2c3d4e5f";
    private const string Vif3 = "3f3a6f2e-2b3c-4d5e-8f90-0a1b2c3d4e5f";

    private static async Task<string?> TenantVif(IronicClient client, string path) =>
        (await client.Get(path)).Json["internal_info"]!["tenant_vif_port_id"]?.GetValue<string>();

    [Test]
    public async Task Attach_PrefersAPortgroupWithPorts_ThenPxePorts_AndListsPortsBeforePortgroups()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        var loose = await PortgroupTests.Port(client, node, "52:54:00:00:00:01");
        var empty = await PortgroupTests.Portgroup(client, node);
        var bond = await PortgroupTests.Portgroup(client, node);
        await PortgroupTests.Port(client, node, "52:54:00:00:00:02", $", \"portgroup_uuid\": \"{bond}\"");

        await client.Post("/v1/nodes/n1/vifs", $"{{\"id\": \"{Vif1}\"}}");
        await client.Post("/v1/nodes/n1/vifs", $"{{\"id\": \"{Vif2}\"}}");
        var third = await client.Post("/v1/nodes/n1/vifs", $"{{\"id\": \"{Vif3}\"}}");
        var listed = (await client.Get("/v1/nodes/n1/vifs")).Json["vifs"]!.AsArray().Select(v => v!["id"]!.GetValue<string>());

        Assert.That(await TenantVif(client, $"/v1/portgroups/{bond}"), Is.EqualTo(Vif1), "a portgroup with ports comes first");
        Assert.That(await TenantVif(client, $"/v1/ports/{loose}"), Is.EqualTo(Vif2));
        Assert.That(await TenantVif(client, $"/v1/portgroups/{empty}"), Is.Null, "an empty portgroup is never chosen");
        Assert.That(third.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(third.Fault, Is.EqualTo($"Unable to attach VIF {Vif3}, not enough free physical ports."));
        Assert.That(listed, Is.EqualTo(new[] { Vif2, Vif1 }), "ports' VIFs, then portgroups'");
    }

    [Test]
    public async Task Attach_ToANamedPortgroup_AndTwiceIs409NamingThePortgroup()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        await PortgroupTests.Port(client, node, "52:54:00:00:00:01");
        var bond = await PortgroupTests.Portgroup(client, node);
        await PortgroupTests.Port(client, node, "52:54:00:00:00:02", $", \"portgroup_uuid\": \"{bond}\"");

        var named = await client.Post("/v1/nodes/n1/vifs", $"{{\"id\": \"{Vif1}\", \"portgroup_uuid\": \"{bond}\"}}");
        var twice = await client.Post("/v1/nodes/n1/vifs", $"{{\"id\": \"{Vif1}\"}}");

        Assert.That(named.Status, Is.EqualTo(HttpStatusCode.NoContent), named.Body);
        Assert.That(await TenantVif(client, $"/v1/portgroups/{bond}"), Is.EqualTo(Vif1));
        Assert.That(twice.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(twice.Fault, Is.EqualTo($"Unable to attach VIF because VIF {Vif1} is already attached to Ironic Portgroup {bond}"));
    }

    [Test]
    public async Task APortgroupWhosePortHoldsAVif_OffersItsOtherPortsInstead_AndItsPortsAreNeverFreeByUuid()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        var bond = await PortgroupTests.Portgroup(client, node);
        var first = await PortgroupTests.Port(client, node, "52:54:00:00:00:01");
        await client.Post("/v1/nodes/n1/vifs", $"{{\"id\": \"{Vif1}\"}}");
        await client.Patch($"/v1/ports/{first}", $"[{{\"op\": \"add\", \"path\": \"/portgroup_uuid\", \"value\": \"{bond}\"}}]");
        var second = await PortgroupTests.Port(client, node, "52:54:00:00:00:02", $", \"portgroup_uuid\": \"{bond}\"");

        var byUuid = await client.Post("/v1/nodes/n1/vifs", $"{{\"id\": \"{Vif2}\", \"port_uuid\": \"{second}\"}}");
        var any = await client.Post("/v1/nodes/n1/vifs", $"{{\"id\": \"{Vif2}\"}}");

        Assert.That(byUuid.Status, Is.EqualTo(HttpStatusCode.BadRequest), "a port of a portgroup is never free on its own");
        Assert.That(any.Status, Is.EqualTo(HttpStatusCode.NoContent), any.Body);
        Assert.That(await TenantVif(client, $"/v1/ports/{second}"), Is.EqualTo(Vif2));
        Assert.That(await TenantVif(client, $"/v1/portgroups/{bond}"), Is.Null);
    }

    [Test]
    public async Task Detach_FromAPortgroup_ClearsIt()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        var bond = await PortgroupTests.Portgroup(client, node);
        await PortgroupTests.Port(client, node, "52:54:00:00:00:01", $", \"portgroup_uuid\": \"{bond}\"");
        await client.Post("/v1/nodes/n1/vifs", $"{{\"id\": \"{Vif1}\"}}");

        var detach = await client.Delete($"/v1/nodes/n1/vifs/{Vif1}");

        Assert.That(detach.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await TenantVif(client, $"/v1/portgroups/{bond}"), Is.Null);
        Assert.That((await client.Get("/v1/nodes/n1/vifs")).Json["vifs"]!.AsArray(), Is.Empty);
    }
}
