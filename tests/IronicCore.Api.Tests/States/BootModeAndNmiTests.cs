using System.Net;
using IronicCore.States;

namespace IronicCore.Api.Tests.States;

public sealed class BootModeAndNmiTests
{
    private const string Ipmi = "{\"driver\": \"ipmi\", \"name\": \"b1\", \"driver_info\": {\"ipmi_address\": \"10.0.0.9\", \"ipmi_password\": \"p\"}}";

    [Test]
    public async Task InjectNmi_OnFakeManagement_IsUnsupportedDriverExtension_AsIronicsFakeHasNone()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.29");
        await client.CreateNode("n1");

        var answer = await client.Put("/v1/nodes/n1/management/inject_nmi", "{}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo("Driver fake-hardware does not support inject_nmi (disabled or not implemented)."));
    }

    [TestCase(IronicRelease.Master)]
    [TestCase(IronicRelease.Release21_4)]
    public async Task InjectNmi_OnIpmitool_SendsPowerDiag_204(IronicRelease release)
    {
        using var factory = SimulatorFactory.WithIpmi(release);
        using var client = factory.Client("1.29");
        await client.Post("/v1/nodes", Ipmi);

        var answer = await client.Put("/v1/nodes/b1/management/inject_nmi", "{}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(answer.Body, Is.Empty);
    }

    [Test]
    public async Task InjectNmi_ValidatesDriverInfoFirst()
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client("1.29");
        await client.Post("/v1/nodes", "{\"driver\": \"ipmi\", \"name\": \"b1\"}");

        var answer = await client.Put("/v1/nodes/b1/management/inject_nmi", "{}");

        Assert.That(answer.Fault, Is.EqualTo("Missing the following IPMI credentials in node's driver_info: ['ipmi_address']."));
    }

    [Test]
    public async Task InjectNmi_Before1_29_IsNotFound_BeforeTheNodeIsLookedUp()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.28");

        var answer = await client.Put("/v1/nodes/nope/management/inject_nmi", "{}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(answer.Fault, Is.EqualTo("Resource could not be found."));
    }

    [TestCase("fake", "Failed to change boot mode to 'uefi: Driver fake-hardware does not support set_boot_mode (disabled or not implemented).")]
    [TestCase("ipmi", "Failed to change boot mode to 'uefi: Driver ipmi does not support set_boot_mode (disabled or not implemented).")]
    public async Task SetBootMode_IsAccepted_ThenLastErrorSaysTheInterfaceCannot(string driver, string lastError)
    {
        using var factory = SimulatorFactory.WithIpmi();
        using var client = factory.Client("1.76");
        var name = driver == "ipmi" ? "b1" : "n1";
        if (driver == "ipmi")
        {
            await client.Post("/v1/nodes", Ipmi);
        }
        else
        {
            await client.CreateNode("n1");
        }

        var answer = await client.Put($"/v1/nodes/{name}/states/boot_mode", "{\"target\": \"uefi\"}");
        var node = await client.Node(name);

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(answer.Headers.Location!.AbsolutePath, Is.EqualTo($"/v1/nodes/{name}/states"));
            Assert.That(node["last_error"]!.GetValue<string>(), Is.EqualTo(lastError));
            Assert.That(node["boot_mode"], Is.Null);
        });
    }

    [Test]
    public async Task SetSecureBoot_IsAccepted_ThenLastErrorSaysTheInterfaceCannot()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.76");
        await client.CreateNode("n1");

        var answer = await client.Put("/v1/nodes/n1/states/secure_boot", "{\"target\": \"true\"}");
        var node = await client.Node("n1");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(node["last_error"]!.GetValue<string>(), Is.EqualTo("Failed to change secure_boot state to 'True': Driver fake-hardware does not support set_secure_boot_state (disabled or not implemented)."));
        Assert.That(node["secure_boot"], Is.Null);
    }

    [TestCase("boot_mode", "{\"target\": \"legacy\"}", HttpStatusCode.BadRequest, "Invalid boot mode legacy requested for node. Allowed boot modes are: bios, uefi")]
    [TestCase("boot_mode", "{\"target\": null}", HttpStatusCode.BadRequest, "Invalid boot mode None requested for node. Allowed boot modes are: bios, uefi")]
    [TestCase("boot_mode", "{}", HttpStatusCode.BadRequest, "Missing mandatory parameter: target")]
    [TestCase("boot_mode", "{\"target\": 1}", HttpStatusCode.BadRequest, "Expected string for target: 1")]
    [TestCase("secure_boot", "{\"target\": null}", HttpStatusCode.BadRequest, "Invalid secure_boot None requested for node. Allowed secure_boot states are: True, False) ")]
    [TestCase("secure_boot", "{}", HttpStatusCode.BadRequest, "Missing mandatory parameter: target")]
    public async Task BadTargets_AreRefused_AndLeaveLastErrorAlone(string action, string body, HttpStatusCode status, string fault)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.76");
        await client.CreateNode("n1");

        var answer = await client.Put($"/v1/nodes/n1/states/{action}", body);

        Assert.That(answer.Status, Is.EqualTo(status));
        Assert.That(answer.Fault, Is.EqualTo(fault));
        Assert.That((await client.Node("n1"))["last_error"], Is.Null);
    }

    [TestCase("boot_mode", "{\"target\": \"uefi\"}")]
    [TestCase("secure_boot", "{\"target\": false}")]
    public async Task BootModeActions_Before1_76_AreNotFound_AfterTheNodeIsFound(string action, string body)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.75");
        await client.CreateNode("n1");

        var old = await client.Put($"/v1/nodes/n1/states/{action}", body);
        var unknown = await client.Put($"/v1/nodes/nope/states/{action}", body);

        Assert.That(old.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(old.Fault, Is.EqualTo("This endpoint is supported starting with the API version 1.76"));
        Assert.That(unknown.Fault, Is.EqualTo("Node nope could not be found."));
    }

    [Test]
    public async Task BootModeActions_WhileTheNodeTransitions_AreConflict_WithIronicsUnfilledMessage()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.76");
        await client.CreateNode("n1", ", \"deploy_interface\": \"direct\"");
        await client.Provision("n1", "manage");
        await client.Provision("n1", "provide");
        var state = (await client.Node("n1"))["provision_state"]!.GetValue<string>();

        var answer = await client.Put("/v1/nodes/n1/states/boot_mode", "{\"target\": \"bios\"}");

        Assert.That(state, Is.EqualTo("clean wait"));
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(answer.Fault, Does.StartWith("Node is in %(state)s state. Since node is transitioning"));
    }
}
