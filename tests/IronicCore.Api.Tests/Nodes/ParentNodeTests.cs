using System.Net;

namespace IronicCore.Api.Tests.Nodes;

/// <summary>Ironic master's parent and child nodes (1.83): the link's checks, the list's default, the children endpoint.</summary>
public sealed class ParentNodeTests
{
    [Test]
    public async Task ParentNode_GivenByName_IsStoredAsTheParentsUuid()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.83");
        var parent = await client.CreateNode("chassis");

        await client.CreateNode("blade", ", \"parent_node\": \"chassis\"");

        Assert.That((await client.Node("blade"))["parent_node"]!.GetValue<string>(), Is.EqualTo(parent));
    }

    [TestCase("nosuch", "")]
    [TestCase("chassis", ", \"owner\": \"tenant-a\"")]
    public async Task ParentNode_UnknownOrOfAnotherOwner_Is400_AlikeSoExistenceIsNotDisclosed(string parent, string extra)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.83");
        await client.CreateNode("chassis");

        var create = await client.Post("/v1/nodes", $"{{\"driver\": \"fake-hardware\", \"name\": \"blade\", \"parent_node\": \"{parent}\"{extra}}}");
        await client.CreateNode("other");
        var patch = await client.Patch("/v1/nodes/other", $"[{{\"op\": \"add\", \"path\": \"/parent_node\", \"value\": \"{parent}\"}}]");

        Assert.That(create.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(create.Fault, Is.EqualTo($"Unable to apply the requested parent_node '{parent}'. Requested value was invalid."));
        Assert.That((await client.Get("/v1/nodes/blade")).Status, Is.EqualTo(HttpStatusCode.NotFound));
        if (extra.Length == 0)
        {
            Assert.That(patch.Fault, Is.EqualTo(create.Fault));
            Assert.That((await client.Node("other"))["parent_node"], Is.Null);
        }
    }

    [Test]
    public async Task List_HidesChildren_UnlessIncludeChildrenOrTheirParentIsAsked()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.83");
        var parent = await client.CreateNode("chassis");
        var child = await client.CreateNode("blade", ", \"parent_node\": \"chassis\"");

        var plain = await Uuids(client, "/v1/nodes");
        var all = await Uuids(client, "/v1/nodes?include_children=True");
        var byParent = await Uuids(client, $"/v1/nodes?parent_node={parent}");

        Assert.That(plain, Is.EqualTo(new[] { parent }));
        Assert.That(all, Is.EquivalentTo(new[] { parent, child }));
        Assert.That(byParent, Is.EqualTo(new[] { child }));
    }

    [Test]
    public async Task Children_ListsTheChildUuids_WithALinkToTheFilteredList_From1_83()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.83");
        var parent = await client.CreateNode("chassis");
        var child = await client.CreateNode("blade", ", \"parent_node\": \"chassis\"");

        var children = await client.Get("/v1/nodes/chassis/children");
        var none = await client.Get("/v1/nodes/blade/children");
        var old = await client.Get("/v1/nodes/chassis/children", version: "1.82");

        Assert.That(children.Json["children"]!.AsArray().Select(c => c!.GetValue<string>()), Is.EqualTo(new[] { child }));
        Assert.That(children.Json["links"]!["href"]!.GetValue<string>(), Does.EndWith($"/v1/nodes?parent_node={parent}"));
        Assert.That(children.Json["links"]!["rel"]!.GetValue<string>(), Is.EqualTo("children"));
        Assert.That(none.Json["children"]!.AsArray(), Is.Empty);
        Assert.That(old.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static async Task<string[]> Uuids(IronicClient client, string path) =>
        [.. (await client.Get(path)).Json["nodes"]!.AsArray().Select(n => n!["uuid"]!.GetValue<string>())];
}
