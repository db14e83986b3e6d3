using System.Net;
using IronicCore.States;

namespace IronicCore.Api.Tests.Volumes;

/// <summary>
/// Volume connectors and targets (1.32) as Ironic's <c>VolumeConnectorsController</c> and
/// <c>VolumeTargetsController</c> answer, with the conductor's rules for changing them.
/// </summary>
public sealed class VolumeEndpointTests
{
    private static string Connector(string node, string id = "iqn.2017-07.org.openstack:01") =>
        $$$"""{"node_uuid": "{{{node}}}", "type": "iqn", "connector_id": "{{{id}}}", "extra": {"a": 1}}""";

    private static string Target(string node, int bootIndex = 0) =>
        $$$"""{"node_uuid": "{{{node}}}", "volume_type": "iscsi", "volume_id": "vol-{{{bootIndex}}}", "boot_index": {{{bootIndex}}}, "properties": {"auth_password": "s3cret", "target_lun": 0}}""";

    [Test]
    public async Task VolumeConnector_Crud_WithTheNodesSubResource()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.32");
        var node = await client.CreateNode("n1");
        await client.Put("/v1/nodes/n1/states/power", """{"target": "power off"}""");

        var created = await client.Post("/v1/volume/connectors", Connector(node));
        var uuid = created.Json["uuid"]!.GetValue<string>();
        var list = (await client.Get("/v1/volume/connectors")).Json["connectors"]!.AsArray();
        var underNode = (await client.Get($"/v1/nodes/{node}/volume/connectors?detail=True")).Json["connectors"]!.AsArray();
        var underName = await client.Get("/v1/nodes/n1/volume/connectors");
        var patched = await client.Patch($"/v1/volume/connectors/{uuid}", """[{"op": "replace", "path": "/connector_id", "value": "iqn.2017-07.org.openstack:02"}]""");
        var deleted = await client.Delete($"/v1/volume/connectors/{uuid}");
        var gone = await client.Get($"/v1/volume/connectors/{uuid}");

