using System.Net;
using IronicCore.States;

namespace IronicCore.Api.Tests.Root;

public sealed class VersionDocumentTests
{
    [TestCase(IronicRelease.Release21_4, "1.82", null)]
    [TestCase(IronicRelease.Master, "1.115", "1.1")]
    public async Task Root_AdvertisesTheReleaseMicroversionRange_AndOnlyMasterNegotiatesThere(IronicRelease release, string maximum, string? negotiated)
    {
        using var factory = new SimulatorFactory(release);
        using var client = factory.Client(version: null);

        var root = await client.Get("/");

        Assert.That(root.Status, Is.EqualTo(HttpStatusCode.OK));
        var version = root.Json["default_version"]!;
        Assert.That(version["min_version"]!.GetValue<string>(), Is.EqualTo("1.1"));
        Assert.That(version["version"]!.GetValue<string>(), Is.EqualTo(maximum));
        Assert.That(version["status"]!.GetValue<string>(), Is.EqualTo("CURRENT"));
        Assert.That(root.Json["versions"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(root.Header("X-OpenStack-Ironic-API-Version"), Is.EqualTo(negotiated));
    }

    [TestCase(IronicRelease.Release21_4, HttpStatusCode.OK)]
    [TestCase(IronicRelease.Master, HttpStatusCode.NotAcceptable)]
    public async Task Root_WithAnUnsupportedVersion_Is406OnlyOnMaster(IronicRelease release, HttpStatusCode status)
    {
        using var factory = new SimulatorFactory(release);
        using var client = factory.Client(version: "1.200");

        var root = await client.Get("/");

        Assert.That(root.Status, Is.EqualTo(status));
    }

    [Test]
    public async Task V1_WithoutVersionHeader_IsTheShortDocumentWithoutLookupOrConductors()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(version: null);

        var v1 = await client.Get("/v1/");

        Assert.That(v1.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(v1.Json["id"]!.GetValue<string>(), Is.EqualTo("v1"));
        Assert.That(v1.Json.AsObject().ContainsKey("nodes"), Is.True);
        Assert.That(v1.Json.AsObject().ContainsKey("lookup"), Is.False);
        Assert.That(v1.Json.AsObject().ContainsKey("conductors"), Is.False);
        Assert.That(v1.Header("X-OpenStack-Ironic-API-Version"), Is.EqualTo("1.1"));
    }

    [Test]
    public async Task V1_AtLatest_LinksEveryResourceOfTheVersion()
    {
        using var factory = new SimulatorFactory(IronicRelease.Release21_4);
        using var client = factory.Client(version: "latest");

        var v1 = await client.Get("/v1");

        Assert.That(v1.Header("X-OpenStack-Ironic-API-Version"), Is.EqualTo("1.82"));
        foreach (var resource in new[] { "lookup", "heartbeat", "portgroups", "conductors", "allocations", "shards" })
        {
            Assert.That(v1.Json.AsObject().ContainsKey(resource), Is.True, resource);
        }

        Assert.That(v1.Json["nodes"]![0]!["href"]!.GetValue<string>(), Does.EndWith("/v1/nodes/"));
        Assert.That(v1.Json["nodes"]![1]!["rel"]!.GetValue<string>(), Is.EqualTo("bookmark"));
    }
}
