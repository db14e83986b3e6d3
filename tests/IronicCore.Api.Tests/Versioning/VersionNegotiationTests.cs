using System.Net;
using IronicCore.States;

namespace IronicCore.Api.Tests.Versioning;

public sealed class VersionNegotiationTests
{
    [Test]
    public async Task NoVersionHeader_IsTheMinimumAndHidesNamesAndLookupByName()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        using var unversioned = factory.Client(version: null);
        var byName = await unversioned.Get("/v1/nodes/n1");
        var list = await unversioned.Get("/v1/nodes");

        Assert.That(list.Header("X-OpenStack-Ironic-API-Version"), Is.EqualTo("1.1"));
        Assert.That(list.Json["nodes"]![0]!.AsObject().ContainsKey("name"), Is.False);
        Assert.That(byName.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(byName.Fault, Is.EqualTo("Node n1 could not be found."));
    }

    [Test]
    public async Task Latest_IsTheMaximum()
    {
        using var factory = new SimulatorFactory(IronicRelease.Release21_4);
        using var client = factory.Client("LATEST");

        var answer = await client.Get("/v1/nodes");

        Assert.That(answer.Header("X-OpenStack-Ironic-API-Version"), Is.EqualTo("1.82"));
        Assert.That(answer.Header("X-OpenStack-Ironic-API-Minimum-Version"), Is.EqualTo("1.1"));
        Assert.That(answer.Header("X-OpenStack-Ironic-API-Maximum-Version"), Is.EqualTo("1.82"));
    }

    [TestCase(IronicRelease.Release21_4, "1.82")]
    [TestCase(IronicRelease.Release2025_1, "1.96")]
    [TestCase(IronicRelease.Master, "1.115")]
    public async Task Latest_IsTheReleasesMaximum_AsItsVersionsPyHasIt(IronicRelease release, string maximum)
    {
        using var factory = new SimulatorFactory(release);
        using var client = factory.Client("latest");

        var answer = await client.Get("/v1/nodes");

        Assert.Multiple(() =>
        {
            Assert.That(answer.Header("X-OpenStack-Ironic-API-Maximum-Version"), Is.EqualTo(maximum));
            Assert.That(IronicApiMicroversions.Maximum(release).ToString(), Is.EqualTo(maximum));
        });
    }

    [Test]
    public async Task Release2025_1_ReadsOpenStackApiVersion_ButSendsNoXOpenStackRequestId()
    {
        using var factory = new SimulatorFactory(IronicRelease.Release2025_1);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/nodes");
        request.Headers.Add("OpenStack-API-Version", "baremetal 1.90");

        using var response = await factory.CreateClient().SendAsync(request);

        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.GetValues("X-OpenStack-Ironic-API-Version").Single(), Is.EqualTo("1.90"));
            Assert.That(response.Headers.Contains("X-OpenStack-Request-Id"), Is.False);
            Assert.That(response.Headers.Contains("Openstack-Request-Id"), Is.True);
        });
    }

    [Test]
    public async Task VersionAboveTheMaximum_Is406WithTheRouterBodyAndTheRange()
    {
        using var factory = new SimulatorFactory(IronicRelease.Release21_4);
        using var client = factory.Client("1.99");

        var answer = await client.Get("/v1/nodes");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That(answer.Body, Is.EqualTo(
            "{\"error_message\": \"{\\\"code\\\": 406, \\\"title\\\": \\\"Not Acceptable\\\", \\\"description\\\": \\\"Version 1.99 was requested " +
            "but the minor version is not supported by this service. The supported version range is: [1.1, 1.82].\\\"}\"}"));
        Assert.That(answer.Header("X-OpenStack-Ironic-API-Maximum-Version"), Is.EqualTo("1.82"));
        Assert.That(answer.Header("X-OpenStack-Ironic-API-Version"), Is.Null);
    }

    [Test]
    public async Task OtherMajorVersion_IsMutuallyExclusive406()
    {
        using var factory = new SimulatorFactory(IronicRelease.Release21_4);
        using var client = factory.Client("2.0");

        var answer = await client.Get("/v1/nodes");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That(answer.Fault, Is.EqualTo(
            "Mutually exclusive versions requested. Version 2.0 requested but not supported by this service. The supported version range is: [1.1, 1.82]."));
    }

    [Test]
    public async Task MalformedVersion_Is406InvalidValue_WithoutRangeHeadersOn21_4()
    {
        using var factory = new SimulatorFactory(IronicRelease.Release21_4);
        using var client = factory.Client("one.two");

        var answer = await client.Get("/v1/nodes");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That(answer.Fault, Is.EqualTo("Invalid value for X-OpenStack-Ironic-API-Version header"));
        Assert.That(answer.Header("X-OpenStack-Ironic-API-Minimum-Version"), Is.Null);
    }

    [Test]
    public async Task StandardHeader_WinsOnMaster_AndIsIgnoredOn21_4()
    {
        foreach (var (release, expected) in new[] { (IronicRelease.Master, "1.60"), (IronicRelease.Release21_4, "1.70") })
        {
            using var factory = new SimulatorFactory(release);
            using var client = factory.Client("1.70");

            var answer = await client.Send(HttpMethod.Get, "/v1/nodes", tweak: r => r.Headers.Add("OpenStack-API-Version", "baremetal 1.60"));

            Assert.That(answer.Header("X-OpenStack-Ironic-API-Version"), Is.EqualTo(expected), release.ToString());
        }
    }

    [Test]
    public async Task VerbNewerThanTheRequest_IsNotAcceptable()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        var answer = await client.Put("/v1/nodes/n1/states/provision", "{\"target\": \"clean\"}", version: "1.10");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That(answer.Fault, Is.EqualTo("Request not acceptable."));
    }

    [Test]
    public async Task FieldsNewerThanTheRequest_AreHidden()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var uuid = await client.CreateNode("n1");

        var old = (await client.Get($"/v1/nodes/{uuid}", version: "1.40")).Json.AsObject();
        var current = (await client.Get($"/v1/nodes/{uuid}", version: "1.82")).Json.AsObject();

        Assert.That(old.ContainsKey("bios_interface"), Is.True);
        Assert.That(old.ContainsKey("fault"), Is.False);
        Assert.That(old.ContainsKey("retired"), Is.False);
        Assert.That(current.ContainsKey("shard"), Is.True);
        Assert.That(current, Has.Count.EqualTo(63), "a node at 1.82 has 63 keys, as Ironic's");
    }
}
