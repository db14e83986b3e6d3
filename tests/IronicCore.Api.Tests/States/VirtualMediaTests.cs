using System.Net;

namespace IronicCore.Api.Tests.States;

public sealed class VirtualMediaTests
{
    [Test]
    public async Task Attach_IsAccepted_ThenLastErrorSaysTheDriverPublishesNoImages_DetachThatManagementHasNoVirtualMedia()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.89");
        var uuid = await client.CreateNode("n1");

        var attach = await client.Post("/v1/nodes/n1/vmedia", "{\"device_type\": \"cdrom\", \"image_url\": \"http://images/boot.iso\"}");
        var attached = (await client.Node("n1"))["last_error"]!.GetValue<string>();
        var detach = await client.Delete("/v1/nodes/n1/vmedia?device_types=cdrom,disk");
        var detached = (await client.Node("n1"))["last_error"]!.GetValue<string>();
        await client.Delete("/v1/nodes/n1/vmedia");
        var all = (await client.Node("n1"))["last_error"]!.GetValue<string>();

        Assert.That(attach.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(attached, Is.EqualTo($"Could not attach device cdrom to node {uuid}: Publishing images is not supported for driver fake-hardware"),
            "do_attach_virtual_media unpublishes the previous image first, and image_utils.ImageHandler knows only the virtual media types");
        Assert.That(detach.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(detached, Is.EqualTo($"Could not detach device(s) ['cdrom', 'disk'] from node {uuid}: Driver fake-hardware does not support detach_virtual_media (disabled or not implemented)."));
        Assert.That(all, Does.StartWith("Could not detach device(s) None from node "));
    }

    [TestCase("{\"image_url\": \"http://i/x.iso\"}", "Schema error for vmedia: 'device_type' is a required property")]
    [TestCase("{\"device_type\": \"usb\", \"image_url\": \"http://i/x.iso\"}", "Schema error for vmedia: 'usb' is not one of ['disk', 'cdrom', 'floppy']")]
    [TestCase("{\"device_type\": \"cdrom\", \"image_url\": \"http://i/x.iso\", \"image_download_source\": \"ftp\"}", "Schema error for vmedia: 'ftp' is not one of ['http', 'local', 'swift']")]
    [TestCase("{\"device_type\": \"cdrom\", \"image_url\": \"http://i/x.iso\", \"user\": \"u\"}", "Schema error for vmedia: Additional properties are not allowed ('user' was unexpected)")]
    [TestCase("{\"device_type\": \"cdrom\", \"image_url\": \"ftp://i/x.iso\"}", "Unsupported or missing URL scheme: ftp")]
    [TestCase("{\"device_type\": \"cdrom\", \"image_url\": \"/x.iso\"}", "Unsupported or missing URL scheme: ")]
    public async Task BadAttach_Is400_AndLeavesLastErrorAlone(string body, string fault)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.89");
        await client.CreateNode("n1");

        var answer = await client.Post("/v1/nodes/n1/vmedia", body);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo(fault));
        Assert.That((await client.Node("n1"))["last_error"], Is.Null);
    }

    [Test]
    public async Task Detach_RefusesUnknownDeviceTypes_AndVmediaIsNotFoundBefore1_89()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.89");
        await client.CreateNode("n1");

        var bad = await client.Delete("/v1/nodes/n1/vmedia?device_types=cdrom,usb");
        var old = await client.Delete("/v1/nodes/n1/vmedia", version: "1.88");

        Assert.That(bad.Fault, Is.EqualTo("Invalid device type(s) usb (valid are disk, cdrom, floppy)"));
        Assert.That(old.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Show_From1_93_AnswersTheManagementInterfacesRefusal_And404Before()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.93");
        await client.CreateNode("n1");

        var shown = await client.Get("/v1/nodes/n1/vmedia");
        var old = await client.Get("/v1/nodes/n1/vmedia", version: "1.92");

        Assert.That(shown.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(shown.Fault, Is.EqualTo("Driver fake-hardware does not support get_virtual_media (disabled or not implemented)."));
        Assert.That(old.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await client.Node("n1"))["last_error"], Is.Null);
    }

    [Test]
    public async Task Show_ValidatesTheManagementInterfaceFirst()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client("1.93");
        await client.Post("/v1/nodes", "{\"name\": \"b1\", \"driver\": \"ipmi\"}");

        var shown = await client.Get("/v1/nodes/b1/vmedia");

        Assert.That(shown.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(shown.Fault, Is.EqualTo("Missing the following IPMI credentials in node's driver_info: ['ipmi_address']."));
    }

    [Test]
    public async Task Inventory_NoNodeHasOne_404NamingTheDatabaseId_From1_81()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.81");
        await client.CreateNode("n1");
        await client.CreateNode("n2");

        var inventory = await client.Get("/v1/nodes/n2/inventory");
        var old = await client.Get("/v1/nodes/n2/inventory", version: "1.80");

        Assert.That(inventory.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(inventory.Fault, Is.EqualTo("Node inventory record for node 2 could not be found."));
        Assert.That(old.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
