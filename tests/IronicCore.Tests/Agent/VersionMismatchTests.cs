using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;
using IronicCore.Tests.Conductor;

namespace IronicCore.Tests.Agent;

/// <summary>
/// An agent that answers <c>CLEAN_VERSION_MISMATCH</c> came back with other hardware managers
/// (behaviour spec 5.4): its steps are read again; automated cleaning starts its list over,
/// manual cleaning re-runs the step it was on.
/// </summary>
[TestFixture]
public sealed class VersionMismatchTests
{
    private static readonly StepReference Metadata = new("deploy", "erase_devices_metadata");
    private static readonly StepReference Erase = new("deploy", "erase_devices");

    [Test]
    public void VersionMismatch_InAutomatedCleaning_RestartsTheStepList()
    {
        var conductor = Manageable();
        conductor.Provision("n", ApiVerb.Provide);
        conductor.Beat();
        Assert.That(conductor.Beat().CleanStep, Is.EqualTo(Erase), "the second step runs");
        conductor.SetAgentResult("n", AgentCommandStatus.VersionMismatch);

        var node = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
            Assert.That(node.TargetProvisionState, Is.EqualTo(ProvisionState.Available));
            Assert.That(node.CleanStep, Is.EqualTo(Metadata));
            Assert.That(node.Maintenance, Is.False);
        });
    }

    [Test]
    public void VersionMismatch_InManualCleaning_ReRunsTheCurrentStep()
    {
        var conductor = Manageable();
        conductor.Provision("n", ApiVerb.Clean, new ProvisionRequest
        {
            CleanSteps = [new StepRequest("deploy", "erase_devices_metadata"), new StepRequest("deploy", "erase_devices")],
        });
        conductor.Beat();
        Assert.That(conductor.Beat().CleanStep, Is.EqualTo(Erase), "the second step runs");
        conductor.SetAgentResult("n", AgentCommandStatus.VersionMismatch);

        var node = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
            Assert.That(node.TargetProvisionState, Is.EqualTo(ProvisionState.Manageable));
            Assert.That(node.CleanStep, Is.EqualTo(Erase));
        });
        Assert.That(conductor.Beat().ProvisionState, Is.EqualTo(ProvisionState.Manageable), "the re-run step's success ends the clean");
    }

    private static IronicCore.Conductor Manageable()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions(IronicRelease.Release21_4));
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", DeployInterface = "direct", ProvisionState = ProvisionState.Manageable, PowerState = PowerState.PowerOff,
        });
        return conductor;
    }
}
