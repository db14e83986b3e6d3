using System.Net;

namespace IronicCore.Api.Tests.Nodes;

public sealed class TraitTests
{
    private static async Task<string[]> Traits(IronicClient client, string node) =>
        [.. (await client.Get($"/v1/nodes/{node}/traits")).Json["traits"]!.AsArray().Select(t => t!.GetValue<string>())];

    [Test]
    public async Task Traits_ReplaceAddRemove_ShownOnTheNodeFrom1_37()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var uuid = await client.CreateNode("n1");

        var replace = await client.Put("/v1/nodes/n1/traits", "{\"traits\": [\"CUSTOM_GOLD\", \"HW_CPU_X86_AVX2\", \"CUSTOM_GOLD\"]}");
        var add = await client.Put("/v1/nodes/n1/traits/CUSTOM_RAID", "");
        var again = await client.Put("/v1/nodes/n1/traits/CUSTOM_RAID", "{}");
        var afterAdd = await Traits(client, "n1");
        var removeOne = await client.Delete("/v1/nodes/n1/traits/CUSTOM_GOLD");
        var shown = (await client.Get("/v1/nodes/n1")).Json["traits"]!.AsArray().Select(t => t!.GetValue<string>());
        var old = (await client.Get("/v1/nodes/n1", version: "1.36")).Json.AsObject();
        var removeAll = await client.Delete("/v1/nodes/n1/traits");

        Assert.That(replace.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(add.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(add.Header("Location"), Is.EqualTo("http://localhost/v1/nodes/n1/traits/CUSTOM_RAID"));
        Assert.That(replace.Header("Location"), Is.Null);
        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.NoContent), "adding a trait the node has changes nothing");
        Assert.That(afterAdd, Is.EqualTo(new[] { "CUSTOM_GOLD", "CUSTOM_RAID", "HW_CPU_X86_AVX2" }));
        Assert.That(removeOne.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(shown, Is.EqualTo(new[] { "CUSTOM_RAID", "HW_CPU_X86_AVX2" }));
        Assert.That(old.ContainsKey("traits"), Is.False);
        Assert.That(removeAll.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await Traits(client, uuid), Is.Empty);
    }

    [TestCase("/v1/nodes/n1/traits/foo", "", "Schema error for trait: 'foo' is not valid under any of the given schemas. Possible root cause: 'foo' does not match '^CUSTOM_[A-Z0-9_]+$'")]
    [TestCase("/v1/nodes/n1/traits/custom_gold", "", "Schema error for trait: 'custom_gold' is not valid under any of the given schemas. Possible root cause: 'custom_gold' does not match '^CUSTOM_[A-Z0-9_]+$'")]
    [TestCase("/v1/nodes/n1/traits/CUSTOM_A", "{\"x\": 1}", "Schema error for body: Additional properties are not allowed ('x' was unexpected)")]
    [TestCase("/v1/nodes/n1/traits/CUSTOM_A", "{\"traits\": [\"CUSTOM_B\"]}", "A single node trait may be added via PUT /v1/nodes/<node identifier>/traits/<trait> with no body, or all node traits may be replaced via PUT /v1/nodes/<node identifier>/traits with the list of traits specified in the request body.")]
    [TestCase("/v1/nodes/n1/traits", "", "A single node trait may be added via PUT /v1/nodes/<node identifier>/traits/<trait> with no body, or all node traits may be replaced via PUT /v1/nodes/<node identifier>/traits with the list of traits specified in the request body.")]
    [TestCase("/v1/nodes/n1/traits", "{}", "A single node trait may be added via PUT /v1/nodes/<node identifier>/traits/<trait> with no body, or all node traits may be replaced via PUT /v1/nodes/<node identifier>/traits with the list of traits specified in the request body.")]
    [TestCase("/v1/nodes/n1/traits", "{\"traits\": \"CUSTOM_A\"}", "Schema error for body: 'CUSTOM_A' is not of type 'array'")]
    [TestCase("/v1/nodes/n1/traits", "{\"traits\": [\"CUSTOM_A\", \"\"]}", "Schema error for body: '' is too short")]
    [TestCase("/v1/nodes/n1/traits", "{\"traits\": [5]}", "Schema error for body: 5 is not of type 'string'")]
    [TestCase("/v1/nodes/n1/traits", "[\"CUSTOM_A\"]", "Schema error for body: ['CUSTOM_A'] is not of type 'object'")]
    public async Task BadTrait_Is400WithIronicsSchemaError_AndChangesNothing(string path, string body, string fault)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");
        await client.Put("/v1/nodes/n1/traits/CUSTOM_KEEP", "");

        var answer = await client.Put(path, body);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo(fault));
        Assert.That(await Traits(client, "n1"), Is.EqualTo(new[] { "CUSTOM_KEEP" }));
    }

    [Test]
    public async Task FiftyTraitsANode_TheFiftyFirstIsRefusedNamingTheNodesDatabaseId()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n0");
        await client.CreateNode("n1");
        var fifty = string.Join(", ", Enumerable.Range(0, 50).Select(i => $"\"CUSTOM_T{i}\""));
        var fiftyOne = string.Join(", ", Enumerable.Range(0, 51).Select(i => $"\"CUSTOM_T{i}\""));

        var full = await client.Put("/v1/nodes/n1/traits", $"{{\"traits\": [{fifty}]}}");
        var one = await client.Put("/v1/nodes/n1/traits/CUSTOM_MORE", "");
        var existing = await client.Put("/v1/nodes/n1/traits/CUSTOM_T7", "");
        var tooMany = await client.Put("/v1/nodes/n0/traits", $"{{\"traits\": [{fiftyOne}]}}");

        Assert.That(full.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(one.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(one.Fault, Is.EqualTo("Could not modify traits for node 2 as it would exceed the maximum number of traits per node (51 vs. 50)"));
        Assert.That(existing.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(tooMany.Fault, Is.EqualTo("Could not modify traits for node 1 as it would exceed the maximum number of traits per node (51 vs. 50)"));
        Assert.That(await Traits(client, "n1"), Has.Length.EqualTo(50));
        Assert.That(await Traits(client, "n0"), Is.Empty);
    }

    [Test]
    public async Task RemovingATraitTheNodeLacks_Is404NamingTheNodesUuid()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var uuid = await client.CreateNode("n1");

        var answer = await client.Delete("/v1/nodes/n1/traits/CUSTOM_NONE");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(answer.Fault, Is.EqualTo($"Node {uuid} doesn't have a trait 'CUSTOM_NONE'"));
    }

    [Test]
    public async Task Traits_Before1_37_AreNotFound_AndCannotBePatchedOrCreated()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        var list = await client.Get("/v1/nodes/n1/traits", version: "1.36");
        var put = await client.Put("/v1/nodes/n1/traits/CUSTOM_A", "", version: "1.36");
        var patch = await client.Patch("/v1/nodes/n1", "[{\"op\": \"add\", \"path\": \"/traits\", \"value\": [\"CUSTOM_A\"]}]");
        var create = await client.Post("/v1/nodes", "{\"driver\": \"fake-hardware\", \"traits\": [\"CUSTOM_A\"]}");

        Assert.That(list.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(put.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(patch.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(create.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await Traits(client, "n1"), Is.Empty);
    }
}
