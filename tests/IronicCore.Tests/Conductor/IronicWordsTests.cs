using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Configuration;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;
using IronicCore.Tests.Agent;

namespace IronicCore.Tests.Conductor;

/// <summary>
/// Ironic's exact words in <c>last_error</c>: users match on them, so each text is Ironic's
/// (the file and function that write it are named by each test), down to how Python prints a
/// step's dictionary.
/// </summary>
[TestFixture]
public sealed class IronicWordsTests
{
    private const string SettingsDescription =
        "List of BIOS settings, each item needs to contain a dictionary with name/value pairs";

    /// <summary>steps.py <c>_validate_user_step</c>: a missing argument is named with its <c>argsinfo</c> description.</summary>
    [Test]
    public void MissingStepArgument_IsNamedWithItsDescription()
    {
        var node = ManualClean(new StepRequest("bios", "apply_configuration"));

        Assert.That(node.LastError, Is.EqualTo(
            $"Cannot clean node {node.Uuid}: clean step {{'interface': 'bios', 'step': 'apply_configuration'}} " +
            $"is missing these required arguments: settings ({SettingsDescription})"));
    }

    /// <summary>The user's step dictionary is printed as the user wrote it: <c>args</c> in their order, and <c>{}</c> when given empty.</summary>
    [TestCase("""{"settings": [{"name": "A", "value": "1"}], "reboot": true}""",
        "{'settings': [{'name': 'A', 'value': '1'}], 'reboot': True}} has these unexpected arguments: reboot")]
    [TestCase("""{"reboot": true, "settings": []}""", "{'reboot': True, 'settings': []}} has these unexpected arguments: reboot")]
    [TestCase("{}", $"{{}}}} is missing these required arguments: settings ({SettingsDescription})")]
    public void UserStep_IsQuotedAsGiven(string args, string rest)
    {
        var node = ManualClean(new StepRequest("bios", "apply_configuration", JsonElement.Parse(args)));

        Assert.That(node.LastError, Is.EqualTo(
            $"Cannot clean node {node.Uuid}: clean step {{'interface': 'bios', 'step': 'apply_configuration', 'args': {rest}"));
    }

    /// <summary>
    /// Master's cleaning.py <c>_validate_clean_steps_early</c>: a manual clean validates its steps once
    /// before preparing the ramdisk; that pass writes the driver step's <c>abortable</c> and
    /// <c>priority</c> into the user's dictionary, and the failure is reported by the second pass.
    /// </summary>
    [TestCase(null, "{'interface': 'bios', 'step': 'apply_configuration', 'abortable': False, 'priority': 0}")]
    [TestCase("{}", "{'interface': 'bios', 'step': 'apply_configuration', 'args': {}, 'abortable': False, 'priority': 0}")]
    public void MissingStepArgument_OnMaster_QuotesTheStepAsTheEarlyValidationLeftIt(string? args, string quoted)
    {
        var node = ManualClean(
            new StepRequest("bios", "apply_configuration", args is null ? null : JsonElement.Parse(args)), IronicRelease.Master);

        Assert.That(node.LastError, Is.EqualTo(
            $"Cannot clean node {node.Uuid}: clean step {quoted} is missing these required arguments: settings ({SettingsDescription})"));
    }

