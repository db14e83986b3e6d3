using System.Net;
using System.Text.Json.Nodes;
using IronicCore.Drivers.Redfish;
using IronicCore.States;

namespace IronicCore.Api.Tests.Redfish;

/// <summary>
/// The virtual media API (attach and detach 1.89, list 1.93) with redfish management behind it, as
/// 2025.1 and master run it: attach publishes the image (download source <c>local</c>: on the
/// conductor's HTTP server) and inserts it into the BMC's slot of the device type, the list is the
/// manager's slots, detach ejects.
/// </summary>
public sealed class RedfishVirtualMediaApiTests
{
    [TestCase(IronicRelease.Master)]
    [TestCase(IronicRelease.Release2025_1)]
    public async Task AttachListDetach_FillAndEmptyTheBmcsSlots(IronicRelease release)
    {
        using var factory = RedfishApi.Factory(release, out var redfish);
        using var client = factory.Client("1.93");
        var uuid = await RedfishApi.CreateNode(client, "r1");

        var empty = await client.Get("/v1/nodes/r1/vmedia");
        var local = await client.Post("/v1/nodes/r1/vmedia", """{"device_type": "cdrom", "image_url": "http://images.example.test/tools.iso"}""");
        var published = (await client.Get("/v1/nodes/r1/vmedia")).Json.AsArray();
        var direct = await client.Post("/v1/nodes/r1/vmedia", """{"device_type": "disk", "image_url": "https://images.example.test/cfg.img", "image_download_source": "http"}""");
        var both = (await client.Get("/v1/nodes/r1/vmedia")).Json.AsArray();
        var detach = await client.Delete("/v1/nodes/r1/vmedia?device_types=cdrom");
        var usbOnly = (await client.Get("/v1/nodes/r1/vmedia")).Json.AsArray();
        await client.Delete("/v1/nodes/r1/vmedia");
        var system = redfish.GetSystem("r1");

        Assert.Multiple(() =>
        {
            Assert.That(empty.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(JsonNode.DeepEquals(empty.Json, JsonNode.Parse("""
                [{"media_types": ["CD", "DVD"], "inserted": false, "image": null}, {"media_types": ["USBStick"], "inserted": false, "image": null}]
                """)), Is.True, empty.Body);
            Assert.That((local.Status, direct.Status, detach.Status), Is.EqualTo((HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.NoContent)));
            Assert.That(published[0]!["image"]!.GetValue<string>(), Is.EqualTo($"{RedfishApi.HttpUrl}/redfish/cdrom-{uuid}.iso"), "download source local: the conductor publishes the image");
            Assert.That(both.Select(s => s!["image"]?.GetValue<string>()), Is.EqualTo(new[] { $"{RedfishApi.HttpUrl}/redfish/cdrom-{uuid}.iso", "https://images.example.test/cfg.img" }));
            Assert.That(usbOnly.Select(s => s!["inserted"]!.GetValue<bool>()), Is.EqualTo(new[] { false, true }));
            Assert.That(system.VirtualMedia.Select(s => s.Inserted), Is.All.False);
        });
        Assert.That((await client.Node("r1"))["last_error"], Is.Null);
    }

    [TestCase(IronicRelease.Master, "Could not attach device floppy to node {0}: No suitable virtual media device found for node {0} to mount image http://images.example.test/f.img")]
    [TestCase(IronicRelease.Release2025_1, "Could not attach device floppy to node {0}: No suitable virtual media device found")]
    public async Task Attach_ToADeviceTypeNoSlotTakes_LeavesLastError(IronicRelease release, string expected)
    {
        using var factory = RedfishApi.Factory(release, out _);
        using var client = factory.Client("1.93");
        var uuid = await RedfishApi.CreateNode(client, "r1");

        var answer = await client.Post("/v1/nodes/r1/vmedia", """{"device_type": "floppy", "image_url": "http://images.example.test/f.img", "image_download_source": "http"}""");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await client.Node("r1"))["last_error"]!.GetValue<string>(), Is.EqualTo(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, uuid)));
    }

    [Test]
    public async Task Attach_WhenTheBmcFailsTheInsert_Master_WordsTheFailure_AfterThreeAttempts()
    {
        using var factory = RedfishApi.Factory(IronicRelease.Master, out var redfish);
        using var client = factory.Client("1.93");
        var uuid = await RedfishApi.CreateNode(client, "r1");
        redfish.GetSystem("r1").InsertMediaFails = true;

        await client.Post("/v1/nodes/r1/vmedia", """{"device_type": "cdrom", "image_url": "http://images.example.test/x.iso", "image_download_source": "http"}""");

        Assert.That((await client.Node("r1"))["last_error"]!.GetValue<string>(), Does.StartWith(
            $"Could not attach device cdrom to node {uuid}: Virtual media mount failed for node {uuid} with image http://images.example.test/x.iso. Error: HTTP POST "));
    }

    [Test]
    public async Task Attach_NfsImage_MasterPassesItAsIs_RefusesLocalDownload_2025_1RefusesTheScheme()
    {
        using var master = RedfishApi.Factory(IronicRelease.Master, out var redfish);
        using var client = master.Client("1.93");
        var uuid = await RedfishApi.CreateNode(client, "r1");
        using var older = RedfishApi.Factory(IronicRelease.Release2025_1, out _);
        using var olderClient = older.Client("1.93");
        await RedfishApi.CreateNode(olderClient, "r1");

        await client.Post("/v1/nodes/r1/vmedia", """{"device_type": "cdrom", "image_url": "nfs://share/x.iso"}""");
        var local = (await client.Node("r1"))["last_error"]!.GetValue<string>();
        await client.Post("/v1/nodes/r1/vmedia", """{"device_type": "cdrom", "image_url": "nfs://share/x.iso", "image_download_source": "http"}""");
        var refused = await olderClient.Post("/v1/nodes/r1/vmedia", """{"device_type": "cdrom", "image_url": "nfs://share/x.iso", "image_download_source": "http"}""");

        Assert.Multiple(() =>
        {
            Assert.That(local, Is.EqualTo($"Could not attach device cdrom to node {uuid}: image_download_source is set to 'local' but the image URL nfs://share/x.iso uses the nfs protocol which cannot be downloaded by the conductor. Set image_download_source to 'http' or remove it to use the default."));
            Assert.That(redfish.GetSystem("r1").GetVirtualMedia(RedfishVirtualMediaDevice.Cd).Image, Is.EqualTo("nfs://share/x.iso"));
            Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(refused.Fault, Is.EqualTo("Unsupported or missing URL scheme: nfs"));
        });
    }

    [Test]
    public async Task Attach_OnANodeInPowerFailure_Is503TemporaryFailure()
    {
        using var factory = RedfishApi.Factory(IronicRelease.Master, out var redfish);
        using var client = factory.Client("1.93");
        var uuid = await RedfishApi.CreateNode(client, "r1");
        await client.Provision("r1", "manage");
        redfish.GetSystem("r1").Machine.Reachable = false;
        await RedfishApi.Advance(client, 3600);

        var answer = await client.Post("/v1/nodes/r1/vmedia", """{"device_type": "cdrom", "image_url": "http://images.example.test/x.iso"}""");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(answer.Fault, Is.EqualTo($"Unable to attach virtual media for node {uuid} due to power failure state"));
    }

    [Test]
    public async Task List_OfAnUnreachableBmc_IsTheConnectionError()
    {
        using var factory = RedfishApi.Factory(IronicRelease.Master, out var redfish);
        using var client = factory.Client("1.93");
        await RedfishApi.CreateNode(client, "r1");
        redfish.GetSystem("r1").Machine.Reachable = false;

        var answer = await client.Get("/v1/nodes/r1/vmedia");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(answer.Fault, Does.StartWith("Redfish connection failed for node "));
    }
}
