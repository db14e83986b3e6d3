using System.Net;

namespace IronicCore.Api.Tests.States;

public sealed class ProvisionTests
{
    [Test]
    public async Task Accepted_Is202WithLocation_AndTheFirstTransitionIsAlreadyStored()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1", ", \"deploy_interface\": \"direct\"");
        await Lifecycle.Expect(client.Provision("n1", "manage"));
        await Lifecycle.Settled(client, "n1", "manageable");

        var answer = await client.Provision("n1", "provide");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(answer.Body, Is.Empty);
        Assert.That(answer.ContentHeaders.ContentType, Is.Null);
        Assert.That(answer.Headers.Location!.ToString(), Is.EqualTo("http://localhost/v1/nodes/n1/states"));
        var node = await client.Node("n1");
        Assert.That(node["provision_state"]!.GetValue<string>(), Is.Not.EqualTo("manageable"), "--wait polls at once and must not see the old stable state");
        Assert.That(node["target_provision_state"]!.GetValue<string>(), Is.EqualTo("available"));
    }

    [Test]
    public async Task FullLifecycle_ManageProvideDeployUndeploy()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        await Lifecycle.ToActive(client, "n1");
        await Lifecycle.Expect(client.Provision("n1", "deleted"));
        await Lifecycle.Settled(client, "n1", "available");

        var states = await client.Get("/v1/nodes/n1/states");
        Assert.That(states.Json["provision_state"]!.GetValue<string>(), Is.EqualTo("available"));
        Assert.That(states.Json.AsObject().Select(p => p.Key), Is.EquivalentTo(new[]
        {
            "console_enabled", "last_error", "power_state", "provision_state", "target_power_state", "target_provision_state",
            "provision_updated_at", "raid_config", "target_raid_config", "boot_mode", "secure_boot",
        }));
    }

    [Test]
    public async Task Inspect_From1_6_OnAManageableNode_EndsManageable_AndAbortThereIsRefused()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");
        await Lifecycle.Expect(client.Provision("n1", "manage"));
        await Lifecycle.Settled(client, "n1", "manageable");

        var old = await client.Put("/v1/nodes/n1/states/provision", "{\"target\": \"inspect\"}", version: "1.5");
        var inspect = await client.Provision("n1", "inspect");
        await Lifecycle.Settled(client, "n1", "manageable");
        var node = await client.Node("n1");
        var abort = await client.Provision("n1", "abort");

        Assert.That(old.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That(inspect.Status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(node["inspection_finished_at"], Is.Not.Null);
        Assert.That(node["inspection_started_at"], Is.Null);
        Assert.That(node["target_provision_state"], Is.Null);
        Assert.That(abort.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(abort.Fault, Is.EqualTo($"The requested action \"abort\" can not be performed on node \"{node["uuid"]}\" while it is in state \"manageable\"."));
    }

    [Test]
    public async Task ManualCleanInMaintenance_IsRefusedWithIronicsMessage()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var uuid = await client.CreateNode("n1");
        await Lifecycle.Expect(client.Provision("n1", "manage"));
        await Lifecycle.Settled(client, "n1", "manageable");
        await Lifecycle.Expect(client.Put("/v1/nodes/n1/maintenance", "{\"reason\": \"disk smart errors\"}"));

        var answer = await client.Provision("n1", "clean", ", \"clean_steps\": [{\"interface\": \"deploy\", \"step\": \"erase_devices_metadata\"}]");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo($"The cleaning operation can't be performed on node {uuid} because it's in maintenance mode."));
        Assert.That((await client.Node("n1"))["provision_state"]!.GetValue<string>(), Is.EqualTo("manageable"));
    }

    [Test]
    public async Task VerbNotAllowedInTheState_IsInvalidStateRequested()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var uuid = await client.CreateNode("n1");

        var answer = await client.Provision("n1", "provide");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo($"The requested action \"provide\" can not be performed on node \"{uuid}\" while it is in state \"enroll\"."));
    }

    [TestCase("{}", "Missing mandatory parameter: target")]
    [TestCase("{\"target\": \"manage\", \"colour\": 1}", "Unexpected arguments: colour")]
    [TestCase("{\"target\": \"rescue\"}", "The requested action \"rescue\" can not be performed on node \"{uuid}\" while it is in state \"enroll\".")]
    [TestCase("{\"target\": \"clean\"}", "The requested action \"clean\" can not be performed on node \"{uuid}\" while it is in state \"enroll\".")]
    [TestCase("{\"target\": \"manage\", \"disable_ramdisk\": \"sometimes\"}", "Invalid disable_ramdisk: Unrecognized value 'sometimes', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'")]
    [TestCase("{\"target\": \"manage\", \"disable_ramdisk\": 2}", "Invalid disable_ramdisk: Unrecognized value '2', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'")]
    [TestCase("{\"target\": 5}", "Expected string for target: 5")]
    [TestCase("{\"target\": \"clean\", \"clean_steps\": {\"interface\": \"bios\"}}", "Expected types <class 'NoneType'>, <class 'list'> for clean_steps: {'interface': 'bios'}")]
    [TestCase("{\"target\": \"active\", \"configdrive\": 5}", "Expected types <class 'NoneType'>, <class 'dict'>, <class 'str'> for configdrive: 5")]
    [TestCase("{\"target\": \"rescue\", \"rescue_password\": 5}", "Expected string for rescue_password: 5")]
    [TestCase("{\"target\": \"rescue\", \"rescue_password\": 5, \"disable_ramdisk\": \"x\"}", "Expected string for rescue_password: 5")]
    public async Task BadProvisionRequest_Is400AndChangesNothing(string body, string message)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var uuid = await client.CreateNode("n1");

        var answer = await client.Put("/v1/nodes/n1/states/provision", body);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.Body);
        Assert.That(answer.Fault, Is.EqualTo(message.Replace("{uuid}", uuid, StringComparison.Ordinal)));
        Assert.That((await client.Node("n1"))["provision_state"]!.GetValue<string>(), Is.EqualTo("enroll"));
    }

    [Test]
    public async Task ManualClean_WithoutSteps_IsRefused()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");
        await Lifecycle.Expect(client.Provision("n1", "manage"));
        await Lifecycle.Settled(client, "n1", "manageable");

        var answer = await client.Provision("n1", "clean");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo("\"clean_steps\" is required when setting target provision state to clean"));
    }
}
