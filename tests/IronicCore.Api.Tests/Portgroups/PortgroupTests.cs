using System.Net;
using IronicCore.States;

namespace IronicCore.Api.Tests.Portgroups;

public sealed class PortgroupTests
{
    private const string Master = "1.115";

    internal static async Task<string> Portgroup(IronicClient client, string node, string fields = "")
    {
        var answer = await client.Post("/v1/portgroups", $"{{\"node_uuid\": \"{node}\"{fields}}}", Master);
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Created), answer.Body);
        return answer.Json["uuid"]!.GetValue<string>();
    }

    internal static async Task<string> Port(IronicClient client, string node, string mac, string fields = "")
    {
        var answer = await client.Post("/v1/ports", $"{{\"address\": \"{mac}\", \"node_uuid\": \"{node}\"{fields}}}", Master);
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Created), answer.Body);
        return answer.Json["uuid"]!.GetValue<string>();
    }

    [Test]
    public async Task Create_Is201WithLocation_DefaultsAsIronic_AndEveryMasterField()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");

        var answer = await client.Post("/v1/portgroups", $"{{\"node_uuid\": \"{node}\", \"name\": \"bond0\", \"address\": \"52:54:00:AA:BB:CC\"}}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Created), answer.Body);
        var uuid = answer.Json["uuid"]!.GetValue<string>();
        Assert.That(answer.Headers.Location!.ToString(), Is.EqualTo($"http://localhost/v1/portgroups/{uuid}"));
        Assert.That(answer.Json["address"]!.GetValue<string>(), Is.EqualTo("52:54:00:aa:bb:cc"));
        Assert.That(answer.Json["mode"]!.GetValue<string>(), Is.EqualTo("active-backup"));
        Assert.That(answer.Json["standalone_ports_supported"]!.GetValue<bool>(), Is.True);
        Assert.That(answer.Json["dynamic_portgroup"]!.GetValue<bool>(), Is.False);
        Assert.That(answer.Json["properties"]!.AsObject(), Is.Empty);
        Assert.That(answer.Json["ports"]![0]!["href"]!.GetValue<string>(), Is.EqualTo($"http://localhost/v1/portgroups/{uuid}/ports"));
        Assert.That(answer.Json.AsObject().Select(p => p.Key), Is.EquivalentTo(new[]
        {
            "created_at", "updated_at", "uuid", "address", "extra", "internal_info", "mode", "name", "properties",
            "standalone_ports_supported", "node_uuid", "physical_network", "category", "dynamic_portgroup", "links", "ports",
        }));
    }

    [TestCase("1.23", new string[0])]
    [TestCase("1.26", new[] { "mode", "properties" })]
    [TestCase("1.102", new[] { "mode", "properties", "physical_network" })]
    [TestCase("1.103", new[] { "mode", "properties", "physical_network", "category" })]
    [TestCase("1.111", new[] { "mode", "properties", "physical_network", "category", "dynamic_portgroup" })]
    public async Task NewerFields_AreHiddenBelowTheirVersion(string version, string[] versioned)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(version);
        var node = await client.CreateNode("n1");
        var uuid = await Portgroup(client, node);

        var shown = (await client.Get($"/v1/portgroups/{uuid}")).Json.AsObject().Select(p => p.Key).ToList();

        string[] all = ["mode", "properties", "physical_network", "category", "dynamic_portgroup"];
        Assert.That(shown.Intersect(all), Is.EquivalentTo(versioned));
        Assert.That(shown, Does.Contain("standalone_ports_supported"));
    }

    [Test]
    public async Task Portgroups_Below1_23_AreNotFound_AndANodesPortgroupsBelow1_24()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");

        Assert.That((await client.Get("/v1/portgroups", "1.22")).Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await client.Get("/v1/portgroups", "1.23")).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.Get($"/v1/nodes/{node}/portgroups", "1.23")).Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await client.Get($"/v1/nodes/{node}/portgroups", "1.24")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ModeOrProperties_Below1_26_Are406_OnCreateAndPatch()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.25");
        var node = await client.CreateNode("n1");
        var uuid = await Portgroup(client, node);

        var create = await client.Post("/v1/portgroups", $"{{\"node_uuid\": \"{node}\", \"mode\": \"802.3ad\"}}");
        var patch = await client.Patch($"/v1/portgroups/{uuid}", "[{\"op\": \"add\", \"path\": \"/properties/miimon\", \"value\": \"100\"}]");
        var fields = await client.Get($"/v1/portgroups/{uuid}?fields=mode");

        Assert.That(create.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That(create.Fault, Is.EqualTo("Request not acceptable."));
        Assert.That(patch.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That(fields.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That((await client.Get("/v1/portgroups")).Json["portgroups"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task DynamicPortgroupField_Below1_111_Is406_PhysicalNetworkAndCategoryAreOnlyHidden()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.101");
        var node = await client.CreateNode("n1");
        var uuid = await Portgroup(client, node, ", \"physical_network\": \"physnet1\", \"category\": \"storage\"");

        var dynamic = await client.Get($"/v1/portgroups/{uuid}?fields=dynamic_portgroup");
        var physnet = await client.Get($"/v1/portgroups/{uuid}?fields=physical_network");
        var latest = await client.Get($"/v1/portgroups/{uuid}", Master);

        Assert.That(dynamic.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That(physnet.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(physnet.Json.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "links" }));
        Assert.That(latest.Json["physical_network"]!.GetValue<string>(), Is.EqualTo("physnet1"));
        Assert.That(latest.Json["category"]!.GetValue<string>(), Is.EqualTo("storage"));
    }

    [Test]
    public async Task ShowByNameUuidOrDatabaseId()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        var uuid = await Portgroup(client, node, ", \"name\": \"bond0\"");

        Assert.That((await client.Get("/v1/portgroups/bond0")).Json["uuid"]!.GetValue<string>(), Is.EqualTo(uuid));
        Assert.That((await client.Get($"/v1/portgroups/{uuid}")).Json["name"]!.GetValue<string>(), Is.EqualTo("bond0"));
        Assert.That((await client.Get("/v1/portgroups/1")).Json["uuid"]!.GetValue<string>(), Is.EqualTo(uuid));
        var missing = await client.Get("/v1/portgroups/bond9");
        Assert.That(missing.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.Fault, Is.EqualTo("Portgroup bond9 could not be found."));
    }

    [Test]
    public async Task NamesAndMacs_AreUniqueAmongPortgroups_409()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        await Portgroup(client, node, ", \"name\": \"bond0\", \"address\": \"52:54:00:00:00:0a\"");
        var second = await Portgroup(client, node, ", \"name\": \"bond1\"");

        var sameName = await client.Post("/v1/portgroups", $"{{\"node_uuid\": \"{node}\", \"name\": \"bond0\"}}");
        var sameMac = await client.Post("/v1/portgroups", $"{{\"node_uuid\": \"{node}\", \"address\": \"52:54:00:00:00:0A\"}}");
        var renamed = await client.Patch($"/v1/portgroups/{second}", "[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"bond0\"}]");

        Assert.That(sameName.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(sameName.Fault, Is.EqualTo("A portgroup with name bond0 already exists."));
        Assert.That(sameMac.Fault, Is.EqualTo("A portgroup with MAC address 52:54:00:00:00:0a already exists."));
        Assert.That(renamed.Fault, Is.EqualTo("A portgroup with name bond0 already exists."));
        Assert.That((await client.Get($"/v1/portgroups/{second}")).Json["name"]!.GetValue<string>(), Is.EqualTo("bond1"));
        Assert.That((await client.Get("/v1/portgroups")).Json["portgroups"]!.AsArray(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task APortgroupMayShareItsMacWithAPort_AsABondDoes()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        await Port(client, node, "52:54:00:00:00:01");

        var answer = await client.Post("/v1/portgroups", $"{{\"node_uuid\": \"{node}\", \"address\": \"52:54:00:00:00:01\"}}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Created), answer.Body);
    }

    [TestCase("{\"node_uuid\": \"{node}\", \"name\": \"bad name\"}", "Cannot create portgroup with invalid name 'bad name'")]
    [TestCase("{\"node_uuid\": \"{node}\", \"address\": \"nope\"}", "Expected valid MAC address for address: nope")]
    [TestCase("{\"node_uuid\": \"n1\"}", "Expected UUID for node_uuid: n1")]
    [TestCase("{\"node_uuid\": \"1be26c0b-03f2-4d2e-ae87-c02d7f33c123\"}", "Node 1be26c0b-03f2-4d2e-ae87-c02d7f33c123 could not be found.")]
    [TestCase("{\"name\": \"bond0\"}", "Schema error for portgroup: 'node_uuid' is a required property")]
    [TestCase("{\"node_uuid\": \"{node}\", \"ports\": []}", "Schema error for portgroup: Additional properties are not allowed ('ports' was unexpected)")]
    [TestCase("{\"node_uuid\": \"{node}\", \"extra\": 5}", "Schema error for portgroup: 5 is not of type 'object', 'null'")]
    [TestCase("{\"node_uuid\": \"{node}\", \"standalone_ports_supported\": \"maybe\"}", "Invalid standalone_ports_supported: Unrecognized value 'maybe', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'")]
    public async Task BadPortgroup_Is400AndCreatesNothing(string body, string message)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");

        var answer = await client.Post("/v1/portgroups", body.Replace("{node}", node, StringComparison.Ordinal));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo(message));
        Assert.That((await client.Get("/v1/portgroups")).Json["portgroups"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task List_ShowsUuidAddressName_FiltersByNodeOrAddress_AndPagesWithNext()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var n1 = await client.CreateNode("n1");
        var n2 = await client.CreateNode("n2");
        var a = await Portgroup(client, n1, ", \"name\": \"a\", \"address\": \"52:54:00:00:00:01\"");
        var b = await Portgroup(client, n1, ", \"name\": \"b\"");
        var c = await Portgroup(client, n2, ", \"name\": \"c\"");

        var all = await client.Get("/v1/portgroups");
        var byNode = await client.Get("/v1/portgroups?node=n1");
        var nested = await client.Get($"/v1/nodes/{n2}/portgroups");
        var byAddress = await client.Get("/v1/portgroups?address=52:54:00:00:00:01");
        var page = await client.Get("/v1/portgroups?limit=2&sort_key=name&sort_dir=desc");
        var detail = await client.Get("/v1/portgroups/detail?node=n1");

        Assert.That(all.Json["portgroups"]![0]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "uuid", "address", "name", "links" }));
        Assert.That(byNode.Json["portgroups"]!.AsArray().Select(p => p!["uuid"]!.GetValue<string>()), Is.EqualTo(new[] { a, b }));
        Assert.That(nested.Json["portgroups"]!.AsArray().Select(p => p!["uuid"]!.GetValue<string>()), Is.EqualTo(new[] { c }));
        Assert.That(byAddress.Json["portgroups"]!.AsArray().Select(p => p!["uuid"]!.GetValue<string>()), Is.EqualTo(new[] { a }));
        Assert.That(page.Json["portgroups"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "c", "b" }));
        Assert.That(page.Json["next"]!.GetValue<string>(), Is.EqualTo($"http://localhost/v1/portgroups?sort_key=name&sort_dir=desc&fields=uuid,address,name&limit=2&marker={b}"));
        Assert.That(detail.Json["portgroups"]![0]!["mode"]!.GetValue<string>(), Is.EqualTo("active-backup"));
    }

    [Test]
    public async Task List_FiltersByShardFrom1_106_AndByConductorGroup_OneFilterAtATime()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var n1 = await client.CreateNode("n1", ", \"shard\": \"s1\"");
        var n2 = await client.CreateNode("n2");
        var a = await Portgroup(client, n1);
        await Portgroup(client, n2);

        var byShard = await client.Get("/v1/portgroups?shard=s1");
        var tooOld = await client.Get("/v1/portgroups?shard=s1", "1.105");
        var byGroup = await client.Get("/v1/portgroups?conductor_groups=nope");
        var both = await client.Get("/v1/portgroups?shard=s1&node=n1");

        Assert.That(byShard.Json["portgroups"]!.AsArray().Select(p => p!["uuid"]!.GetValue<string>()), Is.EqualTo(new[] { a }));
        Assert.That(tooOld.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That(tooOld.Fault, Is.EqualTo("Request not acceptable. The minimal required API version should be 1.106"));
        Assert.That(byGroup.Json["portgroups"]!.AsArray(), Is.Empty);
        Assert.That(both.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(both.Fault, Is.EqualTo("Filtering by node, address, or shard simultaneously is not supported."));
    }

    [Test]
    public async Task Patch_ChangesFields_MovesToAnotherNode_AndRefusesRemovingMode()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        var other = await client.CreateNode("n2");
        var uuid = await Portgroup(client, node);

        var patched = await client.Patch($"/v1/portgroups/{uuid}",
            "[{\"op\": \"replace\", \"path\": \"/mode\", \"value\": \"802.3ad\"}, {\"op\": \"add\", \"path\": \"/properties/miimon\", \"value\": \"100\"}, {\"op\": \"replace\", \"path\": \"/node_uuid\", \"value\": \"n2\"}]");
        var noMode = await client.Patch($"/v1/portgroups/{uuid}", "[{\"op\": \"remove\", \"path\": \"/mode\"}]");
        var internalInfo = await client.Patch($"/v1/portgroups/{uuid}", "[{\"op\": \"add\", \"path\": \"/internal_info/x\", \"value\": 1}]");

        Assert.That(patched.Status, Is.EqualTo(HttpStatusCode.OK), patched.Body);
        Assert.That(patched.Json["mode"]!.GetValue<string>(), Is.EqualTo("802.3ad"));
        Assert.That(patched.Json["properties"]!["miimon"]!.GetValue<string>(), Is.EqualTo("100"));
        Assert.That(patched.Json["node_uuid"]!.GetValue<string>(), Is.EqualTo(other));
        Assert.That(noMode.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(noMode.Fault, Is.EqualTo("'mode' is a mandatory attribute and can not be removed"));
        Assert.That(internalInfo.Fault, Is.EqualTo("Cannot patch /internal_info/x. Only the following can be updated: address, extra, mode, name, node_uuid, properties, standalone_ports_supported, physical_network, category"));
    }

    [Test]
    public async Task Patch_ToAnUnknownNode_Is400WithoutSayingWhy()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        var uuid = await Portgroup(client, node);

        var answer = await client.Patch($"/v1/portgroups/{uuid}", "[{\"op\": \"replace\", \"path\": \"/node_uuid\", \"value\": \"ghost\"}]");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo("Unable to apply the requested node_uuid 'ghost'. Requested value was invalid."));
    }

    [Test]
    public async Task Patch_AnInvalidName_Is400()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        var uuid = await Portgroup(client, node);

        var answer = await client.Patch($"/v1/portgroups/{uuid}", "[{\"op\": \"add\", \"path\": \"/name\", \"value\": \"a b\"}]");

        Assert.That(answer.Fault, Is.EqualTo($"Portgroup {uuid}: Cannot change name to invalid name 'a b'"));
    }

    [Test]
    public async Task MovingAPortgroupWithPorts_Is400_AndMovingFromAnActiveNodeIs409()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        var other = await client.CreateNode("n2");
        var full = await Portgroup(client, node);
        await Port(client, node, "52:54:00:00:00:01", $", \"portgroup_uuid\": \"{full}\"");
        var empty = await Portgroup(client, other);
        await Lifecycle.ToActive(client, "n1");

        var withPorts = await client.Patch($"/v1/portgroups/{full}", $"[{{\"op\": \"replace\", \"path\": \"/node_uuid\", \"value\": \"{other}\"}}]");
        var ontoActive = await client.Patch($"/v1/portgroups/{empty}", $"[{{\"op\": \"replace\", \"path\": \"/node_uuid\", \"value\": \"{node}\"}}]");

        Assert.That(withPorts.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(withPorts.Fault, Is.EqualTo($"Portgroup {full} can not be associated with node {other} because there are ports associated with this portgroup."));
        Assert.That(ontoActive.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(ontoActive.Fault, Is.EqualTo(
            $"Portgroup {empty} can not be associated to node {node} unless the node is in a enroll, inspecting, inspect wait, manageable state or in maintenance mode. Current state is 'active'."));
        Assert.That((await client.Get($"/v1/portgroups/{empty}")).Json["node_uuid"]!.GetValue<string>(), Is.EqualTo(other));
    }

    [Test]
    public async Task StandalonePortsUnsupported_IsRefusedWhileAMemberBootsByPxe()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        var uuid = await Portgroup(client, node);
        var port = await Port(client, node, "52:54:00:00:00:01", $", \"portgroup_uuid\": \"{uuid}\"");

        var refused = await client.Patch($"/v1/portgroups/{uuid}", "[{\"op\": \"replace\", \"path\": \"/standalone_ports_supported\", \"value\": false}]");
        await client.Patch($"/v1/ports/{port}", "[{\"op\": \"replace\", \"path\": \"/pxe_enabled\", \"value\": false}]");
        var accepted = await client.Patch($"/v1/portgroups/{uuid}", "[{\"op\": \"replace\", \"path\": \"/standalone_ports_supported\", \"value\": false}]");
        var pxeAgain = await client.Patch($"/v1/ports/{port}", "[{\"op\": \"replace\", \"path\": \"/pxe_enabled\", \"value\": true}]");
        var newPxeMember = await client.Post("/v1/ports", $"{{\"address\": \"52:54:00:00:00:02\", \"node_uuid\": \"{node}\", \"portgroup_uuid\": \"{uuid}\", \"pxe_enabled\": true}}");

        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(refused.Fault, Is.EqualTo($"standalone_ports_supported can not be set to False, because the port group {uuid} contains port with 'pxe_enabled' is set to True"));
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Body);
        Assert.That(pxeAgain.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(pxeAgain.Fault, Is.EqualTo(
            $"Port group {uuid} doesn't support standalone ports. This port {port} cannot be  a member of that port group because of: 'pxe_enabled' was set to True"));
        Assert.That(newPxeMember.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(newPxeMember.Fault, Is.EqualTo(
            $"Port group {uuid} doesn't support standalone ports. This port cannot be created as a member of that portgroup as the port's 'pxe_enabled' field was set to True."));
    }

    [Test]
    public async Task PatchingThePhysicalNetwork_GivesItToEveryMemberPort()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        var uuid = await Portgroup(client, node);
        var port = await Port(client, node, "52:54:00:00:00:01", $", \"portgroup_uuid\": \"{uuid}\"");

        var answer = await client.Patch($"/v1/portgroups/{uuid}", "[{\"op\": \"add\", \"path\": \"/physical_network\", \"value\": \"physnet2\"}]");

        Assert.That(answer.Json["physical_network"]!.GetValue<string>(), Is.EqualTo("physnet2"));
        Assert.That((await client.Get($"/v1/ports/{port}")).Json["physical_network"]!.GetValue<string>(), Is.EqualTo("physnet2"));
    }

    [Test]
    public async Task Delete_IsRefusedWhilePortsAreInIt_400WithTheDatabaseId()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        var uuid = await Portgroup(client, node, ", \"name\": \"bond0\"");
        var port = await Port(client, node, "52:54:00:00:00:01", $", \"portgroup_uuid\": \"{uuid}\"");

        var refused = await client.Delete("/v1/portgroups/bond0");
        await client.Patch($"/v1/ports/{port}", "[{\"op\": \"remove\", \"path\": \"/portgroup_uuid\"}]");
        var deleted = await client.Delete("/v1/portgroups/bond0");

        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Fault, Is.EqualTo("Cannot complete the requested action because portgroup 1 contains ports."));
        Assert.That(deleted.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await client.Get($"/v1/portgroups/{uuid}")).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task PatchAndDelete_OnAReservedNode_Are409_CreateIsNot()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client(Master);
        var node = (await client.Post("/v1/nodes", "{\"driver\": \"ipmi\", \"name\": \"b1\", \"driver_info\": {\"ipmi_address\": \"10.0.0.9\"}}")).Json["uuid"]!.GetValue<string>();
        var uuid = await Portgroup(client, node);
        await client.Put("/v1/nodes/b1/states/power", "{\"target\": \"power on\"}");
        Assert.That((await client.Node("b1"))["reservation"]?.GetValue<string>(), Is.Not.Null, "on the virtual clock the power worker holds the lock until its BMC time passes");

        var patch = await client.Patch($"/v1/portgroups/{uuid}", "[{\"op\": \"add\", \"path\": \"/extra/a\", \"value\": 1}]");
        var delete = await client.Delete($"/v1/portgroups/{uuid}");
        var create = await client.Post("/v1/portgroups", $"{{\"node_uuid\": \"{node}\"}}");

        Assert.That(patch.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(patch.Fault, Does.StartWith($"Node {node} is locked by host sim-conductor"));
        Assert.That(delete.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(create.Status, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await client.Get($"/v1/portgroups/{uuid}")).Json["extra"]!.AsObject(), Is.Empty);
    }

    [Test]
    public async Task PortgroupsGoWithTheirNode()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        await Portgroup(client, node);

        await client.Delete("/v1/nodes/n1");

        Assert.That((await client.Get("/v1/portgroups")).Json["portgroups"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Release21_4_KnowsNoMasterPortgroupField()
    {
        using var factory = new SimulatorFactory(release: IronicRelease.Release21_4);
        using var client = factory.Client("1.82");
        var node = await client.CreateNode("n1");

        var answer = await client.Post("/v1/portgroups", $"{{\"node_uuid\": \"{node}\", \"physical_network\": \"p\"}}");
        var created = await Portgroup21(client, node);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo("Schema error for portgroup: Additional properties are not allowed ('physical_network' was unexpected)"));
        Assert.That(created.AsObject().Select(p => p.Key), Has.None.AnyOf("physical_network", "category", "dynamic_portgroup"));
        Assert.That((await client.Get("/v1/portgroups?shard=s1")).Fault, Is.EqualTo("Unexpected arguments: shard"));
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> Portgroup21(IronicClient client, string node) =>
        (await client.Post("/v1/portgroups", $"{{\"node_uuid\": \"{node}\"}}")).Json;
}
