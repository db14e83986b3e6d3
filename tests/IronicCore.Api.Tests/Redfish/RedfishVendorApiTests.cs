using System.Net;
using IronicCore.States;

namespace IronicCore.Api.Tests.Redfish;

/// <summary>
/// The redfish vendor interface through <c>/v1/nodes/{node}/vendor_passthru</c> (every release): a
/// redfish node's default vendor interface is <c>redfish</c>; its asynchronous <c>eject_vmedia</c>
/// ejects every inserted device; a <c>boot_device</c> is refused unless every device takes it.
/// </summary>
public sealed class RedfishVendorApiTests
{
    [TestCase(IronicRelease.Master)]
    [TestCase(IronicRelease.Release2025_1)]
    public async Task EjectVmedia_EjectsEveryInsertedDevice_202(IronicRelease release)
    {
        using var factory = RedfishApi.Factory(release, out var redfish);
        using var client = factory.Client("1.93");
        await RedfishApi.CreateNode(client, "r1");
        var node = await client.Node("r1");
        var methods = await client.Get("/v1/nodes/r1/vendor_passthru/methods");
        await client.Post("/v1/nodes/r1/vmedia", """{"device_type": "cdrom", "image_url": "http://images.example.test/x.iso"}""");
        await client.Post("/v1/nodes/r1/vmedia", """{"device_type": "disk", "image_url": "http://images.example.test/x.img"}""");
        var system = redfish.GetSystem("r1");
        var inserted = system.VirtualMedia.Select(s => s.Inserted).ToList();

        var answer = await client.Post("/v1/nodes/r1/vendor_passthru/eject_vmedia", "{}");

        Assert.Multiple(() =>
        {
            Assert.That(inserted, Is.All.True);
            Assert.That(node["vendor_interface"]!.GetValue<string>(), Is.EqualTo("redfish"));
            Assert.That(methods.Json.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "eject_vmedia" }));
            Assert.That(methods.Json["eject_vmedia"]!["async"]!.GetValue<bool>(), Is.True);
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Accepted), answer.Body);
            Assert.That(system.VirtualMedia.Select(s => s.Inserted), Is.All.False);
        });
    }

    [Test]
    public async Task Release21_4_RedfishVendor_ListsEjectVmedia_AndTakesTheCall()
    {
        using var factory = RedfishApi.Factory(IronicRelease.Release21_4, out _);
        using var client = factory.Client();
        await RedfishApi.CreateNode(client, "r1");

        var methods = await client.Get("/v1/nodes/r1/vendor_passthru/methods");
        var answer = await client.Post("/v1/nodes/r1/vendor_passthru/eject_vmedia", "{}");

        Assert.That(methods.Json.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "eject_vmedia" }));
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Accepted), answer.Body);
    }

    [Test]
    public async Task EjectVmedia_WithABootDevice_NotEveryDeviceTakes_Is400()
    {
        using var factory = RedfishApi.Factory(IronicRelease.Master, out _);
        using var client = factory.Client();
        await RedfishApi.CreateNode(client, "r1");

        var answer = await client.Post("/v1/nodes/r1/vendor_passthru/eject_vmedia", """{"boot_device": "CD"}""");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo("Boot device CD is not a valid value "));
    }
}
