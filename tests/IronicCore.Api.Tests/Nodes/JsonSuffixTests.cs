using System.Net;
using IronicCore.States;

namespace IronicCore.Api.Tests.Nodes;

public sealed class JsonSuffixTests
{
    [Test]
    public async Task Release21_4_StripsJsonFromEveryPath_AndFindsANodeNamedWithIt()
    {
        using var factory = new SimulatorFactory(IronicRelease.Release21_4);
        using var client = factory.Client();
        var n1 = await client.CreateNode("n1");
        var n2 = await client.CreateNode("n2.json");

        var byStripped = await client.Get("/v1/nodes/n1.json");
        var byFullName = await client.Get("/v1/nodes/n2.json");
        var list = await client.Get("/v1/nodes.json");
        var states = await client.Get("/v1/nodes/n1/states.json");

        Assert.That(byStripped.Json["uuid"]!.GetValue<string>(), Is.EqualTo(n1));
        Assert.That(byFullName.Json["uuid"]!.GetValue<string>(), Is.EqualTo(n2), "n2 does not exist, so the suffix is given back");
        Assert.That(list.Json["nodes"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That(states.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Master_StripsJsonOnlyBelow1_91()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var n1 = await client.CreateNode("n1");

        var at90 = await client.Get("/v1/nodes/n1.json", version: "1.90");
        var at91 = await client.Get("/v1/nodes/n1.json", version: "1.91");
        var latest = await client.Get("/v1/nodes/n1.json", version: "latest");

        Assert.That(at90.Json["uuid"]!.GetValue<string>(), Is.EqualTo(n1));
        Assert.That(at91.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(at91.Fault, Is.EqualTo("Node n1.json could not be found."));
        Assert.That(latest.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task StrippedSuffix_IsGivenBackForUpdateAndDelete()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("web.json");

        var patched = await client.Patch("/v1/nodes/web.json", "[{\"op\": \"add\", \"path\": \"/description\", \"value\": \"d\"}]");
        var deleted = await client.Delete("/v1/nodes/web.json");

        Assert.That(patched.Json["description"]!.GetValue<string>(), Is.EqualTo("d"));
        Assert.That(deleted.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await client.Get("/v1/nodes/web.json", version: "1.91")).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
