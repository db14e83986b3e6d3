using System.Net;

namespace IronicCore.Api.Tests.Network;

public sealed class VifTests
{
    private const string Vif1 = "1f3a6f2e-2b3c-4d5e-8f90-0a1b2c3d4e5f";
    private const string Vif2 = "2f3a6f2e-2b3c-4d5e-8f90-0a1b2c3d4e5f";

    private static async Task<string> Port(IronicClient client, string node, string mac, bool pxe = true)
    {
        var answer = await client.Post("/v1/ports", $"{{\"address\": \"{mac}\", \"node_uuid\": \"{node}\", \"pxe_enabled\": {(pxe ? "true" : "false")}}}");
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Created), answer.Body);
        return answer.Json["uuid"]!.GetValue<string>();
    }

    private static async Task<string[]> Vifs(IronicClient client, string node) =>
        [.. (await client.Get($"/v1/nodes/{node}/vifs")).Json["vifs"]!.AsArray().Select(v => v!["id"]!.GetValue<string>())];

    [Test]
    public async Task Attach_TakesAPxeEnabledFreePortFirst_RecordsTenantVifPortId_DetachClearsIt()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var node = await client.CreateNode("n1");
        var plain = await Port(client, node, "52:54:00:00:00:01", pxe: false);
        var pxe = await Port(client, node, "52:54:00:00:00:02");

        var attach = await client.Post("/v1/nodes/n1/vifs", $"{{\"id\": \"{Vif1}\"}}");
        var pxePort = (await client.Get($"/v1/ports/{pxe}")).Json;
        var second = await client.Post("/v1/nodes/n1/vifs", "{\"id\": \"tenant-net-2\"}");
        var listed = await Vifs(client, "n1");
        var detach = await client.Delete($"/v1/nodes/n1/vifs/{Vif1}");

        Assert.That(attach.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(pxePort["internal_info"]!["tenant_vif_port_id"]!.GetValue<string>(), Is.EqualTo(Vif1));
        Assert.That(second.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await client.Get($"/v1/ports/{plain}")).Json["internal_info"]!["tenant_vif_port_id"]!.GetValue<string>(), Is.EqualTo("tenant-net-2"));
        Assert.That(listed, Is.EqualTo(new[] { "tenant-net-2", Vif1 }), "listed in the ports' order");
        Assert.That(detach.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await client.Get($"/v1/ports/{pxe}")).Json["internal_info"]!.AsObject(), Is.Empty);
        Assert.That(await Vifs(client, "n1"), Is.EqualTo(new[] { "tenant-net-2" }));
    }

    [Test]
    public async Task Attach_RefusesAVifAttachedAlready409_AndANodeWithoutAFreePort400()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var node = await client.CreateNode("n1");
        var bare = await client.CreateNode("n2");
        var port = await Port(client, node, "52:54:00:00:00:01");
        await client.Post("/v1/nodes/n1/vifs", $"{{\"id\": \"{Vif1}\"}}");

        var twice = await client.Post("/v1/nodes/n1/vifs", $"{{\"id\": \"{Vif1}\"}}");
        var full = await client.Post("/v1/nodes/n1/vifs", $"{{\"id\": \"{Vif2}\"}}");
        var noPorts = await client.Post("/v1/nodes/n2/vifs", $"{{\"id\": \"{Vif2}\"}}");

        Assert.That(twice.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(twice.Fault, Is.EqualTo($"Unable to attach VIF because VIF {Vif1} is already attached to Ironic Port {port}"));
        Assert.That(full.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(full.Fault, Is.EqualTo($"Unable to attach VIF {Vif2}, not enough free physical ports."));
        Assert.That(noPorts.Fault, Is.EqualTo($"Unable to attach VIF {Vif2}, not enough free physical ports."));
        Assert.That(await Vifs(client, "n1"), Is.EqualTo(new[] { Vif1 }));
        Assert.That(await Vifs(client, bare), Is.Empty);
    }

    [Test]
    public async Task Attach_ToANamedPort_AndBothPortAndPortgroupRefusedFrom1_67()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var node = await client.CreateNode("n1");
        await Port(client, node, "52:54:00:00:00:01");
        var second = await Port(client, node, "52:54:00:00:00:02");

        var both = await client.Post("/v1/nodes/n1/vifs", $"{{\"id\": \"{Vif1}\", \"port_uuid\": \"{second}\", \"portgroup_uuid\": \"{second}\"}}");
        var named = await client.Post("/v1/nodes/n1/vifs", $"{{\"id\": \"{Vif1}\", \"port_uuid\": \"{second}\"}}");

        Assert.That(both.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(both.Fault, Is.EqualTo("Cannot specify both port_uuid and portgroup_uuid"));
        Assert.That(named.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await client.Get($"/v1/ports/{second}")).Json["internal_info"]!["tenant_vif_port_id"]!.GetValue<string>(), Is.EqualTo(Vif1));
    }

    [TestCase("{}", "Schema error for vif: 'id' is a required property")]
    [TestCase("{\"id\": 5}", "Schema error for vif: 5 is not of type 'string'")]
    [TestCase("{\"id\": \"not a name\"}", "Expected UUID or name for id: not a name")]
    [TestCase("[1]", "Schema error for vif: [1] is not of type 'object'")]
    public async Task BadVif_Is400_AndAttachesNothing(string body, string fault)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var node = await client.CreateNode("n1");
        await Port(client, node, "52:54:00:00:00:01");

        var answer = await client.Post("/v1/nodes/n1/vifs", body);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo(fault));
        Assert.That(await Vifs(client, "n1"), Is.Empty);
    }

    [Test]
    public async Task DetachingAVifNotAttached_Is400NamingTheNode()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var node = await client.CreateNode("n1");

        var answer = await client.Delete($"/v1/nodes/n1/vifs/{Vif1}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo($"Unable to detach VIF {Vif1} from node {node} because it is not attached to it."));
    }

    [Test]
    public async Task Vifs_Before1_28_AreNotFound()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        var list = await client.Get("/v1/nodes/n1/vifs", version: "1.27");
        var attach = await client.Send(HttpMethod.Post, "/v1/nodes/n1/vifs", $"{{\"id\": \"{Vif1}\"}}", versionOverride: "1.27");

        Assert.That(list.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(attach.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task AttachAndTraitChanges_OnAReservedNode_Are409_ListingIsNot()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client();
        var node = (await client.Post("/v1/nodes", "{\"driver\": \"ipmi\", \"name\": \"b1\", \"driver_info\": {\"ipmi_address\": \"10.0.0.9\"}}")).Json["uuid"]!.GetValue<string>();
        await Port(client, node, "52:54:00:00:00:01");
        await client.Put("/v1/nodes/b1/states/power", "{\"target\": \"power on\"}");
        Assert.That((await client.Node("b1"))["reservation"]?.GetValue<string>(), Is.Not.Null, "on the virtual clock the power worker holds the lock until its BMC time passes");

        var attach = await client.Post("/v1/nodes/b1/vifs", $"{{\"id\": \"{Vif1}\"}}");
        var trait = await client.Put("/v1/nodes/b1/traits/CUSTOM_A", "");
        var list = await client.Get("/v1/nodes/b1/vifs");

        Assert.That(attach.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(attach.Fault, Does.StartWith($"Node {node} is locked by host sim-conductor"));
        Assert.That(trait.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(list.Status, Is.EqualTo(HttpStatusCode.OK));
    }
}
