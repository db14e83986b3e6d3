using System.Text.Json;
using IronicCore.Errors;
using IronicCore.Runbooks;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Tests.Conductor;

namespace IronicCore.Tests.Runbooks;

/// <summary>
/// A runbook named in a manual clean or service request (Ironic API's <c>_handle_runbook</c>), as
/// the conductor's provision checks apply it: approval by the node's traits, its steps in place of
/// the caller's, and the microversion the request was made with.
/// </summary>
[TestFixture]
public sealed class RunbookUseTests
{
    private static IronicCore.Conductor Manageable(string runbookName, params string[] nodeTraits)
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1", ProvisionState.Manageable);
        if (nodeTraits.Length > 0)
        {
            conductor.AddNodeTraits("n1", nodeTraits);
        }

        conductor.CreateRunbook(new RunbookCreateRequest
        {
            Name = runbookName,
            Steps = [new RunbookStep("bios", "apply_configuration", JsonDocument.Parse("{\"settings\": \"bad\"}").RootElement)],
        });
        return conductor;
    }

    [Test]
    public void CleanWithARunbook_ApprovedByItsTraits_RunsItsStepsAsAManualClean()
    {
        var conductor = Manageable("bios-reset", "CUSTOM_GOLD");
        conductor.AddRunbookTrait("bios-reset", "CUSTOM_GOLD");

        var node = conductor.Provision("n1", ApiVerb.Clean, new ProvisionRequest { Runbook = "bios-reset" });

        Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
        Assert.That(node.TargetProvisionState, Is.EqualTo(ProvisionState.Manageable));
        Assert.That(node.LastError, Does.Contain("string indices must be integers, not 'str'"));
    }

    [Test]
    public void BeforeApi1_112_TheNodeNeedsATraitNamedLikeTheRunbook()
    {
        var conductor = Manageable("CUSTOM_RESET", "CUSTOM_RESET");
        var legacy = new ProvisionRequest { Runbook = "CUSTOM_RESET", ApiVersion = new Version(1, 111) };

        Assert.That(() => conductor.SetProvisionState("n1", ApiVerb.Clean), Throws.TypeOf<ClientSideErrorException>());
        Assert.That(() => conductor.SetProvisionState("n1", ApiVerb.Clean, legacy with { ApiVersion = null }), Throws.TypeOf<ClientSideErrorException>().With.Message.StartsWith("Runbook "));
        Assert.That(conductor.Provision("n1", ApiVerb.Clean, legacy).ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
    }

    [Test]
    public void BeforeApi1_92_ARunbookIsNotAcceptable()
    {
        var conductor = Manageable("CUSTOM_RESET", "CUSTOM_RESET");

        Assert.That(
            () => conductor.SetProvisionState("n1", ApiVerb.Clean, new ProvisionRequest { Runbook = "CUSTOM_RESET", ApiVersion = new Version(1, 91) }),
            Throws.TypeOf<NotAcceptableException>().With.Property(nameof(IronicException.HttpStatus)).EqualTo(406));
    }

    [Test]
    public void ARunbookWithStepsOfTheCallersOwn_IsRefused()
    {
        var conductor = Manageable("bios-reset", "CUSTOM_GOLD");
        conductor.AddRunbookTrait("bios-reset", "CUSTOM_GOLD");

        Assert.That(
            () => conductor.SetProvisionState("n1", ApiVerb.Clean, new ProvisionRequest { Runbook = "bios-reset", CleanSteps = [new Steps.StepRequest("bios", "factory_reset")] }),
            Throws.TypeOf<ClientSideErrorException>().With.Message.EqualTo("Please provide either \"clean_steps\" or a runbook, but not both."));
        Assert.That(conductor.GetNode("n1").ProvisionState, Is.EqualTo(ProvisionState.Manageable));
    }

    [Test]
    public void Release21_4_HasNoRunbookField()
    {
        var conductor = new IronicCore.Conductor(Configuration.ConductorOptions.ForRelease(IronicRelease.Release21_4));
        conductor.Enroll("n1", ProvisionState.Manageable);

        Assert.That(
            () => conductor.SetProvisionState("n1", ApiVerb.Clean, new ProvisionRequest { Runbook = "x", CleanSteps = [new Steps.StepRequest("bios", "factory_reset")] }),
            Throws.TypeOf<ClientSideErrorException>().With.Message.EqualTo("Unexpected arguments: runbook"));
    }
}
