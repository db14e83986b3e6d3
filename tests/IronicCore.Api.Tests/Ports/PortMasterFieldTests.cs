using System.Net;
using IronicCore.States;

namespace IronicCore.Api.Tests.Ports;

/// <summary>The port fields and rules of Ironic master's 1.90-1.111.</summary>
public sealed class PortMasterFieldTests
{
    private const string Master = "1.115";

    private static async Task<IronicClient.Answer> Create(IronicClient client, string node, string fields, string? version = null) =>
        await client.Post("/v1/ports", $"{{\"address\": \"52:54:00:00:00:01\", \"node_uuid\": \"{node}\"{fields}}}", version);

    [TestCase("description", "\"rack 4\"", "1.97")]
    [TestCase("vendor", "\"acme\"", "1.100")]
    [TestCase("category", "\"storage\"", "1.101")]
    [TestCase("available_for_dynamic_portgroup", "false", "1.111")]
    public async Task NewField_IsSetFromItsVersion_406Below_AndHiddenBelow(string field, string value, string since)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        var below = $"1.{int.Parse(since[2..], System.Globalization.CultureInfo.InvariantCulture) - 1}";

        var refused = await Create(client, node, $", \"{field}\": {value}", below);
        var created = await Create(client, node, $", \"{field}\": {value}", since);
        var uuid = created.Json["uuid"]!.GetValue<string>();
        var hidden = await client.Get($"/v1/ports/{uuid}", below);
        var askedBelow = await client.Get($"/v1/ports/{uuid}?fields={field}", below);

        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That(refused.Fault, Is.EqualTo("Request not acceptable."));
        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.Created), created.Body);
        Assert.That(created.Json[field]!.ToJsonString(), Is.EqualTo(value));
        Assert.That(hidden.Json.AsObject().ContainsKey(field), Is.False);
        Assert.That(askedBelow.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
    }

    [Test]
    public async Task Defaults_AvailableForDynamicPortgroupIsTrue_TheOthersNull()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");

        var port = (await Create(client, node, string.Empty)).Json;

        Assert.That(port["available_for_dynamic_portgroup"]!.GetValue<bool>(), Is.True);
        Assert.That(port["description"], Is.Null);
        Assert.That(port["vendor"], Is.Null);
        Assert.That(port["category"], Is.Null);
        Assert.That(port["portgroup_uuid"], Is.Null);
    }

    [Test]
    public async Task NewFields_PatchAtAnyVersion_AsMasterOnlyGatesItsOlderPaths()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        var uuid = (await Create(client, node, string.Empty)).Json["uuid"]!.GetValue<string>();

        var description = await client.Patch($"/v1/ports/{uuid}", "[{\"op\": \"add\", \"path\": \"/description\", \"value\": \"x\"}]", "1.90");
        var pxeAt18 = await client.Patch($"/v1/ports/{uuid}", "[{\"op\": \"replace\", \"path\": \"/pxe_enabled\", \"value\": false}]", "1.18");

        Assert.That(description.Status, Is.EqualTo(HttpStatusCode.OK), description.Body);
        Assert.That((await client.Get($"/v1/ports/{uuid}")).Json["description"]!.GetValue<string>(), Is.EqualTo("x"));
        Assert.That(pxeAt18.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
    }

    [Test]
    public async Task TooLongVendor_Is400()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        var vendor = new string('v', 33);

        var answer = await Create(client, node, $", \"vendor\": \"{vendor}\"");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo($"Schema error for port: '{vendor}' is too long"));
    }

    [Test]
    public async Task NodeIdent_NamesTheNodeFrom1_94_406Below()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");

        var byName = await client.Post("/v1/ports", "{\"address\": \"52:54:00:00:00:01\", \"node_ident\": \"n1\"}", "1.94");
        var below = await client.Post("/v1/ports", "{\"address\": \"52:54:00:00:00:02\", \"node_ident\": \"n1\"}", "1.93");
        var nameInNodeUuid = await client.Post("/v1/ports", "{\"address\": \"52:54:00:00:00:03\", \"node_uuid\": \"n1\"}", "1.94");
        var missing = await client.Post("/v1/ports", "{\"address\": \"52:54:00:00:00:04\", \"node_ident\": \"n9\"}", "1.94");

        Assert.That(byName.Status, Is.EqualTo(HttpStatusCode.Created), byName.Body);
        Assert.That(byName.Json["node_uuid"]!.GetValue<string>(), Is.EqualTo(node));
        Assert.That(below.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That(nameInNodeUuid.Fault, Is.EqualTo("Expected UUID for node_uuid: n1"));
        Assert.That(missing.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(missing.Fault, Is.EqualTo("Node None could not be found."));
    }

    [Test]
    public async Task NodeIdentAndNodeUuidTogether_OrNeither_IsASchemaError()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");

        var both = await client.Post("/v1/ports", $"{{\"address\": \"52:54:00:00:00:01\", \"node_ident\": \"n1\", \"node_uuid\": \"{node}\"}}");
        var neither = await client.Post("/v1/ports", "{\"address\": \"52:54:00:00:00:01\"}");

        Assert.That(both.Fault, Is.EqualTo(
            $"Schema error for port: {{'address': '52:54:00:00:00:01', 'node_ident': 'n1', 'node_uuid': '{node}'}} is valid under each of {{'required': ['node_ident']}}, {{'required': ['node_uuid']}}"));
        Assert.That(neither.Fault, Is.EqualTo(
            "Schema error for port: {'address': '52:54:00:00:00:01'} is not valid under any of the given schemas. Possible root cause: 'node_ident' is a required property"));
    }

    [TestCase("1.89", HttpStatusCode.NotAcceptable)]
    [TestCase("1.90", HttpStatusCode.Created)]
    [TestCase("1.104", HttpStatusCode.Created)]
    [TestCase("1.105", HttpStatusCode.NotAcceptable)]
    public async Task VtepLink_IsSettableFrom1_90_Until1_105RemovedIt(string version, HttpStatusCode expected)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");

        var answer = await Create(client, node, ", \"local_link_connection\": {\"port_id\": \"p1\", \"vtep-logical-switch\": \"ls\", \"vtep-physical-switch\": \"ps\"}", version);

        Assert.That(answer.Status, Is.EqualTo(expected), answer.Body);
    }

    [Test]
    public async Task VtepLink_IsShownEmptyBelow1_90_AndAsItIsFrom1_90()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        var uuid = (await Create(client, node, ", \"local_link_connection\": {\"port_id\": \"p1\", \"vtep-logical-switch\": \"ls\", \"vtep-physical-switch\": \"ps\"}", "1.90")).Json["uuid"]!.GetValue<string>();

        var old = await client.Get($"/v1/ports/{uuid}", "1.89");
        var current = await client.Get($"/v1/ports/{uuid}", Master);

        Assert.That(old.Json["local_link_connection"]!.AsObject(), Is.Empty);
        Assert.That(current.Json["local_link_connection"]!["vtep-logical-switch"]!.GetValue<string>(), Is.EqualTo("ls"));
    }

    [Test]
    public async Task VtepLink_NeedsBothSwitches_AndIsUnknownTo21_4()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");
        using var old = new SimulatorFactory(release: IronicRelease.Release21_4);
        using var oldClient = old.Client("1.82");
        var oldNode = await oldClient.CreateNode("n1");
        const string Link = ", \"local_link_connection\": {\"port_id\": \"p1\", \"vtep-logical-switch\": \"ls\"}";

        var half = await Create(client, node, Link, "1.95");
        var in21 = await Create(oldClient, oldNode, Link);

        Assert.That(half.Fault, Is.EqualTo(
            "Schema error for local_link_connection: {'port_id': 'p1', 'vtep-logical-switch': 'ls'} is not valid under any of the given schemas. Possible root cause: 'vtep-physical-switch' is a dependency of 'vtep-logical-switch'"));
        Assert.That(in21.Fault, Is.EqualTo(
            "Schema error for local_link_connection: {'port_id': 'p1', 'vtep-logical-switch': 'ls'} is not valid under any of the given schemas. Possible root cause: Additional properties are not allowed ('vtep-logical-switch' was unexpected)"));
    }

    [Test]
    public async Task SwitchId_IsAMacOrADatapathId_Normalized()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var node = await client.CreateNode("n1");

        var mac = await Create(client, node, ", \"local_link_connection\": {\"port_id\": \"Eth1\", \"switch_id\": \"AA:BB:CC:DD:EE:FF\"}");
        var bad = await client.Post("/v1/ports", $"{{\"address\": \"52:54:00:00:00:02\", \"node_uuid\": \"{node}\", \"local_link_connection\": {{\"port_id\": \"Eth1\", \"switch_id\": \"sw1\"}}}}");

        Assert.That(mac.Json["local_link_connection"]!["switch_id"]!.GetValue<string>(), Is.EqualTo("aa:bb:cc:dd:ee:ff"));
        Assert.That(bad.Fault, Is.EqualTo("Expected a MAC address or OpenFlow datapath ID but received sw1."));
    }

    [Test]
    public async Task ConductorGroupsFilter_KeepsOnlyThoseGroupsNodesPorts_CombinesWithNoNodeFilter_AndIsUnknownTo21_4()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(Master);
        var n1 = await client.CreateNode("n1");
        await Create(client, n1, string.Empty);
        using var old = new SimulatorFactory(release: IronicRelease.Release21_4);
        using var oldClient = old.Client("1.82");

        var none = await client.Get("/v1/ports?conductor_groups=g1");
        var all = await client.Get("/v1/ports");
        var withNode = await client.Get("/v1/ports?conductor_groups=g1&node=n1");
        var in21 = await oldClient.Get("/v1/ports?conductor_groups=g1");

        Assert.That(none.Json["ports"]!.AsArray(), Is.Empty);
        Assert.That(all.Json["ports"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(withNode.Fault, Is.EqualTo("Filtering by conductor_groups cannot be combined with node_ident, portgroup_ident, or node address filters."));
        Assert.That(in21.Fault, Is.EqualTo("Unexpected arguments: conductor_groups"));
    }
}