        Assert.Multiple(() =>
        {
            Assert.That(created.Status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(created.Headers.Location!.ToString(), Is.EqualTo($"http://localhost/v1/volume/connectors/{uuid}"));
            Assert.That(created.Json.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "uuid", "created_at", "updated_at", "connector_id", "extra", "type", "links", "node_uuid" }));
            Assert.That(list.Single()!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "uuid", "connector_id", "type", "links", "node_uuid" }));
            Assert.That(underNode.Single()!["extra"]!.ToJsonString(), Is.EqualTo("{\"a\":1}"));
            Assert.That((underName.Status, underName.Fault), Is.EqualTo((HttpStatusCode.NotFound, "Node n1 could not be found.")));
            Assert.That(patched.Json["connector_id"]!.GetValue<string>(), Is.EqualTo("iqn.2017-07.org.openstack:02"));
            Assert.That(deleted.Status, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(gone.Fault, Is.EqualTo($"Volume connector {uuid} could not be found."));
        });
    }

    [Test]
    public async Task VolumeTarget_Crud_PropertiesMasked_BootIndexUniqueOnItsNode()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.32");
        var node = await client.CreateNode("n1");

        var created = await client.Post("/v1/volume/targets", Target(node));
        var uuid = created.Json["uuid"]!.GetValue<string>();
        var taken = await client.Post("/v1/volume/targets", Target(node));
        var list = (await client.Get($"/v1/volume/targets?node={node}")).Json["targets"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(created.Json["properties"]!.ToJsonString(), Is.EqualTo("{\"auth_password\":\"******\",\"target_lun\":0}"));
            Assert.That(taken.Status, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(taken.Fault, Is.EqualTo("A volume target with boot index '0' for the same node already exists."));
            Assert.That(list.Single()!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "uuid", "boot_index", "volume_id", "volume_type", "links", "node_uuid" }));
            Assert.That(list.Single()!["uuid"]!.GetValue<string>(), Is.EqualTo(uuid));
        });
    }

    [Test]
    public async Task AChange_OfANodeNotPoweredOff_IsInvalidStateRequested()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.32");
        var node = await client.CreateNode("n1");
        var uuid = (await client.Post("/v1/volume/targets", Target(node))).Json["uuid"]!.GetValue<string>();
        await client.Put("/v1/nodes/n1/states/power", """{"target": "power on"}""");
        await client.Provision("n1", "manage");
        await client.Provision("n1", "provide");

        var patch = await client.Patch($"/v1/volume/targets/{uuid}", """[{"op": "replace", "path": "/boot_index", "value": 1}]""");
        var delete = await client.Delete($"/v1/volume/targets/{uuid}");

        Assert.Multiple(() =>
        {
            Assert.That(patch.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(patch.Fault, Is.EqualTo($"The requested action \"volume target update\" can not be performed on node \"{node}\" while it is in state \"power on\"."));
            Assert.That(delete.Fault, Is.EqualTo($"The requested action \"volume target deletion\" can not be performed on node \"{node}\" while it is in state \"power on\"."));
        });
    }

    [TestCase(IronicRelease.Master, HttpStatusCode.BadRequest, "Malformed request URI.")]
    [TestCase(IronicRelease.Release2025_1, HttpStatusCode.Forbidden, "Operation not permitted.")]
    [TestCase(IronicRelease.Release21_4, HttpStatusCode.Forbidden, "Operation not permitted.")]
    public async Task UnderANode_OnlyListsAreServed(IronicRelease release, HttpStatusCode status, string fault)
    {
        using var factory = new SimulatorFactory(release);
        using var client = factory.Client("1.32");
        var node = await client.CreateNode("n1");
        var uuid = (await client.Post("/v1/volume/connectors", Connector(node))).Json["uuid"]!.GetValue<string>();

        var create = await client.Post("/v1/nodes/n1/volume/connectors", Connector(node, "other"));
        var show = await client.Get($"/v1/nodes/n1/volume/connectors/{uuid}");
        var delete = await client.Delete($"/v1/nodes/n1/volume/connectors/{uuid}");

        Assert.Multiple(() =>
        {
            Assert.That((create.Status, create.Fault), Is.EqualTo((status, fault)));
            Assert.That((show.Status, show.Fault), Is.EqualTo((status, fault)));
            Assert.That((delete.Status, delete.Fault), Is.EqualTo((status, fault)));
        });
    }

    [Test]
    public async Task ACreateForANodeThatDoesNotExist_IsInvalidInput()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.32");
        const string Missing = "6f1c6a1e-0b8d-4c41-9d0e-3f0c2b6a9e99";

        var answer = await client.Post("/v1/volume/connectors", Connector(Missing));
        var schema = await client.Post("/v1/volume/targets", """{"node_uuid": "x", "volume_type": "iscsi", "volume_id": "v", "boot_index": "0"}""");

        Assert.Multiple(() =>
        {
            Assert.That((answer.Status, answer.Fault), Is.EqualTo((HttpStatusCode.BadRequest, $"Invalid input for field/attribute node_uuid. Value: '{Missing}'. ")));
            Assert.That(schema.Fault, Is.EqualTo("Schema error for target: '0' is not of type 'integer'"));
        });
    }

    [Test]
    public async Task DeletingANode_DeletesItsVolumes()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.32");
        var node = await client.CreateNode("n1");
        await client.Post("/v1/volume/connectors", Connector(node));
        await client.Post("/v1/volume/targets", Target(node));

        await client.Delete("/v1/nodes/n1");

        Assert.Multiple(async () =>
        {
            Assert.That((await client.Get("/v1/volume/connectors")).Json["connectors"]!.AsArray(), Is.Empty);
            Assert.That((await client.Get("/v1/volume/targets")).Json["targets"]!.AsArray(), Is.Empty);
        });
    }

    [TestCase(IronicRelease.Release21_4, "Resource could not be found.")]
    [TestCase(IronicRelease.Release2025_1, "Resource could not be found.")]
    public async Task TheVolumeDocument_Below1_32_IsIronicsNotFound(IronicRelease release, string fault)
    {
        using var factory = new SimulatorFactory(release);
        using var client = factory.Client("1.31");

        var answer = await client.Get("/v1/volume");

        Assert.That((answer.Status, answer.Fault), Is.EqualTo((HttpStatusCode.NotFound, fault)));
    }

    [Test]
    public async Task Volume_Below1_32_IsNotFound()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.31");

        Assert.Multiple(async () =>
        {
            Assert.That((await client.Get("/v1/volume")).Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await client.Get("/v1/volume/targets")).Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await client.Post("/v1/volume/connectors", "{}")).Status, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }
}