    /// <summary>cleaning.py <c>get_last_error</c>: an abort that waited for a step to end says "during or after" it.</summary>
    [Test]
    public void AbortAfterANonAbortableStep_SaysDuringOrAfterTheCompletionOfTheStep()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions(IronicRelease.Release21_4));
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", DeployInterface = "direct", ProvisionState = ProvisionState.Manageable, PowerState = PowerState.PowerOff,
            AgentCleanSteps = ImmutableArray.Create(
                new StepDefinition("deploy", "update_firmware", 80, Abortable: false),
                new StepDefinition("deploy", "erase_devices", 10, Abortable: true)),
        });
        conductor.Provision("n", ApiVerb.Provide);
        conductor.Beat();
        conductor.Provision("n", ApiVerb.Abort);

        var node = conductor.Beat();

        Assert.That(node.LastError, Is.EqualTo(
            "By request, the clean operation was aborted during or after the completion of step \"deploy.update_firmware\""));
    }

    /// <summary>The oracle's fake power with its BMC down fails as <c>reboot()</c> ("power reset") or <c>set_power_state</c> ("power" and the target).</summary>
    [TestCase(PowerState.Rebooting, "Failed to change power state to 'power on' by 'rebooting': IPMI call failed: power reset.")]
    [TestCase(PowerState.SoftRebooting, "Failed to change power state to 'power on' by 'soft rebooting': IPMI call failed: power soft rebooting.")]
    public void FakePower_WithItsBmcDown_NamesTheCallThatFailed(PowerState target, string error)
    {
        var conductor = ConductorFixture.Create(new ConductorOptions(IronicRelease.Release21_4));
        conductor.Enroll("n", ProvisionState.Active, PowerState.PowerOn);
        conductor.GetMachine("n").Reachable = false;

        var node = conductor.Power("n", target);

        Assert.That(node.LastError, Is.EqualTo(error));
    }

    /// <summary>Ironic's <c>InvalidStateRequested</c> for a verb the state refuses: the node's UUID, nothing about the allowed events.</summary>
    [Test]
    public void RefusedVerb_IsIronicsSentence_WithoutTheAllowedEvents()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions(IronicRelease.Release21_4));
        var uuid = conductor.Enroll("n", ProvisionState.Available).Uuid;

        var error = Assert.Throws<Errors.InvalidStateRequestedException>(() => conductor.SetProvisionState("n", ApiVerb.Provide));

        Assert.That(error.Message, Is.EqualTo(
            $"The requested action \"provide\" can not be performed on node \"{uuid}\" while it is in state \"available\"."));
    }

    /// <summary>api/controllers/v1/node.py <c>power</c>: a refusal names the node as the request did, and its power state (None when unknown).</summary>
    [TestCase("n", null, "on", "None")]
    [TestCase("n", PowerState.PowerOff, "off", "power off")]
    [TestCase("uuid", PowerState.PowerOn, "reboot", "power on")]
    public void RefusedPowerTarget_NamesTheNodeAsTheRequestDid(string by, PowerState? power, string target, string state)
    {
        var conductor = ConductorFixture.Create(new ConductorOptions(IronicRelease.Release21_4));
        var uuid = conductor.Enroll("n", ProvisionState.Manageable, power).Uuid;
        var ident = by == "uuid" ? uuid : "n";

        var error = Assert.Throws<Errors.InvalidStateRequestedException>(() => conductor.SetPowerState(ident, target, null));

        Assert.That(error.Message, Is.EqualTo(
            $"The requested action \"{target}\" can not be performed on node \"{ident}\" while it is in state \"{state}\"."));
    }

    /// <summary>A power request during cleaning is refused with the provision state, the node named as asked.</summary>
    [Test]
    public void PowerRequestDuringCleaning_IsRefusedWithTheProvisionState()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions(IronicRelease.Release21_4));
        conductor.Enroll("n", ProvisionState.CleanWait);

        var error = Assert.Throws<Errors.InvalidStateRequestedException>(() => conductor.SetPowerState("n", PowerState.PowerOn));

        Assert.That(error.Message, Is.EqualTo("The requested action \"power on\" can not be performed on node \"n\" while it is in state \"clean wait\"."));
    }

    /// <summary>manager.py <c>do_node_rescue</c>: <c>InstanceRescueFailure</c> names the instance (None) and the node, with the validation's own error.</summary>
    [TestCase("no-rescue", "Driver fake-hardware does not support rescue (disabled or not implemented).")]
    [TestCase("agent", "Driver fake-hardware does not support validate_rescue (disabled or not implemented).")]
    public void RescueRefusedAtValidation_IsInstanceRescueFailure_InIronicsWords(string rescue, string error)
    {
        var conductor = ConductorFixture.Create(new ConductorOptions(IronicRelease.Release21_4));
        var uuid = conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", RescueInterface = rescue, ProvisionState = ProvisionState.Active, PowerState = PowerState.PowerOn,
        }).Uuid;

        var refused = Assert.Throws<Errors.InstanceRescueFailureException>(
            () => conductor.SetProvisionState("n", ApiVerb.Rescue, new ProvisionRequest { RescuePassword = "secret" }));

        Assert.That(refused.Message, Is.EqualTo($"Failed to rescue instance None for node {uuid}: Validation failed: {error}"));
    }

    private static NodeView ManualClean(StepRequest step, IronicRelease release = IronicRelease.Release21_4)
    {
        var conductor = ConductorFixture.Create(new ConductorOptions(release));
        conductor.Enroll("n", ProvisionState.Manageable);
        return conductor.Provision("n", ApiVerb.Clean, new ProvisionRequest { CleanSteps = [step] });
    }
}
