using System.Net;
using IronicCore.Api.Tests.Portgroups;

namespace IronicCore.Api.Tests.Ports;

/// <summary>What Ironic's port controller and conductor refuse, and portgroup membership.</summary>
public sealed class PortRuleTests
{
    private const string Master = "1.115";
    private const string Vif = "1f3a6f2e-2b3c-4d5e-8f90-0a1b2c3d4e5f";

    [Test]
    public async Task PortgroupUuid_JoinsThePort_AndThePortgroupListsIt_From1_24()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        var group = await PortgroupTests.Portgroup(client, node, ", \"name\": \"bond0\"");
        var member = await PortgroupTests.Port(client, node, "52:54:00:00:00:01", $", \"portgroup_uuid\": \"{group}\"");
        await PortgroupTests.Port(client, node, "52:54:00:00:00:02");

        var ports = await client.Get($"/v1/portgroups/{group}/ports");
        var filtered = await client.Get($"/v1/ports?portgroup={group}");
        var tooOld = await client.Get("/v1/portgroups/bond0/ports", "1.23");
        var filterTooOld = await client.Get($"/v1/ports?portgroup={group}", "1.23");
        var hidden = await client.Get($"/v1/ports/{member}", "1.23");

        Assert.That(ports.Json["ports"]!.AsArray().Select(p => p!["uuid"]!.GetValue<string>()), Is.EqualTo(new[] { member }));
        Assert.That(filtered.Json["ports"]!.AsArray().Select(p => p!["uuid"]!.GetValue<string>()), Is.EqualTo(new[] { member }));
        Assert.That(tooOld.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(filterTooOld.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That(hidden.Json.AsObject().ContainsKey("portgroup_uuid"), Is.False);
        Assert.That((await client.Get($"/v1/ports/{member}")).Json["portgroup_uuid"]!.GetValue<string>(), Is.EqualTo(group));
    }

    [Test]
    public async Task Create_InAnotherNodesPortgroup_OrAnUnknownOne_Is400()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        var other = await client.CreateNode("n2");
        var foreign = await PortgroupTests.Portgroup(client, other);
        const string Ghost = "0f3a6f2e-2b3c-4d5e-8f90-0a1b2c3d4e5f";

        var elsewhere = await client.Post("/v1/ports", $"{{\"address\": \"52:54:00:00:00:01\", \"node_uuid\": \"{node}\", \"portgroup_uuid\": \"{foreign}\"}}");
        var unknown = await client.Post("/v1/ports", $"{{\"address\": \"52:54:00:00:00:01\", \"node_uuid\": \"{node}\", \"portgroup_uuid\": \"{Ghost}\"}}");

        Assert.That(elsewhere.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(elsewhere.Fault, Is.EqualTo("Port can not be added to a portgroup belonging to a different node."));
        Assert.That(unknown.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(unknown.Fault, Is.EqualTo($"Portgroup {Ghost} could not be found."));
        Assert.That((await client.Get("/v1/ports")).Json["ports"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task JoiningAPortgroup_NeedsItsMembersPhysicalNetwork_409()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        var group = await PortgroupTests.Portgroup(client, node);
        await PortgroupTests.Port(client, node, "52:54:00:00:00:01", $", \"portgroup_uuid\": \"{group}\", \"physical_network\": \"physnet1\"");

        var answer = await client.Post("/v1/ports", $"{{\"address\": \"52:54:00:00:00:02\", \"node_uuid\": \"{node}\", \"portgroup_uuid\": \"{group}\", \"physical_network\": \"physnet2\"}}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(answer.Fault, Is.EqualTo($"Port with physical network physnet2 cannot become a member of port group {group} which has ports in physical network physnet1."));
    }

    [Test]
    public async Task PhysicalNetworkOfAMember_IsChangedThroughItsPortgroup_From1_102()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        var group = await PortgroupTests.Portgroup(client, node);
        var port = await PortgroupTests.Port(client, node, "52:54:00:00:00:01", $", \"portgroup_uuid\": \"{group}\"");

        var refused = await client.Patch($"/v1/ports/{port}", "[{\"op\": \"add\", \"path\": \"/physical_network\", \"value\": \"physnet1\"}]");
        var empty = await client.Patch($"/v1/ports/{port}", "[{\"op\": \"add\", \"path\": \"/physical_network\", \"value\": \"\"}]", "1.101");

        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Fault, Is.EqualTo("physical_network cannot be changed while the port belongs to a portgroup."));
        Assert.That(empty.Fault, Is.EqualTo("A non-empty value is required when setting physical_network"));
    }

    [Test]
    public async Task ConnectivityAndAddress_OnAnActiveNode_Are409_UnlessInMaintenance()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        var port = await PortgroupTests.Port(client, node, "52:54:00:00:00:01");
        await Lifecycle.ToActive(client, "n1");

        var pxe = await client.Patch($"/v1/ports/{port}", "[{\"op\": \"replace\", \"path\": \"/pxe_enabled\", \"value\": false}]");
        var mac = await client.Patch($"/v1/ports/{port}", "[{\"op\": \"replace\", \"path\": \"/address\", \"value\": \"52:54:00:00:00:09\"}]");
        var extra = await client.Patch($"/v1/ports/{port}", "[{\"op\": \"add\", \"path\": \"/extra/a\", \"value\": 1}]");
        await client.Put("/v1/nodes/n1/maintenance", "{\"reason\": \"rewire\"}");
        var inMaintenance = await client.Patch($"/v1/ports/{port}", "[{\"op\": \"replace\", \"path\": \"/pxe_enabled\", \"value\": false}]");

        Assert.That(pxe.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(pxe.Fault, Is.EqualTo(
            $"Port {port} can not have any connectivity attributes (portgroup_id, pxe_enabled, local_link_connection, physical_network) updated unless node {node} is in a enroll, inspecting, inspect wait, manageable state or in maintenance mode. The current state is active."));
        Assert.That(mac.Fault, Is.EqualTo($"Cannot update hardware address for port {port} as node {node} is active or has instance UUID assigned"));
        Assert.That(extra.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(inMaintenance.Status, Is.EqualTo(HttpStatusCode.OK), inMaintenance.Body);
        Assert.That(inMaintenance.Json["pxe_enabled"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Delete_OfAPortBoundToAVif_Is409_UnlessInMaintenance()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        var port = await PortgroupTests.Port(client, node, "52:54:00:00:00:01");
        await client.Post("/v1/nodes/n1/vifs", $"{{\"id\": \"{Vif}\"}}");

        var refused = await client.Delete($"/v1/ports/{port}");
        await client.Put("/v1/nodes/n1/maintenance", "{}");
        var deleted = await client.Delete($"/v1/ports/{port}");

        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(refused.Fault, Is.EqualTo($"Cannot delete the port {port} as it is bound to VIF {Vif} for use."));
        Assert.That(deleted.Status, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task PatchAndDelete_OnAReservedNode_Are409()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client(Master);
        var node = (await client.Post("/v1/nodes", "{\"driver\": \"ipmi\", \"name\": \"b1\", \"driver_info\": {\"ipmi_address\": \"10.0.0.9\"}}")).Json["uuid"]!.GetValue<string>();
        var port = await PortgroupTests.Port(client, node, "52:54:00:00:00:01");
        await client.Put("/v1/nodes/b1/states/power", "{\"target\": \"power on\"}");
        Assert.That((await client.Node("b1"))["reservation"]?.GetValue<string>(), Is.Not.Null, "on the virtual clock the power worker holds the lock until its BMC time passes");

        var patch = await client.Patch($"/v1/ports/{port}", "[{\"op\": \"add\", \"path\": \"/extra/a\", \"value\": 1}]");
        var delete = await client.Delete($"/v1/ports/{port}");

        Assert.That(patch.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(patch.Fault, Does.StartWith($"Node {node} is locked by host sim-conductor"));
        Assert.That(delete.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await client.Get($"/v1/ports/{port}")).Json["extra"]!.AsObject(), Is.Empty);
    }

    [Test]
    public async Task ShowAndPatch_ByName_InMaster_ByUuidOnlyIn21_4()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        var port = await PortgroupTests.Port(client, node, "52:54:00:00:00:01", ", \"name\": \"eth0\"");
        using var old = new SimulatorFactory(release: IronicCore.States.IronicRelease.Release21_4);
        using var oldClient = old.Client("1.82");

        var shown = await client.Get("/v1/ports/eth0");
        var patched = await client.Patch("/v1/ports/eth0", "[{\"op\": \"add\", \"path\": \"/extra/a\", \"value\": 1}]");
        var in21 = await oldClient.Get("/v1/ports/eth0");

        Assert.That(shown.Json["uuid"]!.GetValue<string>(), Is.EqualTo(port));
        Assert.That(patched.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(in21.Fault, Is.EqualTo("Expected UUID for port_uuid: eth0"));
    }

    [Test]
    public async Task Patch_MovesThePortToAnotherNode()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        var other = await client.CreateNode("n2");
        var port = await PortgroupTests.Port(client, node, "52:54:00:00:00:01");

        var moved = await client.Patch($"/v1/ports/{port}", "[{\"op\": \"replace\", \"path\": \"/node_uuid\", \"value\": \"n2\"}]");

        Assert.That(moved.Status, Is.EqualTo(HttpStatusCode.OK), moved.Body);
        Assert.That(moved.Json["node_uuid"]!.GetValue<string>(), Is.EqualTo(other));
        Assert.That((await client.Get($"/v1/nodes/{other}/ports")).Json["ports"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task List_PagesWithIronicsNextLink_UnderThePortsPath()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        await PortgroupTests.Port(client, node, "52:54:00:00:00:01");
        var second = await PortgroupTests.Port(client, node, "52:54:00:00:00:02");
        await PortgroupTests.Port(client, node, "52:54:00:00:00:03");

        var page = await client.Get($"/v1/nodes/{node}/ports?limit=2&sort_key=address");

        Assert.That(page.Json["next"]!.GetValue<string>(), Is.EqualTo($"http://localhost/v1/ports?sort_key=address&sort_dir=asc&fields=uuid,address&limit=2&marker={second}"));
    }

    [Test]
    public async Task NodeAndPortgroupFilters_Together_Are403()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        var group = await PortgroupTests.Portgroup(client, node);

        var answer = await client.Get($"/v1/ports?node=n1&portgroup={group}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(answer.Fault, Is.EqualTo("Operation not permitted."));
    }

    [Test]
    public async Task ShardFilter_ListsTheShardsNodesPorts_From1_82()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var sharded = await client.CreateNode("n1", ", \"shard\": \"s1\"");
        var plain = await client.CreateNode("n2");
        var port = await PortgroupTests.Port(client, sharded, "52:54:00:00:00:01");
        await PortgroupTests.Port(client, plain, "52:54:00:00:00:02");

        var byShard = await client.Get("/v1/ports?shard=s1");
        var tooOld = await client.Get("/v1/ports?shard=s1", "1.81");
        var detailTooOld = await client.Get("/v1/ports?detail=true", "1.42");

        Assert.That(byShard.Json["ports"]!.AsArray().Select(p => p!["uuid"]!.GetValue<string>()), Is.EqualTo(new[] { port }));
        Assert.That(tooOld.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That(tooOld.Fault, Is.EqualTo("Request not acceptable. The minimal required API version should be 1.82"));
        Assert.That(detailTooOld.Fault, Is.EqualTo("Invalid query parameter ?detail=True received."));
    }
}
